using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>
/// The precision suite's compose-merge patterns (issue 16 B and D): names used in one compose file and defined in a file
/// it is used together with are not undefined (JSI2005 services, JSI2007 volumes/networks/secrets/configs, JSI2015 URL
/// hosts); a name defined nowhere in the merged project still is. Each case is a minimal repository of our own text
/// modelled on a pattern seen in a public repository; the verdict is the set of findings of the three rules.
/// </summary>
public sealed class ComposeMergePrecisionTests
{
    private const string Base = """
        services:
          app:
            image: app:1.0
            volumes:
              - data:/data
          db:
            image: postgres:16
        volumes:
          data:
        """;

    private const string AppWithSecret = """
        services:
          app:
            image: app:1.0
            secrets:
              - app_password
        """;

    [Test]
    public void Default_override_file_uses_the_base_services_and_volumes() =>
        AssertFindings(
            [],
            ("compose.yaml", Base),
            ("compose.override.yaml", """
                services:
                  worker:
                    image: app:1.0
                    depends_on: [db]
                    volumes:
                      - data:/data
                """));

    [Test]
    public void S3_add_on_merged_with_minus_f_uses_the_base_services() =>
        AssertFindings(
            [],
            ("docker-compose.yml", Base),
            ("docker-compose.s3.yml", """
                services:
                  minio:
                    image: minio/minio:RELEASE.2024-06-13T22-53-53Z
                  app:
                    image: app:1.0
                    depends_on:
                      - db
                      - minio
                    environment:
                      S3_ENDPOINT: http://minio:9000
                      DATABASE_URL: postgres://db:5432/app
                """));

    [Test]
    public void Add_on_in_a_sub_folder_merged_with_the_root_base_uses_its_services_and_volumes() =>
        AssertFindings(
            [],
            ("compose.yaml", Base),
            ("overrides/compose.migrator.yaml", """
                services:
                  migrator:
                    image: app:1.0
                    depends_on:
                      db:
                        condition: service_healthy
                    volumes:
                      - data:/data
                """));

    [Test]
    public void Base_whose_secrets_are_declared_in_the_overlays_ci_names_in_compose_file() =>
        AssertFindings(
            [],
            ("compose.yaml", AppWithSecret),
            ("ci/base.yaml", """
                secrets:
                  app_password:
                    environment: APP_PASSWORD
                """),
            ("ci/smoke/compose.yaml", """
                services:
                  app:
                    environment:
                      MODE: smoke
                """),
            (".github/workflows/test.yml", """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    env:
                      COMPOSE_FILE: compose.yaml:ci/base.yaml:${{ matrix.dir }}compose.yaml
                    steps:
                      - run: docker compose up --wait
                """));

    [Test]
    public void Base_whose_secrets_are_declared_in_a_committed_override_template() =>
        AssertFindings(
            [],
            ("compose.yaml", AppWithSecret),
            ("compose.override.yaml.example", """
                secrets:
                  app_password:
                    environment: APP_PASSWORD
                services:
                  app:
                    environment:
                      HOST: app.example.com
                """));

    [Test]
    public void Compose_file_in_dot_env_with_its_path_separator() =>
        AssertFindings(
            [],
            ("deploy/.env", "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=stack.yml;stack.monitoring.yml\n"),
            ("deploy/stack.yml", Base),
            ("deploy/stack.monitoring.yml", """
                services:
                  exporter:
                    image: prometheuscommunity/postgres-exporter:v0.15.0
                    depends_on: [db]
                    networks: [metrics]
                networks:
                  metrics:
                """));

    [Test]
    public void Files_combined_by_f_flags_in_a_makefile() =>
        AssertFindings(
            [],
            ("Makefile", "up:\n\t@docker compose -f infra/base.yml -f infra/tools.yml up -d\n"),
            ("infra/base.yml", Base),
            ("infra/tools.yml", """
                services:
                  adminer:
                    image: adminer:4.8.1
                    links: [db]
                """));

    [Test]
    public void Files_combined_by_f_flags_in_a_script_and_by_compose_file_in_a_script() =>
        AssertFindings(
            [],
            ("scripts/up.sh", "#!/bin/sh\nset -e\nexport COMPOSE_FILE=../docker/main.yml:../docker/cache.yml\ndocker compose -f ../docker/main.yml -f ../docker/queue.yml up -d\n"),
            ("docker/main.yml", Base),
            ("docker/cache.yml", "services:\n  cache:\n    image: redis:7.2\n    depends_on: [app]\n"),
            ("docker/queue.yml", "services:\n  queue:\n    image: rabbitmq:3.13\n    volumes_from: [app]\n"));

