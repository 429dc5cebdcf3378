using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1015: a RUN pipeline whose left side can fail, without pipefail from SHELL or set -o pipefail.</summary>
public sealed class PipeWithoutPipefailRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1015", "Pipe without pipefail",
        "the pipe into '{0}' hides a failure of '{1}': without pipefail only the last command's status counts; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or start the RUN with set -o pipefail", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "A RUN pipes one command into another without `set -o pipefail`. When the first command fails (a download, a build), the RUN still succeeds and the image is built broken. Not reported when SHELL sets -o pipefail or the RUN sets it before the pipe.", fix: FixAvailability.Unsafe);

    // Commands on the left of a pipe whose failure is not a concern (printing a literal).
    private static readonly HashSet<string> HarmlessProducers = new(StringComparer.Ordinal) { "echo", "printf", "true", "yes", "cat" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            var reports = new List<(DockerInstruction Run, Diagnostic Diagnostic)>();
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
                var remoteScripts = RemoteScripts.Find(shell.Commands).Select(r => r.Receiver).ToList();
                var receivers = new List<(TextSpan Span, string Into, string First)>();
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

                    // `curl … | sh` is JSI1007's: downloading to a file and checking it removes the pipe too.
                    if (remoteScripts.Any(r => ReferenceEquals(r, top[i])))
                    {
                        continue;
                    }

                    string first = producers[0] is SimpleCommand { NameValue: { } name } ? name : "the command group before the pipe";
                    // The command the pipe goes into as written (xargs in `find … | xargs rm`), not the program it wraps.
                    RunCommand receiver = top[i];
                    var (span, into) = receiver.Command.Name is { } word ? (receiver.ToSource(word), word.Value) : (receiver.NameSpan, receiver.Name ?? "");
                    receivers.Add((span, into, first));
                }

                // One problem per RUN: one `set -o pipefail` at its start (or one SHELL line) fixes every pipe in it.
                if (receivers.Count > 0)
                {
                    reports.Add((instruction, Diagnostic.Create(Descriptor, ctx.GetLocation(receivers[0].Span), [.. receivers.Skip(1).Select(r => ctx.GetLocation(r.Span))], receivers[0].Into, receivers[0].First)));
                }
            }

            // One SHELL line, before the first reported RUN of the earliest stage in the finding's lineage that has one: every
            // finding it covers (its stage's, and those of the stages based on it, which inherit SHELL) offers the same edit.
            foreach (var (instruction, diagnostic) in reports)
            {
                var lineage = instruction.StageIndex >= 0 && instruction.StageIndex < ctx.Model.Stages.Count
                    ? ctx.Model.Lineage(ctx.Model.Stages[instruction.StageIndex]).Select(s => s.Index).ToList()
                    : [instruction.StageIndex];
                int anchor = lineage.Last(index => reports.Any(r => r.Run.StageIndex == index));
                var firstRun = reports.First(r => r.Run.StageIndex == anchor).Run;
                ctx.ReportDiagnostic(diagnostic.WithFix(ShellFix(ctx.Model, firstRun, ctx.File.RelativePath)));
            }
        });

    /// <summary>Known not to have bash: an Alpine or BusyBox base, or a stage that installs with apk.</summary>
    private static bool HasNoBash(DockerfileDocument model, DockerStage stage) =>
        model.RootFrom(stage).ImageReference is { } image && (image.Repository.Contains("alpine", StringComparison.OrdinalIgnoreCase) || image.Repository.Contains("busybox", StringComparison.OrdinalIgnoreCase) || (image.Tag?.Contains("alpine", StringComparison.OrdinalIgnoreCase) ?? false))
        || model.Lineage(stage).Any(s => s.Instructions.Any(i => RunShell.Of(i).Commands.Any(c => c.Name == "apk")));

    /// <summary>
    /// Inserts <c>SHELL ["/bin/bash", "-o", "pipefail", "-c"]</c> before the RUN (above the comments that introduce it), when
    /// the stage and the stages it is based on set no SHELL and nothing says the image lacks bash (Alpine, BusyBox, apk).
    /// Unsafe: it assumes the image has bash, and every later RUN of the stage then runs under bash with pipefail.
    /// </summary>
    private static Fix? ShellFix(DockerfileDocument model, DockerInstruction run, string path)
    {
        if (run.StageIndex < 0 || run.StageIndex >= model.Stages.Count
            || model.InheritedNewestFirst(model.Stages[run.StageIndex]).Any(i => i.Kind == DockerInstructionKind.Shell)
            || !FixEdits.StartsLine(model.Text, run.Span.Start) || HasNoBash(model, model.Stages[run.StageIndex]))
        {
            return null;
        }

        string keyword = model.Text.GetText(run.KeywordSpan).Any(char.IsLower) ? "shell" : "SHELL";
        int line = model.Text.GetPosition(run.Span.Start).Line;

        // Above the comment lines that introduce the RUN, so they keep introducing it (not into another instruction's heredoc).
        while (line > 1 && model.Text.GetLineText(line - 1).TrimStart().StartsWith('#') && !model.Instructions.Any(i => i.Span.Contains(model.Text.GetLineStart(line - 1))))
        {
            line--;
        }

        return Fix.Create("run the stage's RUN instructions under bash with pipefail", FixApplicability.Unsafe, path, FixEdits.InsertLineBefore(model.Text, line, keyword + " [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"));
    }
}
