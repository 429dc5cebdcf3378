using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5004: a variable a deploy script requires (validation list, <c>${VAR:?}</c>) or a production compose file
/// interpolates without a default, which no env file, Fly config, secrets script, compose environment, Dockerfile,
/// CI job or the script itself provides. One finding per variable and file, at its first occurrence there.
/// </summary>
public sealed class RequiredVariableNotProvidedRule : InfraAnalyzer
{
    /// <summary>Variables the platform, the shell or the operator's CI provides: never reported.</summary>
    internal static readonly string[] PlatformVariables = ["HOME", "PATH", "USER", "SHELL", "PWD", "OLDPWD", "TMPDIR", "HOSTNAME", "LANG", "TERM", "CI", "UID", "EUID", "RANDOM", "SECONDS", "BASH_SOURCE", "IFS"];

    internal static readonly string[] PlatformPrefixes = ["FLY_", "GITHUB_", "RUNNER_", "CI_", "BUILDKITE_", "CIRCLE_", "BITBUCKET_", "SYSTEM_", "BUILD_", "AGENT_", "RAILWAY_", "RENDER_", "HEROKU_", "COMPOSE_", "DOCKER_"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.RequiredVariableNotProvided];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var index = EnvironmentVariableIndex.For(ctx.Repository);
        var reported = new HashSet<(string, string)>();
        var missing = new Dictionary<string, List<Location>>(StringComparer.Ordinal);
        foreach (var occurrence in index.Occurrences)
        {
            bool required = occurrence.Source is EnvironmentVariableSource.ScriptRequiredList or EnvironmentVariableSource.ScriptCheck
                || occurrence.Source == EnvironmentVariableSource.Interpolation && occurrence.IsRequired && occurrence.File.Kind == Workspace.FileKind.Compose;
            if (!required || IsPlatform(occurrence.Name) || !reported.Add((occurrence.Name, occurrence.File.RelativePath)))
            {
                continue;
            }

            bool provided = index.ByName[occurrence.Name].Any(o => o.IsDefinition && !o.IsPassThrough)
                || index.CiProvided.Contains(occurrence.Name)
                || index.ScriptAssigned.TryGetValue(occurrence.File.RelativePath, out var assigned) && assigned.Contains(occurrence.Name);
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
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.RequiredVariableNotProvided, locations[0], locations.Skip(1), name));
        }
    });

    private static bool IsPlatform(string name) => PlatformVariables.Contains(name) || PlatformPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
