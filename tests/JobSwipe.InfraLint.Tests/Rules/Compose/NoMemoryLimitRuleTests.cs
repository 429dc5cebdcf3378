using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class NoMemoryLimitRuleTests
{
    [Test]
    public void Catches_a_service_without_a_limit_and_is_a_warning_in_production()
    {
        var findings = RuleVerifier.Reports<NoMemoryLimitRule>(("compose.prod.yaml", """
            services:
              [|worker|]:
                image: app:1.0
                deploy:
                  resources:
                    limits:
                      cpus: "1"
              api:
                image: app:1.0
                mem_limit: 512m
              db:
                image: postgres:16
                deploy:
                  resources:
                    limits:
                      memory: 1g
            """));

        Assert.That(findings.Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void Does_not_report_limits_from_anchors_or_services_completed_elsewhere() =>
        RuleVerifier.ReportsNothing<NoMemoryLimitRule>(("docker-compose.override.yml", """
            x-limits: &limits
              deploy:
                resources:
                  limits:
                    memory: 256m
            services:
              api:
                <<: *limits
                image: app:1.0
              worker:
                extends: api
              web:
                ports: ["8080:80"]
            """));
}
