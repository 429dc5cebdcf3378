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
            ("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: [|s3cr3t-Passw0rd|]\n"));
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
            ("Dockerfile", "[|FROM python:3.12-slim|]\nCMD [\"python\", \"app.py\"]\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        var application = RuleVerifier.Reports<NoMonitoringRule>(
            ("README.md", "# Ledger\n\nA document management system; a demo is available at demo.example.com.\n"),
            ("Dockerfile", "[|FROM python:3.12-slim|]\nCMD [\"python\", \"app.py\"]\n")).Single();
        Assert.That(application.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }
}
