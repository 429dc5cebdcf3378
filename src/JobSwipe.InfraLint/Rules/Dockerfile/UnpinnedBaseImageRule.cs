using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1005: FROM without a tag or with :latest (scratch, stage names, digests and unresolved ARGs excepted).</summary>
public sealed class UnpinnedBaseImageRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.UnpinnedBaseImage];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                FromInstruction from = stage.From;
                if (from.Image is not { } image || from.BaseStageIndex is not null || from.ResolvedImage is not { IsResolved: true } resolved
                    || from.ImageReference is not { } reference || reference.IsScratch || reference.HasDigest)
                {
                    continue;
                }

                // A resolved name that is itself a stage name (FROM ${STAGE}).
                if (ctx.Model.Stages.Take(stage.Index).Any(s => s.Name is not null && string.Equals(s.Name, resolved.Value, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                string via = resolved.Value == image.Text ? "" : $" (from {image.Text})";
                string name = (reference.Registry is null ? "" : reference.Registry + "/") + reference.Repository;
                if (!reference.HasTag)
                {
                    ctx.Report(Descriptors.UnpinnedBaseImage, image.Span, resolved.Value + via, "has no tag, so it means :latest", name);
                }
                else if (string.Equals(reference.Tag, "latest", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Report(Descriptors.UnpinnedBaseImage, image.Span, resolved.Value + via, "uses :latest", name);
                }
            }
        });
}
