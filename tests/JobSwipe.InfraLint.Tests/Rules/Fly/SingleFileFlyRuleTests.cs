using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class MinimalFlyConfigRuleTests
{
    [Test]
    public void BareHttpService() =>
        RuleVerifier.Reports<MinimalFlyConfigRule>(("fly.toml", """
            app = "a"
            [[|http_service|]]
              internal_port = 8080
            """));

    [Test]
    public void AnyScalingOrSizingIsEnough() =>
        RuleVerifier.ReportsNothing<MinimalFlyConfigRule>(
            ("a/fly.toml", "app = \"a\"\n[http_service]\n  internal_port = 8080\n  min_machines_running = 1\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = 8080\n[[vm]]\n  memory = \"1gb\"\n"),
            ("c/fly.toml", "app = \"c\"\n"));
}

public sealed class FlyServiceWithoutHealthChecksRuleTests
{
    [Test]
    public void ServicesWithoutChecks() =>
        RuleVerifier.Reports<FlyServiceWithoutHealthChecksRule>(("fly.toml", """
            app = "a"
            [[|http_service|]]
              internal_port = 8080
            [[[|services|]]]
              internal_port = 5432
              [[services.ports]]
                port = 5432
            """));

    [Test]
    public void ServiceOrTopLevelChecks() =>
        RuleVerifier.ReportsNothing<FlyServiceWithoutHealthChecksRule>(
            ("a/fly.toml", "app = \"a\"\n[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    path = \"/health\"\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = 8080\n[checks.alive]\n  type = \"tcp\"\n  port = 8080\n"),
            ("c/fly.toml", "app = \"c\"\n[[services]]\n  internal_port = 53\n  [[services.tcp_checks]]\n    interval = \"15s\"\n"));
}

public sealed class FlySecretInEnvRuleTests
{
    [Test]
    public void LiteralSecretIsReportedWithoutItsValue()
    {
        const string secret = "sk_live_51Habc0123456789";
        var d = RuleVerifier.Reports<FlySecretInEnvRule>(("fly.toml", $$"""
            app = "a"
            [env]
              STRIPE_SECRET_KEY = [|"{{secret}}"|]
              LOG_LEVEL = "info"
            """));
        Assert.That(d[0].Message, Does.Not.Contain(secret).And.Contain("STRIPE_SECRET_KEY"));
    }

    [Test]
    public void NonSecretsReferencesAndPlaceholders() =>
        RuleVerifier.ReportsNothing<FlySecretInEnvRule>(("fly.toml", """
            app = "a"
            [env]
              TOKEN_URL = "https://auth.example.org/token"
              AWS_ACCESS_KEY_ID = "AKIAEXAMPLE"
              API_KEY = "${API_KEY}"
              JWT_SECRET = "<set with fly secrets>"
              PASSWORD = "{YOUR_PASSWORD}"
              SESSION_SECRET = ""
            """));
}

public sealed class FlyAppWithoutHighAvailabilityRuleTests
{
    [Test]
    public void AutoStopToZeroAndSingleMachine() =>
        RuleVerifier.Reports<FlyAppWithoutHighAvailabilityRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              auto_stop_machines = [|"stop"|]
              min_machines_running = 0
            [[services]]
              internal_port = 9000
              max_machines_running = [|1|]
            """));

    [Test]
    public void AlwaysOneMachineRunning() =>
        RuleVerifier.ReportsNothing<FlyAppWithoutHighAvailabilityRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              auto_stop_machines = "stop"
              min_machines_running = 1
            [[services]]
              internal_port = 9000
              auto_stop_machines = "off"
            """));
}

public sealed class ImpossibleFlyDeployStrategyRuleTests
{
    [Test]
    public void CanaryWithMountsAndRestartNo() =>
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
    public void BluegreenWithoutChecks() =>
        RuleVerifier.Reports<ImpossibleFlyDeployStrategyRule>(("fly.toml", """
            app = "a"
            [deploy]
              strategy = [|"bluegreen"|]
            [http_service]
              internal_port = 8080
            """));

    [Test]
    public void WorkingStrategies() =>
        RuleVerifier.ReportsNothing<ImpossibleFlyDeployStrategyRule>(
            ("a/fly.toml", "app = \"a\"\n[deploy]\n  strategy = \"bluegreen\"\n[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    path = \"/\"\n"),
            ("b/fly.toml", "app = \"b\"\n[deploy]\n  strategy = \"rolling\"\n[[mounts]]\n  source = \"d\"\n  destination = \"/d\"\n[[restart]]\n  policy = \"never\"\n"));
}
