using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3012: durations written as bare numbers, whose unit depends on the key.</summary>
public sealed class BareFlyDurationRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.BareFlyDuration];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.BareDuration))
            {
                ctx.Report(Descriptors.BareFlyDuration, issue.Span, issue.Subject, issue.Detail);
            }
        });
}
