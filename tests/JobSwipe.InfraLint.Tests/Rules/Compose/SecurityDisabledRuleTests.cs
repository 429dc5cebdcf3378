using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class SecurityDisabledRuleTests
{
    [Test]
    public void Catches_security_switches_in_a_production_file()
    {
        var findings = RuleVerifier.Reports<SecurityDisabledRule>(("docker-compose.production.yml", """
            services:
              search:
                image: opensearchproject/opensearch:2.15.0
                environment:
                  - [|DISABLE_SECURITY_PLUGIN|]=true
              es:
                image: elasticsearch:8.14.0
                environment:
                  [|xpack.security.enabled|]: "false"
              grafana:
                image: grafana/grafana:11.1.0
                environment:
                  [|GF_AUTH_ANONYMOUS_ENABLED|]: "true"
                  GF_AUTH_ANONYMOUS_ORG_ROLE: Admin
              db:
                image: postgres:16
                environment:
                  [|POSTGRES_HOST_AUTH_METHOD|]: trust
              cache:
                image: redis:7
                command: ["redis-server", [|"--protected-mode"|], "no"]
            """));

        Assert.That(findings[0].Message, Is.EqualTo("service 'search' switches off OpenSearch's security plugin (DISABLE_SECURITY_PLUGIN=true) in a production file; keep the security plugin on and set OPENSEARCH_INITIAL_ADMIN_PASSWORD from a secret"));
    }

    [Test]
    public void Does_not_report_secure_settings_viewer_anonymous_or_development_files()
    {
        RuleVerifier.ReportsNothing<SecurityDisabledRule>(("docker-compose.production.yml", """
            services:
              es:
                image: elasticsearch:8.14.0
                environment:
                  xpack.security.enabled: "true"
              grafana:
                image: grafana/grafana:11.1.0
                environment:
                  GF_AUTH_ANONYMOUS_ENABLED: "true"
                  GF_AUTH_ANONYMOUS_ORG_ROLE: Viewer
              cache:
                image: redis:7
                command: redis-server --appendonly yes
            """));
        RuleVerifier.ReportsNothing<SecurityDisabledRule>(("docker-compose.yml", """
            services:
              search:
                image: opensearchproject/opensearch:2.15.0
                environment:
                  DISABLE_SECURITY_PLUGIN: "true"
            """));
    }
}