    [Test]
    public void Service_extending_a_service_of_another_file_uses_that_files_names() =>
        AssertFindings(
            [],
            ("compose.yaml", Base),
            ("tools/compose.tools.yaml", """
                services:
                  shell:
                    extends:
                      file: ../compose.yaml
                      service: app
                    depends_on: [db]
                """));

    [Test]
    public void A_name_defined_nowhere_in_the_merged_project_is_still_an_error()
    {
        var findings = AssertFindings(
            ["compose.override.yaml(4,18) JSI2005", "compose.override.yaml(6,9) JSI2007", "docker-compose.s3.yml(5,9) JSI2005"],
            ("compose.yaml", Base),
            ("compose.override.yaml", """
                services:
                  worker:
                    image: app:1.0
                    depends_on: [dbb]
                    volumes:
                      - cache:/cache
                """),
            ("docker-compose.s3.yml", """
                services:
                  app:
                    image: app:1.0
                    depends_on:
                      - minio
                    environment:
                      S3_ENDPOINT: http://minio:9000
                """));

        // One problem, one finding: 'minio' is named in depends_on (JSI2005) and in a URL (JSI2015 stays quiet).
        Assert.That(findings.First(f => f.Id == "JSI2005").Message, Does.Contain("'dbb'").And.Contain("in this file or the files it is used with (compose.yaml)").And.Contain("did you mean 'db'?"));
    }

    [Test]
    public void A_complete_alternative_file_is_not_merged_with_the_development_file() =>
        // docker-compose.production.yml is used on its own: it redefines its services completely and needs nothing of the
        // development file, so a URL to a service only the development file runs is still reported.
        AssertFindings(
            ["docker-compose.production.yml(5,26) JSI2015"],
            ("docker-compose.yml", "services:\n  app:\n    image: app:1.0\n  ollama:\n    image: ollama/ollama:0.3.12\n"),
            ("docker-compose.production.yml", """
                services:
                  app:
                    image: app:1.0
                    environment:
                      OLLAMA_URL: http://ollama:11434
                """));

    [Test]
    public void Files_named_only_in_one_list_are_not_merged_with_files_of_another_list() =>
        AssertFindings(
            ["docker/queue.yml(4,18) JSI2005"],
            ("scripts/up.sh", "#!/bin/sh\nset -e\ndocker compose -f docker/main.yml -f docker/cache.yml up -d\ndocker compose -f docker/queue.yml up -d\n"),
            ("docker/main.yml", Base),
            ("docker/cache.yml", "services:\n  cache:\n    image: redis:7.2\n"),
            ("docker/queue.yml", "services:\n  queue:\n    image: rabbitmq:3.13\n    depends_on: [cache]\n"));

    [Test]
    public void Per_service_fragments_the_root_file_includes_use_its_networks_volumes_and_each_others_services() =>
        // laradock: the root docker-compose.yml declares the networks and volumes and includes `<service>/compose.yml`;
        // each fragment uses the root's networks and volumes and depends on services other fragments define. Compose
        // validates the merged project, so none of these names is undefined; a name nothing defines still is.
        AssertFindings(
            ["nginx/compose.yml(7,9) JSI2005", "nginx/compose.yml(10,9) JSI2007"],
            ("docker-compose.yml", """
                networks:
                  frontend:
                  backend:
                volumes:
                  cache:
                include:
                  - path: php-fpm/compose.yml
                  - path: nginx/compose.yml
                """),
            ("php-fpm/compose.yml", """
                services:
                  php-fpm:
                    build: ./php-fpm
                    volumes:
                      - cache:/var/cache
                    networks:
                      - backend
                """),
            ("nginx/compose.yml", """
                services:
                  nginx:
                    build: ./nginx
                    depends_on:
                      - php-fpm
                    links:
                      - php-fmp
                    networks:
                      - frontend
                      - edge
                """));

