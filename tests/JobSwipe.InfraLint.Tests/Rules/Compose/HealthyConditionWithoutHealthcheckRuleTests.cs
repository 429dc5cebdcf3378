using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class HealthyConditionWithoutHealthcheckRuleTests
{
    [Test]
    public void Catches_official_images_built_services_and_disabled_checks()
    {
        var findings = RuleVerifier.Reports<HealthyConditionWithoutHealthcheckRule>(
            ("docker-compose.yml", """
                services:
                  api:
                    build: ./api
                    depends_on:
                      db:
                        condition: [|service_healthy|]
                      worker:
                        condition: [|service_healthy|]
                      cache:
                        condition: [|service_healthy|]
                  db:
                    image: postgres:16
                  worker:
                    build:
                      context: ./api
                      dockerfile: Dockerfile.worker
                  cache:
                    image: redis:7
                    healthcheck:
                      disable: true
                """),
            ("api/Dockerfile", "FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"),
            ("api/Dockerfile.worker", "FROM python:3.12-slim AS base\nRUN pip install app\nFROM base\nCMD [\"worker\"]\n"));

        Assert.That(findings[0].Message, Does.StartWith("service 'api' waits for 'db' to be healthy, but 'db' has no healthcheck (none in the service, and the official image postgres defines none)"));
        Assert.That(findings[1].Message, Does.Contain("api/Dockerfile.worker"));
    }

    [Test]
    public void Does_not_report_checks_in_compose_or_the_dockerfile_or_unknown_images() =>
        RuleVerifier.ReportsNothing<HealthyConditionWithoutHealthcheckRule>(
            ("docker-compose.yml", """
                services:
                  web:
                    image: nginx:1.27
                    depends_on:
                      api:
                        condition: service_healthy
                      db:
                        condition: service_healthy
                      vendor:
                        condition: service_healthy
                      cache:
                        condition: service_started
                  api:
                    build: ./api
                  db:
                    image: postgres:16
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready"]
                  vendor:
                    image: ghcr.io/acme/vendor:2.0
                  cache:
                    image: redis:7
                """),
            ("api/Dockerfile", "FROM python:3.12-slim AS build\nHEALTHCHECK CMD true\nFROM build\nCMD [\"app\"]\n"));
}
