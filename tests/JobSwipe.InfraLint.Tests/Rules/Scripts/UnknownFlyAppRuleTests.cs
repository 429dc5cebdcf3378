using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class UnknownFlyAppRuleTests
{
    [Test]
    public void Deploys_and_secrets_for_an_unknown_app_are_reported()
    {
        var d = RuleVerifier.Reports<UnknownFlyAppRule>(
            ("deploy.sh", "APP=\"jobswipe-api\"\nflyctl secrets import --app [|\"$APP\"|] < .env\nfly deploy -a [|jobswipe-old|]\nfly secrets set --app=[|other|] X=1\n"),
            ("backend/fly.toml", "app = \"jobswipe-backend\"\n"));
        Assert.That(d[0].Message, Does.Contain("jobswipe-backend"));
    }

    [Test]
    public void Known_apps_variables_other_commands_and_repositories_without_fly_configs_are_quiet()
    {
        RuleVerifier.ReportsNothing<UnknownFlyAppRule>(
            ("deploy.sh", "fly deploy -a jobswipe-backend\nfly deploy -a \"jobswipe-$ENV\"\nflyctl deploy -a \"{{.ProjectName}}\"\nfly postgres connect -a jobswipe-db\nfly status -a unknown\n"),
            ("fly.toml", "app = \"jobswipe-backend\"\n"));
        RuleVerifier.ReportsNothing<UnknownFlyAppRule>(("deploy.sh", "fly deploy -a anything\n"));
    }

    [Test]
    public void One_unknown_app_name_used_by_several_commands_is_one_finding()
    {
        var finding = RuleVerifier.Reports<UnknownFlyAppRule>(
            ("deploy.sh", "APP=jobswipe-old\nflyctl secrets import --app [|\"$APP\"|] < .env\nfly deploy -a \"$APP\"\n"),
            ("fly.toml", "app = \"jobswipe-api\"\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(3));
    }
}
