using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class RepeatedCmdOrEntrypointRuleTests
{
    [Test]
    public void Reports_the_repeated_cmds_of_a_stage_as_one_finding()
    {
        var d = RuleVerifier.Reports<RepeatedCmdOrEntrypointRule>(("Dockerfile", "FROM debian:12\n[|CMD|] [\"a\"]\nCMD [\"b\"]\nENTRYPOINT [\"x\"]\nCMD [\"c\"]\n"));
        Assert.That(d[0].Message, Does.Contain("line 5"));
        Assert.That(d[0].AdditionalLocations.Select(l => l.Span.Start.Line), Is.EqualTo(new[] { 3, 5 }), "the other ineffective CMD and the effective last one");
    }

    [Test]
    public void One_per_stage_is_fine() =>
        RuleVerifier.ReportsNothing<RepeatedCmdOrEntrypointRule>(("Dockerfile", "FROM debian:12 AS a\nCMD [\"a\"]\nENTRYPOINT [\"e\"]\nFROM a\nCMD [\"b\"]\nENTRYPOINT [\"f\"]\n"));
}
