using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3011: keys flyctl silently ignores (unknown, invented, legacy), with a "did you mean" where a valid key is close.</summary>
public sealed class IgnoredFlyKeyRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.IgnoredFlyKey];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.Ignored))
            {
                ctx.Report(Descriptors.IgnoredFlyKey, issue.Span, issue.Subject, issue.Detail);
            }
        });
}
