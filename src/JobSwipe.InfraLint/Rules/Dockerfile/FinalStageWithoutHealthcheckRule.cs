using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1003: the final image declares no HEALTHCHECK (inherited from the stages it is based on counts).</summary>
public sealed class FinalStageWithoutHealthcheckRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1003", "Image has no HEALTHCHECK",
        "the final image ('{0}') has no HEALTHCHECK; add one (HEALTHCHECK CMD ...) so Docker and orchestrators can tell a hung container from a healthy one", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "The final stage (and the stages it is based on) declares no HEALTHCHECK. Docker, Compose and Swarm then only know whether the process is alive, not whether it serves. Build stages that never become the final image are not checked; HEALTHCHECK NONE counts as a deliberate choice.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            DockerfileDocument model = ctx.Model;
            if (model.FinalStage is not { } final || final.From.ImageReference?.IsScratch == true && final.From.BaseStageIndex is null)
            {
                return;
            }

            if (model.InheritedNewestFirst(final).Any(i => i.Kind == DockerInstructionKind.Healthcheck))
            {
                return;
            }

            ctx.Report(Descriptor, final.From.KeywordSpan, final.Name ?? final.From.Image?.Text ?? "final stage");
        });
}
