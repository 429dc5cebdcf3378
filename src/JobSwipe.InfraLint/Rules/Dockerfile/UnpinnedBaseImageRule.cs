using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1005: FROM without a tag or with :latest (scratch, stage names, digests and unresolved ARGs excepted).</summary>
public sealed class UnpinnedBaseImageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1005", "Base image not pinned",
        "base image '{0}' {1}; pin a version tag ({2}:<version>) or a digest so builds are reproducible", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "A FROM names an image without a tag (which means :latest) or with :latest. The image changes under the build without notice. Not reported: scratch, build stage names, digests, and images whose name comes from an ARG without a known default (unresolved is not latest).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
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
                    ctx.Report(Descriptor, image.Span, resolved.Value + via, "has no tag, so it means :latest", name);
                }
                else if (string.Equals(reference.Tag, "latest", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Report(Descriptor, image.Span, resolved.Value + via, "uses :latest", name);
                }
            }
        });
}
