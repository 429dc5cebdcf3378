using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5004: a variable a deploy script requires (validation list, <c>${VAR:?}</c>) or a production compose file
/// interpolates without a default, which no env file, Fly config, secrets script, compose environment, Dockerfile,
/// CI job or the script itself provides. One finding per variable and file, at its first occurrence there.
/// </summary>
public sealed partial class RequiredVariableNotProvidedRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5004", "Required variable provided nowhere",
        "'{0}' is required here but no env file, Fly config, secrets script, compose environment or Dockerfile provides it; add it to the env template or the secrets script", DiagnosticCategories.Secrets, DiagnosticSeverity.Warning,
        "A variable a deploy script insists on (a REQUIRED_…/…_SECRETS list, `: \"${VAR:?}\"`) or a production compose file interpolates without a default is defined by no env file (templates included), Fly [env], `fly secrets set`, compose environment or Dockerfile ENV in the repository: a deployment from this repository cannot succeed without knowledge that lives elsewhere.");

    /// <summary>Variables the platform, the shell or the operator's CI provides: never reported.</summary>
    internal static readonly string[] PlatformVariables = ["HOME", "PATH", "USER", "SHELL", "PWD", "OLDPWD", "TMPDIR", "HOSTNAME", "LANG", "TERM", "CI", "UID", "EUID", "RANDOM", "SECONDS", "BASH_SOURCE", "IFS",
        "SHLVL", "_", "PPID", "BASHPID", "LINENO", "FUNCNAME", "OPTARG", "OPTIND", "PS1", "PS2", "PS4", "BASH", "BASH_VERSION", "BASH_REMATCH", "HOSTTYPE", "OSTYPE", "MACHTYPE", "LOGNAME", "MAIL", "COLUMNS", "LINES", "PIPESTATUS", "REPLY"];

    internal static readonly string[] PlatformPrefixes = ["FLY_", "GITHUB_", "RUNNER_", "CI_", "BUILDKITE_", "CIRCLE_", "BITBUCKET_", "SYSTEM_", "BUILD_", "AGENT_", "RAILWAY_", "RENDER_", "HEROKU_", "COMPOSE_", "DOCKER_", "BATS_"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var index = EnvironmentVariableIndex.For(ctx.Repository);
        var supervised = new Lazy<HashSet<string>>(() => SupervisorProvided(ctx.Repository));
        var reported = new HashSet<(string, string)>();
        var missing = new Dictionary<string, List<Location>>(StringComparer.Ordinal);
        // Whether a name has a definition that gives it a value: once per name, however many files require it.
        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsDefined(string name)
        {
            if (!defined.TryGetValue(name, out bool value))
            {
                defined[name] = value = index.ByName[name].Any(o => o.IsDefinition && !o.IsPassThrough);
            }

            return value;
        }

        foreach (var occurrence in index.Occurrences)
        {
            bool required = occurrence.Source is EnvironmentVariableSource.ScriptRequiredList or EnvironmentVariableSource.ScriptCheck
                || occurrence.Source == EnvironmentVariableSource.Interpolation && occurrence.IsRequired && occurrence.File.Kind == Workspace.FileKind.Compose;
            if (!required || IsPlatform(occurrence.Name) || !reported.Add((occurrence.Name, occurrence.File.RelativePath)))
            {
                continue;
            }

            bool provided = IsDefined(occurrence.Name)
                || index.CiProvided.Contains(occurrence.Name)
                || index.ScriptAssigned.TryGetValue(occurrence.File.RelativePath, out var assigned) && assigned.Contains(occurrence.Name)
                || supervised.Value.Contains(occurrence.Name);
            if (!provided)
            {
                if (!missing.TryGetValue(occurrence.Name, out var locations))
                {
                    missing[occurrence.Name] = locations = [];
                }

                locations.Add(occurrence.Location);
            }
        }

        // One variable provided nowhere is one problem, however many files require it: at the first, the others as
        // additional locations (providing it once fixes them all).
        foreach (var (name, locations) in missing)
        {
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, locations[0], locations.Skip(1), name));
        }
    });

    // A supervisord program's `environment=NAME="…",OTHER="…"` (in a .conf file, or written by a script's heredoc) sets the
    // variables for the process it starts.
    private static HashSet<string> SupervisorProvided(Workspace.Repository repository)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in repository.Files.Where(f => f.Kind is Workspace.FileKind.ShellScript or Workspace.FileKind.Dockerfile || f.Name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("supervisor", StringComparison.OrdinalIgnoreCase) || f.Kind == Workspace.FileKind.Other && f.Name.IndexOf('.') < 0))
        {
            string? text = repository.GetText(file)?.Content;
            if (text is null || !text.Contains("[program:", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match line in SupervisorEnvironmentLine().Matches(text))
            {
                names.UnionWith(SupervisorEnvironmentName().Matches(line.Groups["list"].Value).Select(m => m.Groups["name"].Value));
            }
        }

        return names;
    }

    private static bool IsPlatform(string name) => PlatformVariables.Contains(name) || PlatformPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    [GeneratedRegex(@"^[ \t]*environment[ \t]*=(?<list>[^\r\n]*)", RegexOptions.Multiline, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SupervisorEnvironmentLine();

    [GeneratedRegex(@"(?:^|,)\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=")]
    private static partial Regex SupervisorEnvironmentName();
}
