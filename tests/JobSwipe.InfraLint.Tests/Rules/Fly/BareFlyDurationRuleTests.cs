using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class BareFlyDurationRuleTests
{
    [Test]
    public void A_bare_kill_timeout_is_reported_as_seconds()
    {
        var d = RuleVerifier.Reports<BareFlyDurationRule>(("fly.toml", """
            app = "a"
            kill_timeout = [|30|]
            """));
        Assert.That(d[0].Message, Does.Contain("seconds"));
    }

    [Test]
    public void A_bare_service_check_interval_is_reported_as_milliseconds()
    {
        var d = RuleVerifier.Reports<BareFlyDurationRule>(("fly.toml", """
            app = "a"
            [[services]]
              internal_port = 8080
              [[services.ports]]
                port = 80
              [[services.tcp_checks]]
                interval = [|10000|]
                timeout = "2s"
            """));
        Assert.That(d[0].Message, Does.Contain("milliseconds"));
    }

    [Test]
    public void A_bare_http_service_check_interval_is_reported_as_not_converted()
    {
        var d = RuleVerifier.Reports<BareFlyDurationRule>(("fly.toml", """
            app = "a"
            [http_service]
              internal_port = 8080
              [[http_service.checks]]
                interval = [|15|]
            """));
        Assert.That(d[0].Message, Does.Contain("does not convert"));
    }

    [Test]
    public void Durations_with_units_are_quiet() =>
        RuleVerifier.ReportsNothing<BareFlyDurationRule>(("fly.toml", """
            app = "a"
            kill_timeout = "30s"
            [deploy]
              wait_timeout = "2m30s"
            [checks.a]
              type = "tcp"
              port = 8080
              interval = "500ms"
              grace_period = ""
            """));
}
