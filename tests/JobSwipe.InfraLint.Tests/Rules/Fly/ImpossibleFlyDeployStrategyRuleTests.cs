using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class ImpossibleFlyDeployStrategyRuleTests
{
    [Test]
    public void Canary_with_mounts_and_restart_no_are_reported() =>
        RuleVerifier.Reports<ImpossibleFlyDeployStrategyRule>(("fly.toml", """
            app = "a"
            [deploy]
              strategy = [|"canary"|]
            [[mounts]]
              source = "data"
              destination = "/data"
            [[restart]]
              policy = [|"no"|]
            """));

    [Test]
    public void Bluegreen_without_checks_is_reported() =>
        RuleVerifier.Reports<ImpossibleFlyDeployStrategyRule>(("fly.toml", """
            app = "a"
            [deploy]
              strategy = [|"bluegreen"|]
            [http_service]
              internal_port = 8080
            """));

    [Test]
    public void Working_strategies_are_quiet() =>
        RuleVerifier.ReportsNothing<ImpossibleFlyDeployStrategyRule>(
            ("a/fly.toml", "app = \"a\"\n[deploy]\n  strategy = \"bluegreen\"\n[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    path = \"/\"\n"),
            ("b/fly.toml", "app = \"b\"\n[deploy]\n  strategy = \"rolling\"\n[[mounts]]\n  source = \"d\"\n  destination = \"/d\"\n[[restart]]\n  policy = \"never\"\n"));
}
