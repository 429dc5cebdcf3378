using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class MinimalFlyConfigRuleTests
{
    [Test]
    public void A_bare_http_service_is_reported() =>
        RuleVerifier.Reports<MinimalFlyConfigRule>(("fly.toml", """
            app = "a"
            [[|http_service|]]
              internal_port = 8080
            """));

    [Test]
    public void Any_scaling_or_sizing_is_quiet() =>
        RuleVerifier.ReportsNothing<MinimalFlyConfigRule>(
            ("a/fly.toml", "app = \"a\"\n[http_service]\n  internal_port = 8080\n  min_machines_running = 1\n"),
            ("b/fly.toml", "app = \"b\"\n[http_service]\n  internal_port = 8080\n[[vm]]\n  memory = \"1gb\"\n"),
            ("c/fly.toml", "app = \"c\"\n"));

    [Test]
    public void A_bare_services_section_is_reported() =>
        RuleVerifier.Reports<MinimalFlyConfigRule>(("fly.toml", """
            app = "a"
            [[[|services|]]]
              internal_port = 8080
              [[services.ports]]
                port = 443
            """));

    [Test]
    public void Process_groups_are_enough() =>
        RuleVerifier.ReportsNothing<MinimalFlyConfigRule>(("fly.toml", "app = \"a\"\n[processes]\n  web = \"gunicorn app:app\"\n[http_service]\n  internal_port = 8080\n"));
}
