using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class FlyServiceWithoutHealthChecksRuleTests
{
    [Test]
    public void Services_without_checks_are_reported() =>
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
    public void Service_or_top_level_checks_are_quiet() =>
        RuleVerifier.ReportsNothing<FlyServiceWithoutHealthChecksRule>(
            ("a/fly.toml", "app = \"a\"\n[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    path = \"/health\"\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = 8080\n[checks.alive]\n  type = \"tcp\"\n  port = 8080\n"),
            ("c/fly.toml", "app = \"c\"\n[[services]]\n  internal_port = 53\n  [[services.tcp_checks]]\n    interval = \"15s\"\n"));

    [Test]
    public void Only_the_service_without_checks_is_reported()
    {
        var d = RuleVerifier.Reports<FlyServiceWithoutHealthChecksRule>(("fly.toml", """
            app = "a"
            [[services]]
              internal_port = 8080
              [[services.http_checks]]
                path = "/health"
            [[[|services|]]]
              internal_port = 9090
            """));
        Assert.That(d.Single().Message, Does.Contain("[[services]]"));
    }

    [Test]
    public void An_empty_services_table_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyServiceWithoutHealthChecksRule>(("fly.toml", "app = \"a\"\n[[services]]\n"));
}
