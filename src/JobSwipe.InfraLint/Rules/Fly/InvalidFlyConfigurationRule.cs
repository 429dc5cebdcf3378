using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3006: fly.toml that flyctl fails to load or validate (shape, type, allowed values, conflicts, process group references), every problem at once.</summary>
public sealed class InvalidFlyConfigurationRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.InvalidFlyConfiguration];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.Invalid))
            {
                ctx.Report(Descriptors.InvalidFlyConfiguration, issue.Span, issue.InvalidMessage);
            }
        });
}
