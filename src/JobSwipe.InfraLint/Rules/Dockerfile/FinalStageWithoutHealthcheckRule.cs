using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1003: the final image declares no HEALTHCHECK (inherited from the stages it is based on counts).</summary>
public sealed class FinalStageWithoutHealthcheckRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.FinalStageWithoutHealthcheck];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            DockerfileModel model = ctx.Model;
            if (model.FinalStage is not { } final || final.From.ImageReference?.IsScratch == true && final.From.BaseStageIndex is null)
            {
                return;
            }

            if (model.InheritedNewestFirst(final).Any(i => i.Kind == DockerInstructionKind.Healthcheck))
            {
                return;
            }

            ctx.Report(Descriptors.FinalStageWithoutHealthcheck, final.From.KeywordSpan, final.Name ?? final.From.Image?.Text ?? "final stage");
        });
}
