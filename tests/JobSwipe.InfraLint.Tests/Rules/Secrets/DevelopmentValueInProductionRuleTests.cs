using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class DevelopmentValueInProductionRuleTests
{
    [Test]
    public void Reports_development_values_in_a_production_env_file()
    {
        var found = RuleVerifier.Reports<DevelopmentValueInProductionRule>((".env.production",
            "SECRET_KEY=[|dev-secret-key-change-in-production|]\nMINIO_ROOT_USER=[|minioadmin|]\nPOSTGRES_USER=postgres\nPOSTGRES_PASSWORD=[|\"postgres\"|]\nREDIS_URL=[|redis://localhost:6379/0|]\n"));
        Assert.That(found.Select(d => d.Message), Has.None.Contains("dev-secret-key").And.None.Contains("minioadmin"));
        Assert.That(found[0].Message, Does.StartWith("'SECRET_KEY' is set to a development placeholder"));
    }

    [Test]
    public void Reports_development_values_in_fly_env() =>
        RuleVerifier.Reports<DevelopmentValueInProductionRule>(("backend/fly.toml",
            "app = \"x\"\n[env]\n  VAULT_ADDR = [|\"http://127.0.0.1:8200\"|]\n  APP_SECRET = [|\"changeme\"|]\n  OLLAMA_HOST = \"0.0.0.0\"\n"));

    [Test]
    public void Reports_in_a_prod_folder_and_prod_named_env_files() =>
        RuleVerifier.Reports<DevelopmentValueInProductionRule>(
            ("deploy/prod/app.env", "VAULT_TOKEN=[|dev-root-token|]\n"),
            ("api.prod.env", "JWT_SECRET=[|changeme|]\n"));

    [Test]
    public void Quiet_on_development_files_templates_references_and_real_values() =>
        RuleVerifier.ReportsNothing<DevelopmentValueInProductionRule>(
            (".env", "SECRET_KEY=dev-secret\nREDIS_URL=redis://localhost:6379/0\n"),
            (".env.example", "SECRET_KEY=dev-secret\n"),
            (".env.production.example", "SECRET_KEY=changeme\nDATABASE_URL=postgresql://app:${DB_PASSWORD}@localhost/app\n"),
            (".env.production", "SECRET_KEY=${SECRET_KEY}\nREDIS_URL=redis://jobswipe-redis.internal:6379/0\nPOSTGRES_USER=postgres\nNOTE='dev-only note'\n"),
            ("fly.toml", "app = \"x\"\n[env]\n  LOG_LEVEL = \"info\"\n  ENVIRONMENT = \"production\"\n"));

    [Test]
    public void Reports_in_production_compose_environments_but_not_a_servers_own_address()
    {
        Assume.That(JobSwipe.InfraLint.Workspace.ParserRegistry.CanParse(JobSwipe.InfraLint.Workspace.FileKind.Compose), "compose files are parsed");
        RuleVerifier.Reports<DevelopmentValueInProductionRule>(
            ("docker-compose.production.yml", "services:\n  backend:\n    image: example/api:1\n    environment:\n      VAULT_TOKEN: [|dev-root-token|]\n      VAULT_URL: http://vault:8200\n      REDIS_URL: [|\"redis://localhost:6379/0\"|]\n  vault:\n    image: hashicorp/vault:1.17\n    environment:\n      VAULT_ADDR: http://127.0.0.1:8200\n"),
            ("docker-compose.yml", "services:\n  backend:\n    environment:\n      VAULT_TOKEN: dev-root-token\n"));
    }
}
