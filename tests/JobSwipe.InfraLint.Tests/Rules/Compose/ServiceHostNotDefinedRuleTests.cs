using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class ServiceHostNotDefinedRuleTests
{
    [Test]
    public void Catches_a_host_defined_only_in_another_compose_file_and_names_it()
    {
        var findings = RuleVerifier.Reports<ServiceHostNotDefinedRule>(
            ("docker-compose.production.yml", """
                services:
                  backend:
                    image: app:1
                    environment:
                      OLLAMA_BASE_URL: http://[|ollama|]:11434
                """),
            ("docker-compose.yml", """
                services:
                  backend:
                    image: app:1
                  ollama:
                    image: ollama/ollama:0.3.12
                """),
            ("deploy/compose.yaml", """
                services:
                  worker:
                    image: app:1
                    environment:
                      - BROKER_URL=amqp://guest:${RABBIT_PASSWORD:?required}@[|rabbit|]:5672
                """));

        Assert.That(findings.Single(f => f.Message.Contains("ollama", StringComparison.Ordinal)).Message,
            Is.EqualTo("OLLAMA_BASE_URL of service 'backend' points at host 'ollama', which is no service of this file (docker-compose.yml defines it); define the service here or point the variable at the real host"));
    }

    [Test]
    public void Does_not_report_services_aliases_external_hosts_or_non_network_urls() =>
        RuleVerifier.ReportsNothing<ServiceHostNotDefinedRule>(("docker-compose.yml", """
            services:
              api:
                image: app:1
                environment:
                  DB: postgresql://app:${DB_PASSWORD}@db:5432/app
                  SEARCH: http://search:9200
                  CACHE: redis://cache-alias:6379
                  PAYMENTS: https://api.stripe.com/v1
                  LOCAL: http://localhost:8080
                  HOST: http://host.docker.internal:11434
                  IP: http://10.0.0.5:80
                  DYNAMIC: http://${UPSTREAM_HOST}:80
                  BUCKET: s3://uploads?region=us-east-1
                  LEGACY: http://old-db:5432
                links: ["legacy:old-db"]
              db:
                image: postgres:16
                hostname: db
              elastic:
                image: elasticsearch:8.14.0
                container_name: search
              redis:
                image: redis:7
                networks:
                  default:
                    aliases: [cache-alias]
              legacy:
                image: legacy:1
              bridge:
                image: app:1
                networks: [shared]
                environment:
                  OTHER_STACK: http://billing:8080
            networks:
              shared:
                external: true
            """));

    // Sweep 5: a URL that is an interpolation's default ends with the interpolation.
    [Test]
    public void A_default_in_an_interpolation_ends_at_its_brace_and_an_undefined_host_there_is_still_reported() =>
        RuleVerifier.Reports<ServiceHostNotDefinedRule>(("docker-compose.yml", """
            services:
              api:
                image: app:1
                environment:
                  WEB_URL: ${WEB_URL:-http://localhost}
                  CACHE_URL: ${CACHE_URL:-redis://[|valkey|]:6379}
            """));
}
