using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1011: more than one CMD or ENTRYPOINT in a stage; every one but the last is reported.</summary>
public sealed class RepeatedCmdOrEntrypointRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1011", "CMD or ENTRYPOINT repeated in a stage",
        "this {0} has no effect: the {0} on line {1} replaces it; remove one of them", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "A stage has more than one CMD or more than one ENTRYPOINT. Only the last one takes effect, so the others mislead readers.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                foreach (DockerInstructionKind kind in (DockerInstructionKind[])[DockerInstructionKind.Cmd, DockerInstructionKind.Entrypoint])
                {
                    // One finding per stage and kind: at the first ineffective one, the other ineffective ones and the
                    // effective last one as additional locations.
                    var all = stage.Instructions.Where(i => i.Kind == kind).ToList();
                    if (all.Count > 1)
                    {
                        DockerInstruction last = all[^1];
                        int line = ctx.Model.Text.GetPosition(last.KeywordSpan.Start).Line;
                        ctx.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            ctx.GetLocation(all[0].KeywordSpan),
                            [.. all.Skip(1).Select(i => ctx.GetLocation(i.KeywordSpan))],
                            kind == DockerInstructionKind.Cmd ? "CMD" : "ENTRYPOINT",
                            line).WithFix(DeleteFix(ctx.Model.Text, all[..^1], ctx.File.RelativePath)));
                    }
                }
            }
        });

    /// <summary>
    /// Deletes the earlier instructions' lines: only the last CMD (ENTRYPOINT) of a stage takes effect, so removing the
    /// earlier ones changes nothing. Only when each has its lines to itself.
    /// </summary>
    private static Fix? DeleteFix(SourceText text, IReadOnlyList<DockerInstruction> earlier, string path)
    {
        var edits = earlier.Select(i => FixEdits.DeleteBlockLines(text, i.Span.Start, i.Span.End, sequenceItem: false)).ToList();
        return edits.All(e => e is not null)
            ? Fix.Create($"remove the {earlier[0].Keyword.ToUpperInvariant()}{(earlier.Count > 1 ? "s" : string.Empty)} that a later one replaces", FixApplicability.Safe, path, edits.OfType<TextEdit>())
            : null;
    }
}
