using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Common;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1011: more than one CMD or ENTRYPOINT in a stage; every one but the last is reported.</summary>
public sealed class RepeatedCmdOrEntrypointRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.RepeatedCmdOrEntrypoint];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                foreach (DockerInstructionKind kind in (DockerInstructionKind[])[DockerInstructionKind.Cmd, DockerInstructionKind.Entrypoint])
                {
                    var all = stage.Instructions.Where(i => i.Kind == kind).ToList();
                    for (int i = 0; i < all.Count - 1; i++)
                    {
                        DockerInstruction last = all[^1];
                        int line = ctx.Model.Text.GetPosition(last.KeywordSpan.Start).Line;
                        ctx.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.RepeatedCmdOrEntrypoint,
                            ctx.GetLocation(all[i].KeywordSpan),
                            [ctx.GetLocation(last.KeywordSpan)],
                            kind == DockerInstructionKind.Cmd ? "CMD" : "ENTRYPOINT",
                            line).WithFix(DeleteFix(ctx.Model.Text, all[i], ctx.File.RelativePath)));
                    }
                }
            }
        });

    /// <summary>
    /// Deletes the earlier instruction's lines: only the last CMD (ENTRYPOINT) of a stage takes effect, so removing an
    /// earlier one changes nothing. Only when the instruction has its lines to itself.
    /// </summary>
    private static Fix? DeleteFix(SourceText text, DockerInstruction instruction, string path) =>
        FixEdits.DeleteBlockLines(text, instruction.Span.Start, instruction.Span.End, sequenceItem: false) is { } edit
            ? Fix.Create($"remove the {instruction.Keyword.ToUpperInvariant()} that a later one replaces", FixApplicability.Safe, path, edit)
            : null;
}
