using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class NoBuildableFlyImageRuleTests
{
    [Test]
    public void A_missing_dockerfile_is_reported() =>
        RuleVerifier.Reports<NoBuildableFlyImageRule>(("deploy/fly.toml", """
            app = "a"
            [build]
              dockerfile = [|"../docker/api.Dockerfile"|]
            """));

    [Test]
    public void An_existing_dockerfile_relative_to_the_config_is_quiet() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("deploy/fly.toml", """
                app = "a"
                [build]
                  dockerfile = "../docker/api.Dockerfile"
                """),
            ("docker/api.Dockerfile", "FROM node:22\n"));

    [Test]
    public void Leading_slash_is_relative_to_the_config_folder() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("app/fly.toml", "app = \"a\"\n[build]\n  dockerfile = \"/other/Dockerfile\"\n"),
            ("app/other/Dockerfile", "FROM node:22\n"));

    [Test]
    public void A_config_with_nothing_to_build_is_reported() =>
        RuleVerifier.Reports<NoBuildableFlyImageRule>(("ops/fly.toml", "app = [|\"a\"|]\n"));

    [Test]
    public void A_reference_config_without_an_app_that_nothing_deploys_is_info()
    {
        // No app name and no `fly deploy` anywhere: a config that `fly launch` or `fly pg create` fills in, with the
        // image on their command line. Accurate, but no error.
        var finding = RuleVerifier.Reports<NoBuildableFlyImageRule>(("fly.toml", "[||]kill_signal = \"SIGINT\"\n[env]\n  PRIMARY_REGION = \"ord\"\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void A_config_without_an_app_that_the_repository_deploys_is_still_an_error()
    {
        var finding = RuleVerifier.Reports<NoBuildableFlyImageRule>(
            ("fly.toml", "[||]kill_signal = \"SIGINT\"\n"),
            (".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only -a shop\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        var named = RuleVerifier.Reports<NoBuildableFlyImageRule>(("fly.toml", "app = [|\"shop\"|]\n")).Single();
        Assert.That(named.Severity, Is.EqualTo(DiagnosticSeverity.Error), "an app name says it is deployed");
    }

    [Test]
    public void An_image_or_a_dockerfile_next_to_the_config_is_quiet() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("db/fly.toml", "app = \"db\"\n[build]\n  image = \"flyio/postgres-flex:16\"\n"),
            ("web/fly.toml", "app = \"web\"\n"),
            ("web/Dockerfile", "FROM node:22\n"));

    [Test]
    public void A_second_app_that_would_deploy_the_first_apps_image_is_reported()
    {
        var d = RuleVerifier.Reports<NoBuildableFlyImageRule>(
            ("backend/fly.toml", "app = \"shop-api\"\n[build]\n  dockerfile = \"Dockerfile\"\n"),
            ("backend/ollama-fly.toml", "app = [|\"shop-ollama\"|]\n[http_service]\n  internal_port = 11434\n"),
            ("backend/Dockerfile", "FROM python:3.12\n"));
        Assert.That(d[0].Message, Does.Contain("backend/fly.toml builds for app 'shop-api'"));
    }

    [Test]
    public void Environment_variants_share_the_dockerfile() =>
        RuleVerifier.ReportsNothing<NoBuildableFlyImageRule>(
            ("fly.toml", "app = \"shop\"\n[build]\n  dockerfile = \"Dockerfile\"\n"),
            ("fly.staging.toml", "app = \"shop-staging\"\n"),
            ("Dockerfile", "FROM python:3.12\n"));
}