    [Test]
    public void A_fragment_nothing_shows_merged_is_a_warning_for_names_only_the_root_project_defines_and_an_error_for_others()
    {
        // The same fragments assembled by a tool the repository does not show (no include, no -f list): the per-service
        // file declares nothing at top level, so the root's project and the other per-service files (php-fpm's, which another
        // root file includes) are where its names most likely come from, but that is a guess; a name nothing defines is
        // still an error.
        var findings = AssertFindings(
            ["mysql/compose.yml(5,9) JSI2007", "mysql/compose.yml(6,9) JSI2007", "mysql/compose.yml(8,9) JSI2005", "mysql/compose.yml(9,9) JSI2005", "mysql/compose.yml(10,9) JSI2005"],
            ("docker-compose.yml", "networks:\n  backend:\nservices:\n  nginx:\n    image: nginx:1.27\n    networks:\n      - backend\n"),
            ("php-fpm/compose.yml", "services:\n  php-fpm:\n    image: php:8.3-fpm\n"),
            ("docker-compose.multi-php.yml", "include:\n  - path: php-fpm/compose.yml\n"),
            ("mysql/compose.yml", "services:\n  mysql:\n    image: mysql:8.4\n    networks:\n      - backend\n      - storage\n    depends_on:\n      - nginx\n      - php-fpm\n      - redis\n"));
        Assert.That(
            findings.Select(d => $"{d.Location.Span.Start.Line} {d.Severity}"),
            Is.EquivalentTo(new[] { "5 Warning", "6 Error", "8 Warning", "9 Warning", "10 Error" }));
        Assert.That(findings[0].Message, Does.Contain("only in docker-compose.yml"));
    }

    [Test]
    public void A_compose_file_with_top_level_declarations_of_its_own_is_not_a_fragment() =>
        Assert.That(
            AssertFindings(
                ["tools/compose.yml(5,9) JSI2007"],
                ("compose.yaml", "networks:\n  backend:\nservices:\n  app:\n    image: app:1.0\n"),
                ("tools/compose.yml", "services:\n  tool:\n    image: tool:1.0\n    networks:\n      - backend\nvolumes:\n  cache:\n"))
            .Single().Severity,
            Is.EqualTo(DiagnosticSeverity.Error));

    [Test]
    public void A_service_an_add_on_redefines_lacks_its_memory_limit_once_in_the_base_and_a_limit_in_the_override_counts() =>
        RuleVerifier.Reports<NoMemoryLimitRule>(
            ("docker/docker-compose.yml", "services:\n  [|db|]:\n    image: postgres:16\n    restart: always\n  [|cache|]:\n    image: redis:7.2\n    restart: always\n  app:\n    image: app:1.0\n"),
            ("docker/docker-compose.pg17.yml", "services:\n  db:\n    image: postgres:17\n    depends_on: [app]\n"),
            ("docker/docker-compose.redis8.yml", "services:\n  cache:\n    image: redis:8.0\n"),
            ("docker/docker-compose.override.yml", "services:\n  app:\n    image: app:1.0\n    mem_limit: 512m\n"));

    [Test]
    public void A_data_volume_mounted_by_the_override_counts_and_an_add_on_redefinition_is_not_reported_twice() =>
        RuleVerifier.Reports<StatefulServiceWithoutVolumeRule>(
            ("compose.yaml", "services:\n  db:\n    image: postgres:16\n  [|cache|]:\n    image: redis:7.2\n"),
            ("compose.override.yaml", "services:\n  db:\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n"),
            ("compose.redis8.yaml", "services:\n  cache:\n    image: redis:8.0\n    depends_on: [db]\n"));

    [Test]
    public void A_healthcheck_the_override_adds_satisfies_service_healthy_in_the_base() =>
        RuleVerifier.ReportsNothing<HealthyConditionWithoutHealthcheckRule>(
            ("compose.yaml", "services:\n  db:\n    image: postgres:16\n  app:\n    image: app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n"),
            ("compose.override.yaml", "services:\n  db:\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"));

    private static IReadOnlyList<Diagnostic> AssertFindings(string[] expected, params (string Path, string Content)[] files)
    {
        using var repository = new TempRepository();
        foreach (var (path, content) in files)
        {
            repository.Write(path, content);
        }

        var result = LintEngine.Run(new LintOptions(repository.Root)
        {
            Analyzers = [new UndefinedServiceReferenceRule(), new UndeclaredResourceRule(), new ServiceHostNotDefinedRule()],
            MaxDegreeOfParallelism = 1,
        });
        var findings = result.Diagnostics.Where(d => d.Id is "JSI2005" or "JSI2007" or "JSI2015").ToList();
        Assert.That(result.Diagnostics.Where(d => d.Id is "JSI0001" or "JSI0004"), Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(
            findings.Select(d => $"{d.Location.Path}({d.Location.Span.Start.Line},{d.Location.Span.Start.Column}) {d.Id}").Order(StringComparer.Ordinal),
            Is.EqualTo(expected.Order(StringComparer.Ordinal)),
            string.Join("\n", findings));
        return findings;
    }
}
