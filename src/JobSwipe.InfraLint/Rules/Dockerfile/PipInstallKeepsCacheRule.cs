using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1014: pip install without --no-cache-dir in a stage that ends up in the final image.</summary>
public sealed class PipInstallKeepsCacheRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PipInstallKeepsCache];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in DockerfileFacts.FinalLineage(ctx.Model))
            {
                bool envSet = DockerfileFacts.Lineage(ctx.Model, stage).Skip(1).Any(s => s.Instructions.OfType<KeyValueInstruction>()
                    .Any(e => e.Kind == DockerInstructionKind.Env && e.Pairs.Any(p => p.Key == "PIP_NO_CACHE_DIR" && !string.IsNullOrEmpty(p.Value))));
                if (envSet)
                {
                    continue;
                }

                // One finding per stage: one ENV PIP_NO_CACHE_DIR=1 fixes every pip install in it.
                var spans = new List<TextSpan>();
                foreach (DockerInstruction run in stage.Instructions)
                {
                    RunShell shell = RunShell.Of(run);
                    if (shell.Commands.Count == 0 || HasCacheMount(run) || run.Variables.TryGetValue("PIP_NO_CACHE_DIR", out string? v) && !string.IsNullOrEmpty(v)
                        || shell.Script?.Assignments.Any(a => a.Name == "PIP_NO_CACHE_DIR") == true)
                    {
                        continue;
                    }

                    foreach (RunCommand command in shell.Commands)
                    {
                        if (PipInstallVerb(command) is { } verb && !command.Command.HasFlag("no-cache-dir")
                            && !command.Command.Assignments.Any(a => a.Name == "PIP_NO_CACHE_DIR"))
                        {
                            spans.Add(command.ToSource(verb));
                        }
                    }
                }

                if (spans.Count > 0)
                {
                    ctx.Report(Descriptors.PipInstallKeepsCache, spans);
                }
            }
        });

    public static bool HasCacheMount(DockerInstruction run) =>
        run.Flags.Any(f => f.Name == "mount" && string.Equals(f.GetOption("type"), "cache", StringComparison.OrdinalIgnoreCase));

    // pip install, pip3 install, python -m pip install, python3.12 -m pip install.
    private static ShellWord? PipInstallVerb(RunCommand command)
    {
        string? name = command.Name;
        var args = command.Command.Arguments;
        int i;
        if (name is not null && (name == "pip" || name.StartsWith("pip3", StringComparison.Ordinal)))
        {
            i = 0;
        }
        else if (name is not null && name.StartsWith("python", StringComparison.Ordinal))
        {
            int m = -1;
            for (int k = 0; k + 1 < args.Count; k++)
            {
                if (args[k].Value == "-m" && args[k + 1].Value is "pip" or "pip3")
                {
                    m = k;
                    break;
                }
            }

            if (m < 0)
            {
                return null;
            }

            i = m + 2;
        }
        else
        {
            return null;
        }

        for (; i < args.Count; i++)
        {
            if (args[i].Value.StartsWith('-'))
            {
                continue;
            }

            return args[i].Value == "install" ? args[i] : null;
        }

        return null;
    }
}
