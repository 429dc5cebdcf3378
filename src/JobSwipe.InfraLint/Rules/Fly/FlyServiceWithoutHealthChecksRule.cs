using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3004: an [http_service] or [[services]] with no health check (and no top-level [checks]).</summary>
public sealed class FlyServiceWithoutHealthChecksRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3004", "Fly service without health checks",
        "{0} has no health check: Fly routes traffic to machines that are not ready and never notices a hung app; {1}", DiagnosticCategories.Fly, DiagnosticSeverity.Warning,
        "An [http_service] or [[services]] section with no health check ([[http_service.checks]], [[services.http_checks]], [[services.tcp_checks]]) and no top-level [checks]. Without checks, deploys cannot tell a broken release and the proxy keeps sending requests to a hung machine.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            FlyConfig config = ctx.Model;
            if (config.Checks.Count > 0)
            {
                return;
            }

            if (config.HttpService is { } http && http.Checks.Count == 0 && http.Table.HeaderKey is { } header)
            {
                ctx.Report(Descriptor, header.Span, "[http_service]", "add [[http_service.checks]] with a path the app answers quickly (path = \"/health\", interval = \"15s\", timeout = \"5s\")");
            }

            foreach (FlyService service in config.Services.Where(s => s.Checks.Count == 0 && s.Table.Keys.Count > 0))
            {
                ctx.Report(Descriptor, service.Table.HeaderKey?.Span ?? service.Span, "[[services]]", "add [[services.http_checks]] or [[services.tcp_checks]]");
            }
        });
}
