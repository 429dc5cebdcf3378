using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class ConflictingFlyConfigsRuleTests
{
    [Test]
    public void The_less_specific_config_of_an_app_deployed_twice_is_one_finding_with_its_root_dockerfile()
    {
        // One conflict between two configs, one finding: at the shared app name, the root Dockerfile an additional location.
        var d = RuleVerifier.Reports<ConflictingFlyConfigsRule>(
            ("fly.toml", """
                app = [|"shop"|]
                [build]
                  dockerfile = "Dockerfile"
                """),
            ("Dockerfile", "FROM python:3.12\n"),
            ("api/fly.toml", """
                app = "shop"
                [build]
                  dockerfile = "Dockerfile"
                """),
            ("api/Dockerfile", "FROM python:3.12\n"));
        var finding = d.Single();
        Assert.That(finding.Message, Does.Contain("like api/fly.toml:1").And.Contain("builds the repository root Dockerfile, while api/fly.toml builds the service's own api/Dockerfile"));
        Assert.That(finding.AdditionalLocations.Select(l => (l.Path, l.Span.Start.Line)), Is.EqualTo(new[] { ("api/fly.toml", 1), ("fly.toml", 3) }));
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
