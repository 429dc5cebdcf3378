using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class StatefulFlyAppWithoutMountsRuleTests
{
    [Test]
    public void A_model_directory_in_env_is_reported() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "llm"
            [env]
              OLLAMA_HOST = "0.0.0.0"
              [|OLLAMA_MODELS|] = "/root/.ollama/models"
            """));

    [Test]
    public void A_database_image_is_reported() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "db"
            [build]
              image = [|"postgres:16"|]
            """));

    [Test]
    public void A_dockerfile_based_on_a_stateful_image_is_reported() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(
            ("fly.toml", "app = [|\"llm\"|]\n"),
            ("Dockerfile", "FROM ollama/ollama:0.5.4\nCOPY start.sh /\n"));

    [Test]
    public void A_sqlite_url_is_reported() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "a"
            [env]
              [|DATABASE_URL|] = "sqlite:///data/app.db"
            """));

    [Test]
    public void Mounted_or_stateless_apps_are_quiet() =>
        RuleVerifier.ReportsNothing<StatefulFlyAppWithoutMountsRule>(
            ("a/fly.toml", """
                app = "llm"
                [env]
                  OLLAMA_MODELS = "/data/models"
                [[mounts]]
                  source = "models"
                  destination = "/data"
                """),
            ("b/fly.toml", """
                app = "web"
                [env]
                  TMP_DIR = "/tmp/x"
                  DATA_DIR = "/tmp/data"
                  PORT = "8080"
                  DATABASE_URL = "sqlite::memory:"
                [build]
                  image = "nginx:1.27"
                """));
}
