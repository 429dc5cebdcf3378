using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class UnknownOrDuplicateStageRuleTests
{
    [Test]
    public void Reports_copy_from_an_unknown_stage_with_a_suggestion()
    {
        var d = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM golang:1.22 AS builder\nRUN go build\nFROM debian:12-slim\nCOPY --from=[|buidler|] /out /app\n"));
        Assert.That(d[0].Message, Does.Contain("did you mean 'builder'"));
    }

    [Test]
    public void Quiet_for_stage_names_indexes_images_and_unresolved_variables() =>
        RuleVerifier.ReportsNothing<UnknownOrDuplicateStageRule>(("Dockerfile",
            "ARG IMG\nFROM golang:1.22 AS Builder\nFROM debian:12-slim\nCOPY --from=builder /out /app\nCOPY --from=0 /out /app\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/\nCOPY --from=${IMG} /x /x\n"));

    [Test]
    public void Reports_a_duplicate_stage_name_and_a_self_copy()
    {
        var d = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM golang:1.22 AS build\nFROM node:20 AS [|build|]\nCOPY --from=[|build|] /a /b\n"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("line 1").And.Some.Contains("its own stage"));
    }

    [Test]
    public void An_unknown_name_used_by_several_copies_is_one_finding()
    {
        var finding = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM node:20\nCOPY --from=[|assets|] /a /a\nCOPY --from=assets /b /b\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(3));
    }
}
