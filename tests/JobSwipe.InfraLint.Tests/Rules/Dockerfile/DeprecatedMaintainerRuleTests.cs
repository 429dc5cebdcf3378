using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class DeprecatedMaintainerRuleTests
{
    [Test]
    public void Reports_maintainer() =>
        RuleVerifier.Reports<DeprecatedMaintainerRule>(("Dockerfile", "FROM debian:12\n[|MAINTAINER|] Jane <jane@example.com>\n"));

    [Test]
    public void Quiet_for_the_authors_label() =>
        RuleVerifier.ReportsNothing<DeprecatedMaintainerRule>(("Dockerfile", "FROM debian:12\nLABEL org.opencontainers.image.authors=\"jane@example.com\"\n"));
}
