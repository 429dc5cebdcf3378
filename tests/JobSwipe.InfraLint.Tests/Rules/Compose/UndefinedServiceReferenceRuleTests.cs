using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class UndefinedServiceReferenceRuleTests
{
    [Test]
    public void Catches_every_kind_of_reference_and_suggests_a_name()
    {
        var findings = RuleVerifier.Reports<UndefinedServiceReferenceRule>(("docker-compose.yml", """
            services:
              api:
                image: app:1
                depends_on:
                  [|postgress|]:
                    condition: service_started
                links:
                  - [|cache:redis|]
                volumes_from:
                  - [|data:ro|]
              sidecar:
                image: proxy:1
                network_mode: [|service:gateway|]
                extends:
                  service: [|base|]
              postgres:
                image: postgres:16
            """));

        Assert.That(findings[0].Message, Is.EqualTo("service 'api' refers to 'postgress' in depends_on, but no service of that name is defined (did you mean 'postgres'?); define it or fix the name"));
    }

    [Test]
    public void Never_suggests_the_referring_service_itself_or_a_longer_name()
    {
        // 'cach' is one edit from 'cache', but the service does not depend on itself; 'mongo' is not 'mongo-webui' (laradock).
        var findings = RuleVerifier.Reports<UndefinedServiceReferenceRule>(("compose.yml", "services:\n  cache:\n    image: redis:7\n    depends_on:\n      - [|cach|]\n  mongo-webui:\n    image: mongo-express:1\n    depends_on:\n      - [|mongo|]\n  web:\n    image: app:1\n    depends_on:\n      - [|cach|]\n"));
        Assert.Multiple(() =>
        {
            Assert.That(findings[0].Message, Does.Not.Contain("did you mean"));
            Assert.That(findings[1].Message, Does.Not.Contain("did you mean"));
            Assert.That(findings[2].Message, Does.Contain("(did you mean 'cache'?)"));
        });
    }

    [Test]
    public void Does_not_report_defined_included_or_base_file_services() =>
        RuleVerifier.ReportsNothing<UndefinedServiceReferenceRule>(
            ("docker-compose.yml", """
                include:
                  - infra/compose.yaml
                services:
                  api:
                    image: app:1
                    depends_on: [db, cache]
                    volumes_from: ["container:legacy"]
                  cache:
                    image: redis:7
                  worker:
                    extends:
                      file: common.yml
                      service: base
                """),
            ("infra/compose.yaml", """
                services:
                  db:
                    image: postgres:16
                """),
            ("docker-compose.override.yml", """
                services:
                  api:
                    depends_on: [cache]
                    links: ["cache:c"]
                """));

    // Sweep 5: a dev container lists its compose files (dockerComposeFile), which may live in different folders.
    [TestCase("service:app")]
    [TestCase("[|service:appp|]")]
    public void A_dev_container_merges_the_files_it_lists_and_an_undefined_name_is_still_reported(string networkMode) =>
        RuleVerifier.Reports<UndefinedServiceReferenceRule>(
            (".devcontainer/common/docker-compose.yml", """
                services:
                  app:
                    image: mcr.microsoft.com/devcontainers/dotnet:9.0
                """),
            (".devcontainer/internal/docker-compose.override.yml", $$"""
                services:
                  storage:
                    image: mcr.microsoft.com/azure-storage/azurite:3.33.0
                    network_mode: {{networkMode}}
                """),
            (".devcontainer/internal/devcontainer.json", """
                {
                  // The editor runs docker compose -f with each file in turn.
                  "dockerComposeFile": [
                    "../common/docker-compose.yml",
                    "docker-compose.override.yml",
                  ],
                  "service": "app"
                }
                """));
}
