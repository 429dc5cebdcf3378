using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

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
                ctx.Report(Descriptors.IgnoredFlyKey, issue.Span, IsEmptyValue(ctx.Model.Text.GetLineText(ctx.Model.Text.GetPosition(issue.Span.Start).Line)), issue.Subject, issue.Detail);
            }
        });

    // `processes = []`, `restart_limit = 0`: an empty legacy key changes nothing; info, so it can be deleted at leisure.
    private static bool IsEmptyValue(string line)
    {
        int eq = line.IndexOf('=', StringComparison.Ordinal);
        string value = eq < 0 ? string.Empty : line[(eq + 1)..].Split('#')[0].Trim();
        return value is "[]" or "{}" or "\"\"" or "''" or "0";
    }
}
