using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3012: durations written as bare numbers, whose unit depends on the key.</summary>
public sealed class BareFlyDurationRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3012", "Duration without a unit",
        "'{0}' is a bare number: {1}; write the unit explicitly (\"10s\", \"500ms\")", DiagnosticCategories.Fly, DiagnosticSeverity.Warning,
        "A duration in fly.toml written as a bare number. flyctl reads it as seconds in kill_timeout, as milliseconds in [[services]] checks, and does not convert it elsewhere; the same number means different things in different places. A string with a unit is unambiguous.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.BareDuration))
            {
                ctx.Report(Descriptor, issue.Span, ReadAsMeant(issue.Detail, ctx.Model.Text.GetText(issue.Span)), issue.Subject, issue.Detail);
            }
        });

    // Where flyctl converts the number, a value that is plausible in that unit (kill_timeout = 5 seconds, a legacy check's
    // interval = 10000 milliseconds) is read as its author meant: only the explicit unit is missing, so info. A value that
    // is not plausible (interval = 10, i.e. 10 ms; kill_timeout = 5000, i.e. 83 minutes) stays a warning.
    private static bool ReadAsMeant(string detail, string text)
    {
        if (!double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
        {
            return false;
        }

        return detail.EndsWith("as milliseconds", StringComparison.Ordinal) ? value >= 100
            : detail.EndsWith("as seconds", StringComparison.Ordinal) && value is > 0 and <= 600;
    }
}
