using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class RepeatedCmdOrEntrypointRuleTests
{
    [Test]
    public void Reports_every_cmd_but_the_last()
    {
        var d = RuleVerifier.Reports<RepeatedCmdOrEntrypointRule>(("Dockerfile", "FROM debian:12\n[|CMD|] [\"a\"]\n[|CMD|] [\"b\"]\nENTRYPOINT [\"x\"]\nCMD [\"c\"]\n"));
        Assert.That(d[0].Message, Does.Contain("line 5"));
    }

    [Test]
    public void One_per_stage_is_fine() =>
        RuleVerifier.ReportsNothing<RepeatedCmdOrEntrypointRule>(("Dockerfile", "FROM debian:12 AS a\nCMD [\"a\"]\nENTRYPOINT [\"e\"]\nFROM a\nCMD [\"b\"]\nENTRYPOINT [\"f\"]\n"));
}
