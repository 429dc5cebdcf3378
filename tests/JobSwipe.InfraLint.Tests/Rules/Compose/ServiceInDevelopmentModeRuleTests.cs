using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class ServiceInDevelopmentModeRuleTests
{
    [Test]
    public void Catches_vault_dev_mode_in_a_string_command_and_its_dev_variables()
    {
        var findings = RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("docker-compose.yml", """
            services:
              vault:
                image: hashicorp/vault:1.17
                command: server [|-dev|] [|-dev-listen-address=0.0.0.0:8200|]
                environment:
                  [|VAULT_DEV_ROOT_TOKEN_ID|]: root
                  VAULT_ADDR: http://0.0.0.0:8200
            """));

        Assert.That(findings.Select(f => f.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning), "development file");
        Assert.That(findings[0].Message, Does.StartWith("service 'vault' runs Vault in development mode (`server -dev`)"));
        Assert.That(findings.Select(f => f.Message), Has.None.Contains(": root"), "no values");
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
                  {|JSI2001:FLASK_DEBUG|}: "1"
              web:
                image: web:1.0
                command: ["python", "manage.py", {|JSI2001:"runserver"|}, "0.0.0.0:8000"]
              ui:
                image: ui:1.0
                command: npm run {|JSI2001:dev|}
            """;

        RuleVerifier.Reports<ServiceInDevelopmentModeRule>(("deploy/prod/compose.yml", Stack));
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
