using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1015: a RUN pipeline whose left side can fail, without pipefail from SHELL or set -o pipefail.</summary>
public sealed class PipeWithoutPipefailRule : InfraAnalyzer
{
    // Commands on the left of a pipe whose failure is not a concern (printing a literal).
    private static readonly HashSet<string> HarmlessProducers = new(StringComparer.Ordinal) { "echo", "printf", "true", "yes", "cat" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.PipeWithoutPipefail];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                if (RunShell.Of(instruction) is not { Script: { } script } shell || RunShell.UsesNonPosixShell(ctx.Model, instruction))
                {
                    continue;
                }

                SetOptions initial = RunShell.InitialOptions(ctx.Model, instruction);
                var top = shell.Commands.Where(c => !c.IsNested).ToList();
                var contexts = script.EnumerateCommands(initial.Apply(script.Shebang?.Arguments ?? []));
                var reported = new HashSet<ShellPipeline>();
                for (int i = 0; i < contexts.Count && i < top.Count; i++)
                {
                    CommandContext c = contexts[i];
                    if (c.Options.PipeFail || c.IsInCommandSubstitution || c.Pipeline is not { Commands.Count: > 1 } pipeline || c.PipelineIndex != pipeline.Commands.Count - 1 || !reported.Add(pipeline))
                    {
                        continue;
                    }

                    var producers = pipeline.Commands.Take(pipeline.Commands.Count - 1).ToList();
                    if (producers.All(p => p is SimpleCommand { NameValue: { } n } && HarmlessProducers.Contains(n)))
                    {
                        continue;
                    }

                    string first = producers[0] is SimpleCommand { NameValue: { } name } ? name : "the command group before the pipe";
                    // The command the pipe goes into as written (xargs in `find … | xargs rm`), not the program it wraps.
                    RunCommand receiver = top[i];
                    var (span, into) = receiver.Command.Name is { } word ? (receiver.ToSource(word), word.Value) : (receiver.NameSpan, receiver.Name ?? "");
                    ctx.Report(Descriptors.PipeWithoutPipefail, span, into, first);
                }
            }
        });
}
