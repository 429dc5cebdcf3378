using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>Accurate but low-value findings are lowered to info from the context the engine knows.</summary>
public class LowValuePrecisionTests
{
    [Test]
    public void Credentials_in_a_development_or_test_stack_are_info_and_in_the_main_stack_a_warning()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        var findings = RuleVerifier.Reports<HardCodedCredentialRule>(
            ("docker/testing/compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|password|]\n"),
            (".devcontainer/docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|postgres|]\n"),
            ("docker-compose.yml", "services:\n  app:\n    image: acme/app:1.4\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|s3cr3t-Passw0rd|]\n"));
        Assert.That(findings.Select(f => (f.Location.Path, f.Severity)), Is.EquivalentTo(new[]
        {
            ("docker/testing/compose.yml", DiagnosticSeverity.Info),
            (".devcontainer/docker-compose.yml", DiagnosticSeverity.Info),
            ("docker-compose.yml", DiagnosticSeverity.Warning),
        }));
    }

    [Test]
    public void The_docker_socket_in_a_tool_that_needs_it_is_info()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        var findings = RuleVerifier.Reports<HostPrivilegeGrantedRule>(("docker-compose.yml",
            "services:\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - [|/var/run/docker.sock|]:/var/run/docker.sock\n" +
            "  api:\n    image: example/api:1\n    volumes:\n      - [|/var/run/docker.sock|]:/var/run/docker.sock\n"));
        Assert.That(findings.Select(f => f.Severity), Is.EqualTo(new[] { DiagnosticSeverity.Info, DiagnosticSeverity.Warning }));
    }

    [Test]
    public void An_empty_legacy_fly_key_is_info() =>
        Assert.That(RuleVerifier.Reports<IgnoredFlyKeyRule>(("fly.toml", "app = 'db'\n[|processes|] = []\n[build]\n  image = 'flyio/postgres-flex:16'\n")).Single().Severity,
            Is.EqualTo(DiagnosticSeverity.Info));

    [Test]
    public void Repository_gaps_are_info_in_a_template_repository()
    {
        var finding = RuleVerifier.Reports<NoMonitoringRule>(
            ("README.md", "# Fly launch template\n\nThis repository is a starter template for deploying a Flask app on Fly.io.\n"),
            ("Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n"), ("", Markup.WholeFile)).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        var application = RuleVerifier.Reports<NoMonitoringRule>(
            ("README.md", "# Ledger\n\nA document management system; a demo is available at demo.example.com.\n"),
            ("Dockerfile", "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n"),
            (".github/workflows/deploy.yml", "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only\n"),
            ("", Markup.WholeFile)).Single();
        Assert.That(application.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void Host_privileges_in_a_test_stack_and_the_socket_in_a_proxy_built_from_nginx_proxy_are_info()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        var findings = RuleVerifier.Reports<HostPrivilegeGrantedRule>(
            ("tests/e2e/docker/docker-compose.yml", "services:\n  app:\n    image: example/app:1\n    network_mode: [|host|]\n"),
            ("deploy/compose.yaml", "services:\n  proxy:\n    build: ./proxy\n    volumes:\n      - [|/var/run/docker.sock|]:/tmp/docker.sock:ro\n"),
            ("deploy/proxy/Dockerfile", "FROM nginxproxy/nginx-proxy:1.7-alpine\n"));
        Assert.That(findings.Select(f => f.Severity), Is.All.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void A_repository_whose_only_deployables_are_development_stacks_has_no_services_to_monitor() =>
        RuleVerifier.ReportsNothing<NoMonitoringRule>(
            (".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/python:3.12\n"),
            (".examples/compose.yaml", "services:\n  app:\n    image: example/app:1\n"));

    [TestCase("# Full Stack FastAPI Template\n\n## Technology Stack\n")]
    [TestCase("# Awesome Compose\n\n> A curated list of Docker Compose samples.\n")]
    [TestCase("# hello-fly\n\nThis is our Hello World Fly.io application.\n")]
    [TestCase("# Microsoft eShopOnWeb ASP.NET Core Reference Application\n\nSample ASP.NET Core reference application, powered by Microsoft.\n")]
    [TestCase("# Wagtail demo project\n\nThis is a demonstration project for Wagtail.\n")]
    public void Template_sample_and_tutorial_repositories_are_recognised_by_their_readme(string readme) =>
        Assert.That(RuleVerifier.Reports<NoCiPipelineRule>(("README.md", readme), ("Dockerfile", "FROM python:3.12-slim\n"), ("", Markup.WholeFile)).Single().Severity, Is.EqualTo(DiagnosticSeverity.Info));

    [Test]
    public void Monitoring_and_backups_of_self_hosted_software_that_deploys_nothing_itself_are_info()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        (string, string)[] files =
        [
            ("README.md", "# Ledger\n\nA self-hosted document management system.\n"),
            ("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    volumes:\n      - db:/var/lib/postgresql/data\nvolumes:\n  db: {}\n"),
            (".github/workflows/release.yml", "on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n"),
            ("", Markup.WholeFile),
        ];
        Assert.That(RuleVerifier.Reports<NoMonitoringRule>(files).Single().Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void Credentials_in_a_stack_started_by_a_package_json_script_are_info()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        var findings = RuleVerifier.Reports<HardCodedCredentialRule>(
            ("package.json", "{\n  \"scripts\": {\n    \"docker\": \"node scripts/docker.mjs -f docker/docker-compose.yml up -d\",\n    \"deploy:prod\": \"docker compose -f deploy/compose.yml up -d\"\n  }\n}\n"),
            ("docker/docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|postgres|]\n"),
            ("deploy/compose.yml", "services:\n  app:\n    image: acme/app:1.4\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|postgres|]\n"));
        Assert.That(findings.Select(f => (f.Location.Path, f.Severity)), Is.EquivalentTo(new[]
        {
            ("docker/docker-compose.yml", DiagnosticSeverity.Info),
            ("deploy/compose.yml", DiagnosticSeverity.Warning),
        }));
    }

    [Test]
    public void Credentials_of_a_stack_that_only_runs_the_databases_of_an_app_started_elsewhere_are_info()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        var findings = RuleVerifier.Reports<HardCodedCredentialRule>(
            ("backend/docker-compose.database.yml", "services:\n  mariadb:\n    image: mariadb:11.8\n    environment:\n      MARIADB_PASSWORD: [|hedgedoc|]\n    ports:\n      - \"3306:3306\"\n  postgres:\n    image: docker.io/library/postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|hedgedoc|]\n"),
            ("docker-compose.yml", "services:\n  app:\n    build: .\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|s3cr3t-Passw0rd|]\n"),
            ("deploy/docker-compose.prod.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|s3cr3t-Passw0rd|]\n"));
        Assert.That(findings.Select(f => (f.Location.Path, f.Location.Span.Start.Line, f.Severity)), Is.EquivalentTo(new[]
        {
            ("backend/docker-compose.database.yml", 5, DiagnosticSeverity.Info),
            ("backend/docker-compose.database.yml", 11, DiagnosticSeverity.Info),
            ("docker-compose.yml", 7, DiagnosticSeverity.Warning),
            ("deploy/docker-compose.prod.yml", 5, DiagnosticSeverity.Error),
        }));
    }

    [Test]
    public void A_secret_name_in_capitals_where_the_value_goes_is_a_placeholder_and_a_value_still_fires()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.Reports<HardCodedCredentialRule>(
            ("docker-compose.yml", "services:\n  app:\n    image: docmost/docmost:latest\n    environment:\n      APP_SECRET: 'REPLACE_WITH_LONG_SECRET'\n      DATABASE_URL: 'postgresql://docmost:STRONG_DB_PASSWORD@db:5432/docmost'\n" +
             "  db:\n    image: postgres:18\n    environment:\n      POSTGRES_PASSWORD: STRONG_DB_PASSWORD\n  worker:\n    image: docmost/docmost:latest\n    environment:\n      DATABASE_URL: 'postgresql://docmost:[|Xk29fLq7Zp|]@db:5432/docmost'\n"));
    }
}
