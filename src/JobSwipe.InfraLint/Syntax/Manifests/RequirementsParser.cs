using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Manifests;

/// <summary>The parts of a PEP 508 requirement string, with offsets into that string.</summary>
internal readonly record struct Pep508Requirement(int NameStart, int NameEnd, IReadOnlyList<string> Extras, string? VersionSpec);

internal static class Pep508
{
    /// <summary>Reads <c>name[extras] version-spec ; markers</c> or <c>name @ url</c>; null when there is no valid name.</summary>
    public static Pep508Requirement? Parse(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        int nameStart = i;
        if (i >= s.Length || !char.IsAsciiLetterOrDigit(s[i]))
        {
            return null;
        }

        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '.' or '_' or '-'))
        {
            i++;
        }

        int nameEnd = i;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        var extras = new List<string>();
        if (i < s.Length && s[i] == '[')
        {
            int close = s.IndexOf(']', i);
            if (close < 0)
            {
                return null;
            }

            extras.AddRange(s[(i + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            i = close + 1;
        }

        string rest = s[i..];
        int marker = rest.IndexOf(';');
        string spec = (marker >= 0 ? rest[..marker] : rest).Trim();
        if (spec.StartsWith('@'))
        {
            return new Pep508Requirement(nameStart, nameEnd, extras, null);
        }

        if (spec.StartsWith('(') && spec.EndsWith(')'))
        {
            spec = spec[1..^1].Trim();
        }

        if (spec.Length > 0 && !"<>=!~".Contains(spec[0]))
        {
            return null;
        }

        return new Pep508Requirement(nameStart, nameEnd, extras, spec.Length == 0 ? null : spec);
    }
}

/// <summary>
/// Parses pip requirements files (requirements.txt, requirements-dev.txt, constraints): PEP 508 requirements,
/// <c>-r</c>/<c>-c</c> includes, option lines, editable installs and URLs (tolerated; named when they carry
/// <c>#egg=name</c>), comments, and backslash line continuations.
/// </summary>
public static class RequirementsParser
{
    /// <param name="text">The file.</param>
    /// <param name="isDev">Marks every dependency as a development dependency (for requirements-dev.txt and the like).</param>
    public static ParseResult<RequirementsManifest> Parse(SourceText text, bool isDev = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var deps = new List<Dependency>();
        var comments = new List<SyntaxComment>();
        var includes = new List<RequirementsInclude>();
        var options = new List<RequirementsOption>();
        var invalid = new List<RequirementsInvalidLine>();
        string s = text.Content;
        bool continuation = false;
        for (int line = 1; line <= text.LineCount; line++)
        {
            int start = text.GetLineStart(line);
            int end = text.GetLineEnd(line);
            bool wasContinuation = continuation;

            // A comment: '#' at the start or after whitespace.
            int contentEnd = end;
            for (int k = start; k < end; k++)
            {
                if (s[k] == '#' && (k == start || char.IsWhiteSpace(s[k - 1])))
                {
                    comments.Add(new SyntaxComment(TextSpan.FromBounds(k, end), s[(k + 1)..end].Trim()));
                    contentEnd = k;
                    break;
                }
            }

            int a = start;
            int b = contentEnd;
            while (a < b && char.IsWhiteSpace(s[a]))
            {
                a++;
            }

            while (b > a && char.IsWhiteSpace(s[b - 1]))
            {
                b--;
            }

            continuation = b > a && s[b - 1] == '\\';
            if (continuation)
            {
                b--;
                while (b > a && char.IsWhiteSpace(s[b - 1]))
                {
                    b--;
                }
            }

            if (wasContinuation || a == b)
            {
                // Continuation lines carry options (--hash=...) of the requirement above.
                continue;
            }

            var span = TextSpan.FromBounds(a, b);
            string lineText = s[a..b];
            if (lineText.StartsWith('-'))
            {
                ReadOption(s, a, b, span, lineText, deps, includes, options, isDev);
                continue;
            }

            Pep508Requirement? req = Pep508.Parse(lineText);
            bool directReference = req is { } dr && lineText[dr.NameEnd..].TrimStart().StartsWith('@');
            if (!directReference && LooksLikeUrlOrPath(lineText))
            {
                options.Add(new RequirementsOption(lineText, span));
                AddEggDependency(lineText, a, deps, isDev);
                continue;
            }

            if (req is not { } r)
            {
                invalid.Add(new RequirementsInvalidLine(lineText, span, "This line is not a requirement, an option or an include."));
                continue;
            }

            string raw = lineText[r.NameStart..r.NameEnd];
            deps.Add(new Dependency(Dependency.Normalize(raw), raw, TextSpan.FromBounds(a + r.NameStart, a + r.NameEnd), isDev)
            {
                Extras = r.Extras,
                VersionSpec = r.VersionSpec,
            });
        }

        return ParseResult<RequirementsManifest>.Success(new RequirementsManifest(text, deps, comments, includes, options, invalid));
    }

    private static bool LooksLikeUrlOrPath(string line) =>
        line.Contains("://", StringComparison.Ordinal) || line.StartsWith('.') || line.StartsWith('/') || line.StartsWith('~')
        || line.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || line.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || line.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("git+", StringComparison.OrdinalIgnoreCase);

    private static void AddEggDependency(string lineText, int offset, List<Dependency> deps, bool isDev)
    {
        int egg = lineText.IndexOf("#egg=", StringComparison.Ordinal);
        if (egg < 0)
        {
            return;
        }

        int nameStart = egg + 5;
        int nameEnd = nameStart;
        while (nameEnd < lineText.Length && (char.IsAsciiLetterOrDigit(lineText[nameEnd]) || lineText[nameEnd] is '.' or '_' or '-'))
        {
            nameEnd++;
        }

        if (nameEnd > nameStart)
        {
            string raw = lineText[nameStart..nameEnd];
            deps.Add(new Dependency(Dependency.Normalize(raw), raw, TextSpan.FromBounds(offset + nameStart, offset + nameEnd), isDev));
        }
    }

    private static void ReadOption(string s, int a, int b, TextSpan span, string lineText, List<Dependency> deps, List<RequirementsInclude> includes, List<RequirementsOption> options, bool isDev)
    {
        string[] includeFlags = ["-r", "--requirement", "-c", "--constraint"];
        foreach (string flag in includeFlags)
        {
            if (!lineText.StartsWith(flag, StringComparison.Ordinal))
            {
                continue;
            }

            int p = a + flag.Length;
            if (p < b && s[p] == '=' && flag.StartsWith("--", StringComparison.Ordinal))
            {
                p++;
            }
            else if (p < b && !char.IsWhiteSpace(s[p]) && flag.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            while (p < b && char.IsWhiteSpace(s[p]))
            {
                p++;
            }

            if (p >= b)
            {
                continue;
            }

            includes.Add(new RequirementsInclude(flag is "-c" or "--constraint", s[p..b], TextSpan.FromBounds(p, b), span));
            return;
        }

        options.Add(new RequirementsOption(lineText, span));
        if (lineText.StartsWith("-e", StringComparison.Ordinal) || lineText.StartsWith("--editable", StringComparison.Ordinal))
        {
            AddEggDependency(lineText, a, deps, isDev);
        }
    }
}
