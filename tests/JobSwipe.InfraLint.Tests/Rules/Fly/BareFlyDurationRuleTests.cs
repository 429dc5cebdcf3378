using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class BareFlyDurationRuleTests
{
    [Test]
    public void KillTimeoutIsSeconds()
    {
        var d = RuleVerifier.Reports<BareFlyDurationRule>(("fly.toml", """
            app = "a"
            kill_timeout = [|30|]
            """));
        Assert.That(d[0].Message, Does.Contain("seconds"));
    }

    [Test]
    public void ServiceChecksAreMilliseconds()
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
    public void HttpServiceChecksAreNotConverted()
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
    public void DurationsWithUnitsAreFine() =>
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
