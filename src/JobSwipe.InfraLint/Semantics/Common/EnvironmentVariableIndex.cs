using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.AppCode;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>Where an environment variable name occurs.</summary>
public enum EnvironmentVariableSource
{
    /// <summary>A <c>KEY=value</c> in an env file (templates included).</summary>
    EnvFile,

    /// <summary>A key of a Fly config's <c>[env]</c>.</summary>
    FlyEnv,

    /// <summary>A <c>NAME=…</c> argument of <c>fly secrets set</c> in a script.</summary>
    FlySecret,

    /// <summary>A key of a compose service's <c>environment</c>.</summary>
    ComposeEnvironment,

    /// <summary>An <c>ENV</c> key of a Dockerfile.</summary>
    DockerfileEnv,

    /// <summary>A <c>${VAR}</c> reference in an env file or a compose file.</summary>
    Interpolation,

    /// <summary>A name in a deploy script's list of required variables (<c>REQUIRED_SECRETS=(A B)</c>).</summary>
    ScriptRequiredList,

    /// <summary>A <c>${VAR:?}</c> / <c>${VAR?}</c> check in a script.</summary>
    ScriptCheck,

    /// <summary>Application code (<c>os.environ</c>, <c>os.getenv</c>, pydantic settings, <c>process.env</c>).</summary>
    AppCode,
}

/// <summary>One occurrence of a variable name. <see cref="Scope"/> groups the definitions that configure one process (an env file, a Fly config, a compose service…).</summary>
public sealed record EnvironmentVariableOccurrence(string Name, WorkspaceFile File, SourceText Text, TextSpan Span, EnvironmentVariableSource Source, string Scope)
{
    /// <summary>True when the occurrence gives the variable a value (rather than reading or requiring it).</summary>
    public bool IsDefinition => Source is EnvironmentVariableSource.EnvFile or EnvironmentVariableSource.FlyEnv or EnvironmentVariableSource.FlySecret
        or EnvironmentVariableSource.ComposeEnvironment or EnvironmentVariableSource.DockerfileEnv;

    /// <summary>True for a definition whose value only passes the outer environment through (<c>KEY: ${KEY}</c>): it provides nothing.</summary>
    public bool IsPassThrough { get; init; }

    /// <summary>True for a deploy script's validation list or <c>${VAR:?}</c> check: the deploy fails without the variable.</summary>
    public bool IsRequired { get; init; }

    public Location Location => Location.Create(File.RelativePath, Text, Span);

    public int Line => Text.GetPosition(Span.Start).Line;
}

/// <summary>
/// Every environment variable name of the repository: where each is defined (env files, Fly <c>[env]</c>,
/// <c>fly secrets set</c>, compose <c>environment</c>, Dockerfile <c>ENV</c>) and where it is read (<c>${VAR}</c>,
/// deploy scripts' required lists and <c>${VAR:?}</c> checks, application code). Built once per repository and cached.
/// </summary>
public sealed partial class EnvironmentVariableIndex
{

    private EnvironmentVariableIndex(IReadOnlyList<EnvironmentVariableOccurrence> occurrences, IReadOnlySet<string> ciProvided, IReadOnlyDictionary<string, HashSet<string>> scriptAssigned)
    {
        CiProvided = ciProvided;
        ScriptAssigned = scriptAssigned;
        Occurrences = occurrences;
        // Names in the order of their first occurrence, each with its occurrences in order (what a grouping gives),
        // built in one pass.
        var byName = new Dictionary<string, IReadOnlyList<EnvironmentVariableOccurrence>>(StringComparer.Ordinal);
        foreach (var occurrence in occurrences)
        {
            if (!byName.TryGetValue(occurrence.Name, out var list))
            {
                byName[occurrence.Name] = list = new List<EnvironmentVariableOccurrence>();
            }

            ((List<EnvironmentVariableOccurrence>)list).Add(occurrence);
        }

        ByName = byName;
    }

