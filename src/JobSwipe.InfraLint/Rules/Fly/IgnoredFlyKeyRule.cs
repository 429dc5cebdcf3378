using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3011: keys flyctl silently ignores (unknown, invented, legacy), with a "did you mean" where a valid key is close.</summary>
public sealed class IgnoredFlyKeyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3011", "Fly configuration key is ignored",
        "'{0}' is ignored by flyctl: {1}", DiagnosticCategories.Fly, DiagnosticSeverity.Warning,
        "A key flyctl silently ignores: unknown or invented (scale_to_zero, http_service.max_machines_running), or left from Fly's older Nomad-based platform (script_checks, restart_limit, processes = [], [experimental] allowed_public_ports). The setting has no effect; the message suggests the valid key when one is close.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.Ignored))
            {
                ctx.Report(Descriptor, issue.Span, IsEmptyValue(ctx.Model.Text.GetLineText(ctx.Model.Text.GetPosition(issue.Span.Start).Line)), issue.Subject, issue.Detail);
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
