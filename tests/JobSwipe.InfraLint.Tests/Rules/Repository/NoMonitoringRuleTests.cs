using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class NoMonitoringRuleTests
{
    [Test]
    public void Reports_when_deployed_services_have_no_monitoring() =>
        RuleVerifier.Reports<NoMonitoringRule>(
            ("backend/fly.toml", "app = \"api\"\n[http_service]\n  internal_port = 8080\n"),
            ("backend/requirements.txt", "fastapi==0.111.0\n"),
            ("docs/monitoring.md", "# Monitoring\nWe should add Prometheus some day.\n"),
            ("", Markup.WholeFile));

    [TestCase("fly.toml", "app = \"api\"\n[metrics]\n  port = 9091\n  path = \"/metrics\"\n")]
    [TestCase("monitoring/prometheus.yml", "scrape_configs: []\n")]
    [TestCase("ops/alertmanager.yml", "route: {}\n")]
    [TestCase("otel-collector-config.yaml", "receivers: {}\n")]
    [TestCase("requirements.txt", "sentry-sdk[fastapi]==2.5.0\n")]
    [TestCase("package.json", "{\"dependencies\": {\"@opentelemetry/api\": \"1.9.0\"}}\n")]
    [TestCase("docker-compose.monitoring.yml", "services:\n  prom:\n    image: prom/prometheus:v2.53.0\n")]
    public void Quiet_with_monitoring_evidence(string path, string content) =>
        RuleVerifier.ReportsNothing<NoMonitoringRule>(("Dockerfile", "FROM python:3.12-slim\n"), (path, content));
}
