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
}
