using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class ConflictingFlyConfigsRuleTests
{
    [Test]
    public void The_less_specific_config_of_an_app_deployed_twice_is_reported_with_its_root_dockerfile()
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
    public void Examples_and_hidden_folders_are_not_deployed_configs() =>
        RuleVerifier.ReportsNothing<ConflictingFlyConfigsRule>(
            ("examples/fly/fly.toml", "app = \"corro\"\n"),
            (".ci/corro/fly.toml", "app = \"corro\"\n"));

    [Test]
    public void Different_apps_do_not_conflict() =>
        RuleVerifier.ReportsNothing<ConflictingFlyConfigsRule>(
            ("fly.toml", "app = \"shop\"\n"),
            ("fly.staging.toml", "app = \"shop-staging\"\n"),
            ("Dockerfile", "FROM python:3.12\n"));
}
