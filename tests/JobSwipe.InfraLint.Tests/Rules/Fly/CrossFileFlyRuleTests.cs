using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class ConflictingFlyConfigsRuleTests
{
    [Test]
    public void SameAppTwiceAndRootDockerfile()
    {
        var d = RuleVerifier.Reports<ConflictingFlyConfigsRule>(
            ("fly.toml", """
                app = [|"shop"|]
                [build]
                  dockerfile = [|"Dockerfile"|]
                """),
            ("Dockerfile", "FROM python:3.12\n"),
            ("api/fly.toml", """
                app = "shop"
                [build]
                  dockerfile = "Dockerfile"
                """),
            ("api/Dockerfile", "FROM python:3.12\n"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("like api/fly.toml:1"));
    }

    [Test]
    public void ExamplesAndHiddenFoldersAreNotDeployedConfigs() =>
        RuleVerifier.ReportsNothing<ConflictingFlyConfigsRule>(
            ("examples/fly/fly.toml", "app = \"corro\"\n"),
            (".ci/corro/fly.toml", "app = \"corro\"\n"));

    [Test]
    public void DifferentAppsDoNotConflict() =>
        RuleVerifier.ReportsNothing<ConflictingFlyConfigsRule>(
            ("fly.toml", "app = \"shop\"\n"),
            ("fly.staging.toml", "app = \"shop-staging\"\n"),
            ("Dockerfile", "FROM python:3.12\n"));
}

public sealed class NoBuildableFlyImageRuleTests
{
    [Test]
    public void MissingDockerfile() =>
        RuleVerifier.Reports<NoBuildableFlyImageRule>(("deploy/fly.toml", """
            app = "a"
            [build]
              dockerfile = [|"../docker/api.Dockerfile"|]
            """));

    [Test]
    public void ExistingDockerfileRelativeToTheConfig() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("deploy/fly.toml", """
                app = "a"
                [build]
                  dockerfile = "../docker/api.Dockerfile"
                """),
            ("docker/api.Dockerfile", "FROM node:22\n"));

    [Test]
    public void LeadingSlashIsRelativeToTheConfigFolder() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("app/fly.toml", "app = \"a\"\n[build]\n  dockerfile = \"/other/Dockerfile\"\n"),
            ("app/other/Dockerfile", "FROM node:22\n"));

    [Test]
    public void NothingToBuild() =>
        RuleVerifier.Reports<NoBuildableFlyImageRule>(("ops/fly.toml", "app = [|\"a\"|]\n"));

    [Test]
    public void ImageOrDockerfileNextToItIsEnough() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("db/fly.toml", "app = \"db\"\n[build]\n  image = \"flyio/postgres-flex:16\"\n"),
            ("web/fly.toml", "app = \"web\"\n"),
            ("web/Dockerfile", "FROM node:22\n"));

    [Test]
    public void SecondAppWouldDeployTheFirstAppsImage()
    {
        var d = RuleVerifier.Reports<NoBuildableFlyImageRule>(
            ("backend/fly.toml", "app = \"shop-api\"\n[build]\n  dockerfile = \"Dockerfile\"\n"),
            ("backend/ollama-fly.toml", "app = [|\"shop-ollama\"|]\n[http_service]\n  internal_port = 11434\n"),
            ("backend/Dockerfile", "FROM python:3.12\n"));
        Assert.That(d[0].Message, Does.Contain("backend/fly.toml builds for app 'shop-api'"));
    }

    [Test]
    public void EnvironmentVariantsShareTheDockerfile() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("fly.toml", "app = \"shop\"\n[build]\n  dockerfile = \"Dockerfile\"\n"),
            ("fly.staging.toml", "app = \"shop-staging\"\n"),
            ("Dockerfile", "FROM python:3.12\n"));
}

public sealed class StatefulFlyAppWithoutMountsRuleTests
{
    [Test]
    public void ModelDirectoryInEnv() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "llm"
            [env]
              OLLAMA_HOST = "0.0.0.0"
              [|OLLAMA_MODELS|] = "/root/.ollama/models"
            """));

    [Test]
    public void DatabaseImage() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "db"
            [build]
              image = [|"postgres:16"|]
            """));

    [Test]
    public void DockerfileBasedOnStatefulImage() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(
            ("fly.toml", "app = [|\"llm\"|]\n"),
            ("Dockerfile", "FROM ollama/ollama:0.5.4\nCOPY start.sh /\n"));

    [Test]
    public void SqliteUrl() =>
        RuleVerifier.Reports<StatefulFlyAppWithoutMountsRule>(("fly.toml", """
            app = "a"
            [env]
              [|DATABASE_URL|] = "sqlite:///data/app.db"
            """));

    [Test]
    public void MountedOrStateless() =>
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
