using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3004: an [http_service] or [[services]] with no health check (and no top-level [checks]).</summary>
public sealed class FlyServiceWithoutHealthChecksRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.FlyServiceWithoutHealthChecks];

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
                ctx.Report(Descriptors.FlyServiceWithoutHealthChecks, header.Span, "[http_service]", "add [[http_service.checks]] with a path the app answers quickly (path = \"/health\", interval = \"15s\", timeout = \"5s\")");
            }

            foreach (FlyService service in config.Services.Where(s => s.Checks.Count == 0 && s.Table.Keys.Count > 0))
            {
                ctx.Report(Descriptors.FlyServiceWithoutHealthChecks, service.Table.HeaderKey?.Span ?? service.Span, "[[services]]", "add [[services.http_checks]] or [[services.tcp_checks]]");
            }
        });
}
