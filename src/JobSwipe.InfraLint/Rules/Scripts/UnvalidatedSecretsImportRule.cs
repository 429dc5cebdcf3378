using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4012: an env file with placeholders fed to fly secrets set/import without validation that rejects them.</summary>
public sealed partial class UnvalidatedSecretsImportRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4012", "Env file with placeholders loaded into secrets",
        "'{0}' loads {1} into Fly secrets, but {1} still holds placeholders that this script does not reject ({2}); check the values before the import (e.g. a case on *'<'*'>'*|*'${{'*|changeme) and stop on a match", DiagnosticCategories.Scripts, DiagnosticSeverity.Error,
        "A script feeds an env file to `fly secrets set`/`fly secrets import`, the file holds unresolved placeholders (`${VAR}`, `<your-key>`, `changeme`, `REPLACE_ME`), and nothing in the script before the import (a case pattern, grep, or [[ =~ ]]/[[ == ]] test) would reject them. The placeholders become the production secrets.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        foreach (WorkspaceFile file in ctx.Repository.GetFiles(FileKind.ShellScript))
        {
            if (ctx.Repository.GetModel<ShellScript>(file) is not { } script)
            {
                continue;
            }

            var facts = ScriptFacts.For(script);
            foreach (ScriptCommand command in facts.Commands)
            {
                var p = command.Line.Positionals("-a", "--app", "-c", "--config");
                if (command.Line.Name is not ("fly" or "flyctl") || p.Count < 2 || p[0].Value != "secrets" || p[1].Value is not ("import" or "set"))
                {
                    continue;
                }

                foreach (var (word, path) in EnvFiles(command, facts))
                {
                    WorkspaceFile? env = null;
                    foreach (string dir in FlyTargets.WorkingDirectories(file, facts, command))
                    {
                        if (Repository.Combine(dir, path) is { } candidate && ctx.Repository.GetFile(candidate) is { } found)
                        {
                            env = found;
                            break;
                        }
                    }

                    if (env is null || ctx.Repository.GetModel<DotEnvDocument>(env) is not { } dotenv)
                    {
                        continue;
                    }

                    var validators = Validators(script, command.Command.Span.Start);
                    var unrejected = dotenv.Entries.Where(e => e.Value is { } v && Form(e) is not null && !validators.Any(check => check(e.Key, v))).ToList();
                    if (unrejected.Count == 0)
                    {
                        continue;
                    }

                    var first = unrejected[0];
                    int line = dotenv.Text.GetSpan(first.ValueSpan).Start.Line;
                    string detail = $"{Form(first)} for {first.Key} on line {line}" + (unrejected.Count > 1 ? $", and {unrejected.Count - 1} more" : "");
                    var verb = command.Line.SpanTo(p[1]);
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(file.RelativePath, script.Text, word.Span),
                        [Location.Create(env.RelativePath, dotenv.Text, first.ValueSpan)],
                        DeployCommands.Describe(script.Text.Content, verb), env.RelativePath, detail));
                }
            }
        }
    }

    /// <summary>The kind of placeholder a value is, described without the value, or null when it is a real value.</summary>
    public static string? Form(DotEnvEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string v = entry.Value ?? "";
        if (v.Contains("${", StringComparison.Ordinal) || (entry.References.Count > 0 && SecretHeuristics.IsReference(v)))
        {
            return "a ${…} reference";
        }

        if (AngleBracketPlaceholder().IsMatch(v))
        {
            return "an <angle-bracket> placeholder";
        }

        if (SecretHeuristics.IsPlaceholder(v) || v.Contains("changeme", StringComparison.OrdinalIgnoreCase) || v.Contains("change-me", StringComparison.OrdinalIgnoreCase)
            || v.Contains("replace", StringComparison.OrdinalIgnoreCase) && v.Contains("me", StringComparison.OrdinalIgnoreCase))
        {
            return "a fill-me-in placeholder";
        }

        return null;
    }

    // The env files a secrets command reads: `< file`, `$(cat file)` arguments, --env-file.
    private static IEnumerable<(ShellWord Word, string Path)> EnvFiles(ScriptCommand command, ScriptFacts facts)
    {
        foreach (ShellRedirection r in command.Command.Redirections)
        {
            if (r.Operator == "<" && r.Target is { } target && facts.Resolve(target, command.Command.Span.Start) is { } path)
            {
                yield return (target, path);
            }
        }

        foreach (ShellWord argument in command.Line.Arguments)
        {
            foreach (ShellCommandSubstitutionPart substitution in argument.CommandSubstitutions)
            {
                var inner = substitution.Body.Items.SelectMany(i => i.Pipelines).SelectMany(p => p.Commands).OfType<SimpleCommand>().FirstOrDefault();
                if (inner is { NameValue: "cat" or "grep" } && inner.Arguments.LastOrDefault() is { } f && facts.Resolve(f, command.Command.Span.Start) is { } path)
                {
                    yield return (argument, path);
                }
            }
        }

        if (command.Line.OptionWord("--env-file") is { } envFile && facts.Resolve(envFile, command.Command.Span.Start) is { } envPath)
        {
            yield return (envFile, envPath);
        }
    }

    // Checks (key, value) → rejected, from validation before the import: case patterns, [[ == glob ]], [[ =~ regex ]], grep patterns.
    private static List<Func<string, string, bool>> Validators(ShellScript script, int before)
    {
        var result = new List<Func<string, string, bool>>();
        foreach (ShellCommand command in script.AllCommands)
        {
            if (command.Span.Start >= before)
            {
                continue;
            }

            switch (command)
            {
                case ShellCase shellCase:
                    foreach (ShellCaseItem item in shellCase.Items)
                    {
                        foreach (ShellWord pattern in item.Patterns)
                        {
                            if (pattern.Value != "*" && Glob(pattern) is { } regex)
                            {
                                result.Add((_, v) => regex.IsMatch(v));
                            }
                        }
                    }

                    break;
                case ShellTestCommand test:
                    for (int i = 1; i + 1 < test.Words.Count; i++)
                    {
                        string op = test.Words[i].Value;
                        if (op is "==" or "=" or "!=" && Glob(test.Words[i + 1]) is { } glob)
                        {
                            result.Add((_, v) => glob.IsMatch(v));
                        }
                        else if (op == "=~" && TryRegex(test.Words[i + 1].Value) is { } regex)
                        {
                            result.Add((_, v) => regex.IsMatch(v));
                        }
                    }

                    break;
                case SimpleCommand { NameValue: "grep" or "egrep" } grep:
                    {
                        var args = grep.Arguments.Where(a => !a.Value.StartsWith('-')).ToList();
                        bool fixedString = grep.HasFlag("F", "fixed-strings");
                        ShellWord? patternWord = grep.Arguments.FirstOrDefault(a => a.Value is "-e") is { } e && grep.Arguments.SkipWhile(a => a != e).Skip(1).FirstOrDefault() is { } afterE ? afterE : args.FirstOrDefault();
                        if (patternWord is null)
                        {
                            break;
                        }

                        string pattern = patternWord.Value;
                        if (fixedString)
                        {
                            result.Add((k, v) => (k + "=" + v).Contains(pattern, StringComparison.Ordinal));
                        }
                        else if (TryRegex(pattern.Replace("\\|", "|", StringComparison.Ordinal)) is { } regex)
                        {
                            result.Add((k, v) => regex.IsMatch(k + "=" + v));
                        }

                        break;
                    }
            }
        }

        return result;
    }

    private static Regex? TryRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // A shell glob word to a regex: unquoted * ? [..] are wildcards, quoted text is literal.
    private static Regex? Glob(ShellWord word)
    {
        var sb = new StringBuilder("^");
        foreach (ShellWordPart part in word.Parts)
        {
            switch (part)
            {
                case ShellGlobPart g:
                    sb.Append(g.Pattern switch
                    {
                        "*" => ".*",
                        "?" => ".",
                        _ when g.Pattern.StartsWith('[') => g.Pattern.Replace("[!", "[^", StringComparison.Ordinal),
                        _ => Regex.Escape(g.Pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal),
                    });
                    break;
                case ShellLiteralPart l:
                    sb.Append(Regex.Escape(l.Text));
                    break;
                default:
                    return null;
            }
        }

        return TryRegex(sb.Append('$').ToString());
    }

    [GeneratedRegex("<[^<>]+>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AngleBracketPlaceholder();
}
