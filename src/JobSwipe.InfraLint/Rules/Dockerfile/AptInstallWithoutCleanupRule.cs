using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1006: in the stages of the final image, apt-get install without --no-install-recommends, and apt-get update
/// whose lists are not removed in the same RUN (a cache mount on /var/lib/apt exempts the removal).
/// </summary>
public sealed class AptInstallWithoutCleanupRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.AptInstallWithoutCleanup];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in DockerfileFacts.FinalLineage(ctx.Model))
            {
                foreach (DockerInstruction run in stage.Instructions)
                {
                    var commands = RunShell.Of(run).Commands;
                    bool listsRemoved = HasAptCacheMount(run) || commands.Any(RemovesLists);
                    foreach (RunCommand command in commands)
                    {
                        if (command.Name is not ("apt-get" or "apt"))
                        {
                            continue;
                        }

                        ShellWord? verb = command.ArgumentWords.FirstOrDefault(a => !a.Value.StartsWith('-'));
                        if (verb?.Value == "install" && !command.Command.HasFlag("no-install-recommends")
                            && !command.Arguments.Any(a => a.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase) || a.Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase) || a.Contains("Install-Recommends \"false\"", StringComparison.OrdinalIgnoreCase)))
                        {
                            ctx.Report(Descriptors.AptInstallWithoutCleanup, command.ToSource(verb), $"{command.Name} install without --no-install-recommends installs recommended packages too; add --no-install-recommends");
                        }
                        else if (verb?.Value == "update" && !listsRemoved)
                        {
                            ctx.Report(Descriptors.AptInstallWithoutCleanup, command.ToSource(verb), $"{command.Name} update leaves the package lists in this layer; end the same RUN with rm -rf /var/lib/apt/lists/* (or use RUN --mount=type=cache,target=/var/lib/apt)");
                        }
                    }
                }
            }
        });

    private static bool RemovesLists(RunCommand command) =>
        command.Name == "rm" && command.Arguments.Any(a => a.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal) || a is "/var/lib/apt" or "/var/lib/apt/")
        || command.Name == "find" && command.Arguments.Any(a => a.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)) && command.Arguments.Contains("-delete");

    private static bool HasAptCacheMount(DockerInstruction run) =>
        run.Flags.Any(f => f.Name == "mount" && f.GetOption("type") is { } type && type.ToLowerInvariant() is "cache" or "tmpfs"
            && (f.GetOption("target") ?? f.GetOption("dst") ?? f.GetOption("destination")) is { } target && target.TrimEnd('/') is "/var/lib/apt" or "/var/lib/apt/lists");
}
