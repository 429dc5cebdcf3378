using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.AppCode;

/// <summary>How application code reads an environment variable.</summary>
public enum AppEnvironmentReadKind
{
    /// <summary><c>os.environ["X"]</c>, <c>process.env.X</c> without a fallback: the variable is required.</summary>
    Required,

    /// <summary><c>os.getenv("X", default)</c>, <c>os.environ.get("X")</c>: optional.</summary>
    Optional,

    /// <summary>A field of a pydantic <c>BaseSettings</c> subclass (the name is the field name, upper-cased, with the class's env_prefix).</summary>
    SettingsField,
}

/// <summary>One environment variable read in application code; <see cref="Span"/> covers the variable name as written.</summary>
public sealed record AppEnvironmentRead(string Name, TextSpan Span, AppEnvironmentReadKind Kind);

/// <summary>
/// A deliberately small reader of how Python and JavaScript/TypeScript code reads environment variables:
/// <c>os.environ["X"]</c>, <c>os.environ.get("X")</c>, <c>os.getenv("X")</c>, <c>environ["X"]</c>, pydantic
/// <c>BaseSettings</c> subclass fields (with <c>env_prefix</c>, <c>alias</c>/<c>validation_alias</c>/<c>env</c>), and
/// <c>process.env.X</c>/<c>process.env["X"]</c>/<c>import.meta.env.X</c>. Comment lines are skipped. It is not a parser
/// of either language: it reads only these shapes, which is what the environment-variable index needs.
/// </summary>
public static partial class AppEnvironmentReads
{
    /// <summary>True for the file names this reader understands.</summary>
    public static bool Supports(string fileName)
    {
        string lower = fileName.ToLowerInvariant();
        return lower.EndsWith(".py", StringComparison.Ordinal) || IsJavaScript(lower);
    }

    public static IReadOnlyList<AppEnvironmentRead> Read(SourceText text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        string lower = fileName.ToLowerInvariant();
        var result = new List<AppEnvironmentRead>();
        string content = text.Content;
        if (lower.EndsWith(".py", StringComparison.Ordinal))
        {
            foreach (Match m in PythonRead().Matches(content))
            {
                if (!InComment(content, m.Index, "#"))
                {
                    var g = m.Groups["name"];
                    var kind = m.Groups["op"].Value.Contains('[', StringComparison.Ordinal) ? AppEnvironmentReadKind.Required : AppEnvironmentReadKind.Optional;
                    result.Add(new AppEnvironmentRead(g.Value, new TextSpan(g.Index, g.Length), kind));
                }
            }

            ReadSettingsClasses(text, result);
        }
        else if (IsJavaScript(lower))
        {
            foreach (Match m in JavaScriptRead().Matches(content))
            {
                if (!InComment(content, m.Index, "//"))
                {
                    var g = m.Groups["name"];
                    result.Add(new AppEnvironmentRead(g.Value, new TextSpan(g.Index, g.Length), AppEnvironmentReadKind.Optional));
                }
            }
        }

        result.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return result;
    }

    private static bool IsJavaScript(string lower) =>
        lower.EndsWith(".js", StringComparison.Ordinal) || lower.EndsWith(".mjs", StringComparison.Ordinal) || lower.EndsWith(".cjs", StringComparison.Ordinal)
        || lower.EndsWith(".ts", StringComparison.Ordinal) && !lower.EndsWith(".d.ts", StringComparison.Ordinal) || lower.EndsWith(".tsx", StringComparison.Ordinal) || lower.EndsWith(".jsx", StringComparison.Ordinal);

    private static bool InComment(string content, int index, string marker)
    {
        int lineStart = index == 0 ? 0 : content.LastIndexOf('\n', index - 1) + 1;
        return content.AsSpan(lineStart, index - lineStart).TrimStart().StartsWith(marker, StringComparison.Ordinal);
    }

    // class Settings(BaseSettings): the fields up to the end of the indented body.
    private static void ReadSettingsClasses(SourceText text, List<AppEnvironmentRead> result)
    {
        for (int line = 1; line <= text.LineCount; line++)
        {
            var header = SettingsClass().Match(text.GetLineText(line));
            if (!header.Success)
            {
                continue;
            }

            int classIndent = header.Groups["indent"].Length;
            string prefix = string.Empty;
            var fields = new List<(string Name, int Start, int Length)>();
            int bodyIndent = -1;
            int next = line + 1;
            for (; next <= text.LineCount; next++)
            {
                string body = text.GetLineText(next);
                if (body.Trim().Length == 0 || body.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                int indent = body.Length - body.TrimStart().Length;
                if (indent <= classIndent)
                {
                    break;
                }

                if (bodyIndent < 0)
                {
                    bodyIndent = indent;
                }

                var envPrefix = EnvPrefix().Match(body);
                if (envPrefix.Success)
                {
                    prefix = envPrefix.Groups["prefix"].Value;
                }

                if (indent != bodyIndent)
                {
                    continue;
                }

                var field = SettingsField().Match(body);
                if (field.Success && field.Groups["name"].Value is not ("model_config" or "Config") && !field.Groups["name"].Value.StartsWith('_'))
                {
                    var alias = FieldAlias().Match(body);
                    int start = text.GetLineStart(next);
                    fields.Add(alias.Success
                        ? (alias.Groups["alias"].Value, start + alias.Groups["alias"].Index, alias.Groups["alias"].Length)
                        : (field.Groups["name"].Value, start + field.Groups["name"].Index, field.Groups["name"].Length));
                }
            }

            foreach (var (name, start, length) in fields)
            {
                result.Add(new AppEnvironmentRead((prefix + name).ToUpperInvariant(), new TextSpan(start, length), AppEnvironmentReadKind.SettingsField));
            }

            line = next - 1;
        }
    }

    [GeneratedRegex(@"\b(?:os\.)?(?<op>environ\s*\[|environ\.get\s*\(|getenv\s*\(|environ\.setdefault\s*\()\s*[rbu]?[""'](?<name>[A-Za-z_][A-Za-z0-9_]*)[""']", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PythonRead();

    [GeneratedRegex(@"\b(?:process\.env|import\.meta\.env)(?:\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[\s*[""'`](?<name>[A-Za-z_][A-Za-z0-9_]*)[""'`]\s*\])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex JavaScriptRead();

    [GeneratedRegex(@"^(?<indent>[ \t]*)class\s+\w+\s*\((?:[^)]*\b)?BaseSettings\b[^)]*\)\s*:", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SettingsClass();

    [GeneratedRegex(@"^[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*[^=]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SettingsField();

    [GeneratedRegex(@"\b(?:validation_alias|alias|env)\s*=\s*[""'](?<alias>[A-Za-z_][A-Za-z0-9_]*)[""']", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FieldAlias();

    [GeneratedRegex(@"\benv_prefix\s*[=:]\s*[""'](?<prefix>[A-Za-z0-9_]*)[""']", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex EnvPrefix();
}