    /// <summary>Every occurrence in path order, then text order.</summary>
    public IReadOnlyList<EnvironmentVariableOccurrence> Occurrences { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<EnvironmentVariableOccurrence>> ByName { get; }

    /// <summary>Upper-case keys of CI files (job and step <c>env:</c> entries): variables a CI job provides.</summary>
    public IReadOnlySet<string> CiProvided { get; }

    /// <summary>Per script path, the variables the script assigns itself.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> ScriptAssigned { get; }

    public static EnvironmentVariableIndex For(Repository repository) => repository.Facts.Get(Build);

    private static EnvironmentVariableIndex Build(Repository repository)
    {
        var list = new List<EnvironmentVariableOccurrence>();
        var ci = new HashSet<string>(StringComparer.Ordinal);
        var assigned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in repository.Files)
        {
            if (RepositoryEvidence.IsCiFile(file) && repository.GetText(file) is { } ciText)
            {
                foreach (System.Text.RegularExpressions.Match m in CiEnvKey().Matches(ciText.Content))
                {
                    ci.Add(m.Groups["k"].Value);
                }
            }

            switch (file.Kind)
            {
                case FileKind.DotEnv when repository.GetModel<DotEnvDocument>(file) is { } env:
                    foreach (var entry in env.Entries)
                    {
                        list.Add(new(entry.Key, file, env.Text, entry.KeySpan, EnvironmentVariableSource.EnvFile, file.RelativePath) { IsPassThrough = !entry.HasValue || entry.Quote != DotEnvQuote.Single && SecretHeuristics.IsReference(entry.Value) });
                        foreach (var reference in entry.References)
                        {
                            list.Add(new(reference.Name, file, env.Text, reference.NameSpan, EnvironmentVariableSource.Interpolation, file.RelativePath));
                        }
                    }

                    break;
                case FileKind.Compose when repository.GetModel<ComposeDocument>(file) is { } compose:
                    AddCompose(file, compose, list);
                    break;
                case FileKind.FlyConfig when repository.GetModel<FlyConfig>(file) is { } fly:
                    foreach (var entry in fly.Env)
                    {
                        list.Add(new(entry.Key, file, fly.Text, entry.KeySpan, EnvironmentVariableSource.FlyEnv, file.RelativePath));
                    }

                    break;
                case FileKind.Dockerfile when repository.GetModel<DockerfileDocument>(file) is { } docker:
                    foreach (var dockerInstruction in docker.Instructions)
                    {
                        if (dockerInstruction is not KeyValueInstruction instruction || !instruction.Keyword.Equals("ENV", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        foreach (var pair in instruction.Pairs)
                        {
                            list.Add(new(pair.Key, file, docker.Text, pair.KeySpan, EnvironmentVariableSource.DockerfileEnv, file.RelativePath));
                        }
                    }

                    break;
                case FileKind.ShellScript when repository.GetModel<ShellScript>(file) is { } script:
                    AddScript(file, script, list);
                    assigned[file.RelativePath] = [.. script.Assignments.Select(a => a.Name)];
                    break;
                case FileKind.Other when AppEnvironmentReads.Supports(file.Name) && !IsVendored(file.RelativePath) && repository.GetText(file) is { } code:
                    foreach (var read in AppEnvironmentReads.Read(code, file.Name))
                    {
                        list.Add(new(read.Name, file, code, read.Span, EnvironmentVariableSource.AppCode, file.RelativePath) { IsRequired = read.Kind == AppEnvironmentReadKind.Required });
                    }

                    break;
            }
        }

        return new EnvironmentVariableIndex(list, ci, assigned);
    }

    private static void AddCompose(WorkspaceFile file, ComposeDocument compose, List<EnvironmentVariableOccurrence> list)
    {
        foreach (var service in compose.Services)
        {
            string scope = file.RelativePath + "#" + service.Name;
            foreach (var entry in service.Environment)
            {
                list.Add(new(entry.Key, file, compose.Text, entry.KeySpan, EnvironmentVariableSource.ComposeEnvironment, scope) { IsPassThrough = entry.Value is null || SecretHeuristics.IsReference(entry.Value) });
                if (entry.Value is null || entry.ValueNode is null)
                {
                    continue;
                }

                foreach (var reference in ComposeInterpolation.Find(entry.Value))
                {
                    int nameOffset = reference.Start + (reference.IsBraced ? 2 : 1);
                    var span = entry.ValueNode.MapValueSpanToSource(nameOffset, reference.Name.Length);
                    list.Add(new(reference.Name, file, compose.Text, span, EnvironmentVariableSource.Interpolation, scope)
                    {
                        IsRequired = reference.IsRequired || !reference.HasDefault && file.Environment == FileEnvironment.Production,
                    });
                }
            }
        }
    }

    private static bool IsVendored(string path) =>
        path.Contains("node_modules/", StringComparison.Ordinal) || path.Contains("site-packages/", StringComparison.Ordinal) || path.StartsWith("vendor/", StringComparison.Ordinal)
        || path.Contains("/vendor/", StringComparison.Ordinal) || path.Contains("/dist/", StringComparison.Ordinal) || path.StartsWith("dist/", StringComparison.Ordinal)
        || path.EndsWith(".min.js", StringComparison.Ordinal);

    private static void AddScript(WorkspaceFile file, ShellScript script, List<EnvironmentVariableOccurrence> list)
    {
        foreach (var node in script.AllCommands)
        {
            if (node is not SimpleCommand command)
            {
                continue;
            }

            foreach (var assignment in command.Assignments)
            {
                if (assignment.ArrayElements is { } elements && IsRequiredListName(assignment.Name))
                {
                    foreach (var element in elements.Where(e => e.IsLiteral && IsVariableName(e.Value)))
                    {
                        list.Add(new(element.Value, file, script.Text, element.Span, EnvironmentVariableSource.ScriptRequiredList, file.RelativePath) { IsRequired = true });
                    }
                }

                AddChecks(file, script, assignment.Value, list);
            }

            AddChecks(file, script, command.Name, list);
            foreach (var word in command.Arguments)
            {
                AddChecks(file, script, word, list);
            }

            var args = command.Arguments;
            if (command.NameValue is "fly" or "flyctl" && args.Count >= 2 && args[0].Value == "secrets" && args[1].Value == "set")
            {
                foreach (var arg in args.Skip(2))
                {
                    int eq = arg.Text.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0 && IsVariableName(arg.Text[..eq]))
                    {
                        list.Add(new(arg.Text[..eq], file, script.Text, new TextSpan(arg.Span.Start, eq), EnvironmentVariableSource.FlySecret, file.RelativePath));
                    }
                }
            }
        }
    }

    private static void AddChecks(WorkspaceFile file, ShellScript script, ShellWord? word, List<EnvironmentVariableOccurrence> list)
    {
        // Only an expansion holds a variable part.
        if (word is null || !word.HasExpansion)
        {
            return;
        }

        foreach (var wordPart in word.Parts)
        {
            if (wordPart is not ShellVariablePart part)
            {
                continue;
            }

            // ${VAR:?message} or ${VAR?message}: the script stops when VAR is unset.
            string text = part.Text;
            if (part.IsBraced && text.StartsWith("${" + part.Name, StringComparison.Ordinal) && IsVariableName(part.Name)
                && text.AsSpan(2 + part.Name.Length).TrimStart(':').StartsWith("?"))
            {
                list.Add(new(part.Name, file, script.Text, new TextSpan(part.Span.Start + 2, part.Name.Length), EnvironmentVariableSource.ScriptCheck, file.RelativePath) { IsRequired = true });
            }
        }
    }

    /// <summary>Array names that hold a deploy script's required variables: REQUIRED_SECRETS, REQUIRED_VARS, REQUIRED_ENV, SECRETS…</summary>
    internal static bool IsRequiredListName(string name)
    {
        string upper = name.ToUpperInvariant();
        return upper.Contains("REQUIRED", StringComparison.Ordinal) || upper.EndsWith("SECRETS", StringComparison.Ordinal) || upper.EndsWith("_VARS", StringComparison.Ordinal)
            || upper.EndsWith("_ENV_VARS", StringComparison.Ordinal) || upper.EndsWith("_VARIABLES", StringComparison.Ordinal) || upper is "REQUIRED" or "VARS" or "NEEDED";
    }

    private static bool IsVariableName(string s) =>
        s.Length > 0 && (char.IsAsciiLetterUpper(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    // "[ \t]+-?[ \t]*" split a long run of blanks between its two loops in every way before giving up (quadratic on a
    // line of blanks); the same language, with the second loop only after the dash, backs off once.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]+(?:-[ \t]*)?(?<k>[A-Z_][A-Z0-9_]*)[ \t]*[:=]", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ExplicitCapture)]
    private static partial System.Text.RegularExpressions.Regex CiEnvKey();
}
