using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class ServiceInDevelopmentModeRuleTests
{
    [Test]
    public void Catches_vault_dev_mode_in_a_string_command_and_its_dev_variables_as_one_finding()
    {
        var findings = RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("docker-compose.yml", """
            services:
              vault:
                image: hashicorp/vault:1.17
                command: server [|-dev|] -dev-listen-address=0.0.0.0:8200
                environment:
                  VAULT_DEV_ROOT_TOKEN_ID: root
                  VAULT_ADDR: http://0.0.0.0:8200
            """));

        var finding = findings.Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Warning), "development file");
        Assert.That(finding.Message, Does.StartWith("service 'vault' runs Vault in development mode (`server -dev`, `server -dev-listen-address=0.0.0.0:8200` and VAULT_DEV_ROOT_TOKEN_ID is set)"));
        Assert.That(finding.AdditionalLocations.Select(l => (l.Span.Start.Line, l.Span.Start.Column)), Is.EqualTo(new[] { (4, 26), (6, 7) }));
        Assert.That(finding.Message, Does.Not.Contain(": root"), "no values");
    }

    [Test]
    public void Vault_dev_command_and_dev_variables_are_one_finding_that_one_suppression_silences()
    {
        const string Compose = """
            services:
              vault:
                image: hashicorp/vault:1.17
                command: server -dev
                environment:
            {0}
                  VAULT_DEV_ROOT_TOKEN_ID: root
                  VAULT_DEV_LISTEN_ADDRESS: 0.0.0.0:8200
            """;
        var findings = RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("compose.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Compose, "").Replace("server -dev", "server [|-dev|]", StringComparison.Ordinal)));
        Assert.That(findings.Single().AdditionalLocations.Select(l => l.Span.Start.Line), Is.EqualTo(new[] { 7, 8 }));

        // The suppression sits at the variable, not at the primary location (the command): it still silences the one finding.
        RuleVerifier.ReportsNothing<ServiceInDevelopmentModeRule>(("compose.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Compose, "      # infralint-disable-next-line jsi2001 -- local sandbox")));
    }

    [Test]
    public void Is_an_error_in_production_files_and_reads_list_commands()
    {
        var findings = RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("docker-compose.production.yml", """
            services:
              secrets:
                image: vault:1.13.3
                command: ["server", [|"-dev"|]]
            """));

        Assert.That(findings.Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Catches_the_official_image_default_command() =>
        RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("compose.yaml", """
            services:
              vault:
                image: [|hashicorp/vault:1.17|]
                ports: ["8200:8200"]
            """));

    [Test]
    public void Does_not_report_vault_in_server_mode_or_vault_clients() =>
        RuleVerifier.ReportsNothing<ServiceInDevelopmentModeRule>(("docker-compose.production.yml", """
            services:
              vault:
                image: hashicorp/vault:1.17
                command: server -config=/vault/config/vault.hcl
                environment:
                  VAULT_ADDR: https://127.0.0.1:8200
              agent:
                image: hashicorp/vault:1.17
                command: ["agent", "-config=/etc/agent.hcl"]
              app:
                image: app:1.0
                command: ./run.sh -devices 2
                environment:
                  VAULT_TOKEN: ${VAULT_TOKEN}
                  NODE_ENV: production
                  DEBUG: "false"
            """));

    [Test]
    public void Catches_reload_and_debug_switches_only_in_production_files()
    {
        const string Stack = """
            services:
              api:
                image: api:1.0
                command: uvicorn api.main:app --host 0.0.0.0 {|JSI2001:--reload|}
                environment:
                  FLASK_DEBUG: "1"
              web:
                image: web:1.0
                command: ["python", "manage.py", {|JSI2001:"runserver"|}, "0.0.0.0:8000"]
              ui:
                image: ui:1.0
                command: npm run {|JSI2001:dev|}
            """;

        var findings = RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("deploy/prod/compose.yml", Stack));
        var api = findings.Single(f => f.Message.Contains("'api'", StringComparison.Ordinal));
        Assert.That(api.Message, Does.Contain("(`--reload` and FLASK_DEBUG is set to a development value)"));
        Assert.That(api.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(6), "the second switch of the one problem");
        RuleVerifier.ReportsNothing<ServiceInDevelopmentModeRule>(("docker-compose.yml", Markup.Parse(Stack).Text));
    }

    [Test]
    public void Does_not_report_production_servers() =>
        RuleVerifier.ReportsNothing<ServiceInDevelopmentModeRule>(("docker-compose.prod.yml", """
            services:
              api:
                image: api:1.0
                command: gunicorn -k uvicorn.workers.UvicornWorker api.main:app --bind 0.0.0.0:8000 --workers 4
              web:
                image: web:1.0
                command: npm start
                environment:
                  NODE_ENV: production
                  ASPNETCORE_ENVIRONMENT: Production
            """));
}
