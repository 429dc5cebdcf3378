using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7003: services are deployed but no monitoring or alerting configuration, dependency or Fly [metrics] exists.</summary>
public sealed class NoMonitoringRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7003", "No monitoring or alerting",
        "the deployed services have no monitoring or alerting configuration ({0} found); add metrics and alerts, for example a Fly [metrics] section with Prometheus/Alertmanager rules or an error tracker such as Sentry", DiagnosticCategories.Repository, DiagnosticSeverity.Warning,
        "The repository deploys services but holds no monitoring: no Prometheus, Grafana, Alertmanager, OpenTelemetry, Datadog, New Relic or Sentry configuration file, no monitoring service in a compose file, no monitoring or error-tracking dependency in a manifest, and no [metrics] section in a Fly config.");

    /// <summary>Configuration files (lower-case names, or folder names) that count as monitoring.</summary>
    internal static readonly string[] MonitoringFileMarkers = ["prometheus", "alertmanager", "grafana", "otel-collector", "otelcol", "opentelemetry", "datadog", "newrelic", "sentry.properties", ".sentryclirc", "alerts.yml", "alerts.yaml", "alert.rules", "loki", "promtail", "vector.toml", "vector.yaml", "fluent-bit", "uptime-kuma", "gatus"];

    /// <summary>Dependencies (normalised names, or prefixes ending in '/' or '-') that count as monitoring.</summary>
    internal static readonly string[] MonitoringDependencies = ["sentry-sdk", "@sentry/", "prometheus-client", "prometheus_client", "prometheus-fastapi-instrumentator", "prometheus-flask-exporter", "django-prometheus", "starlette-exporter", "prom-client", "opentelemetry-", "@opentelemetry/", "ddtrace", "dd-trace", "datadog", "newrelic", "elastic-apm", "rollbar", "bugsnag", "honeybadger", "logfire", "statsd", "@sentry-internal/"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        // Development, test and sample stacks (.devcontainer/, examples/, docker-compose.dev.yml) are not deployed services.
        var deployed = evidence.Deployables.Where(f => !DeploymentContext.IsSampleOrDevelopmentStack(f)).ToList();
        if (deployed.Count == 0 || HasMonitoring(evidence))
        {
            return;
        }

        var diagnostic = DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptor, Location.Repository, "no metrics, alerting or error-tracking configuration"), ctx.Repository);
        // Self-hosted software that only publishes images and compose files: its operators run, watch and back up the services.
        ctx.ReportDiagnostic(DeploymentContext.DeploysItself(ctx.Repository) ? diagnostic : diagnostic.Lowered());
    });

    internal static bool HasMonitoring(RepositoryEvidence evidence)
    {
        if (evidence.Fly().Any(f => f.Config.Metrics.Count > 0))
        {
            return true;
        }

        foreach (var file in evidence.Repository.Files)
        {
            string lower = file.RelativePath.ToLowerInvariant();
            if (lower.Contains("node_modules/", StringComparison.Ordinal) || RepositoryEvidence.IsDocument(file))
            {
                continue;
            }

            if (MonitoringFileMarkers.Any(m => lower.Contains(m, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        if (evidence.DependencyNames().Any(d => MonitoringDependencies.Any(m => m.EndsWith('/') || m.EndsWith('-') ? d.StartsWith(m, StringComparison.Ordinal) : d == m)))
        {
            return true;
        }

        // A monitoring service or agent in a compose file or a CI/CD step (image names and actions are in the text).
        return RepositoryEvidence.AnyContains(evidence.ComposeTexts, "prom/prometheus", "grafana/grafana", "prom/alertmanager", "otel/opentelemetry-collector", "datadog/agent", "gcr.io/datadoghq/agent", "newrelic/infrastructure", "getsentry/");
    }
}
