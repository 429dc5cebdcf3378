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
    public void Reports_a_later_stage_with_buildkits_error()
    {
        var d = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM alpine:3.20\nCOPY --from=[|assets|] /site /srv\nFROM node:22 AS assets\nRUN npm run build\n"));
        Assert.That(d[0].Message, Does.Contain("the stage on line 3").And.Contain("cannot copy from stage \"assets\", it needs to be defined before current stage \"stage-0\""));
    }

    [Test]
    public void Reports_own_and_later_and_missing_stage_indexes()
    {
        var d = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile",
            "FROM golang:1.23 AS compile\nRUN go build\nFROM alpine:3.20 AS run\nCOPY --from=[|1|] /a /b\nCOPY --from=[|2|] /a /b\nCOPY --from=[|7|] /a /b\nFROM alpine:3.20\n"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("circular dependency detected on stage: run")
            .And.Some.Contains("current stage \"run\"")
            .And.Some.Contains("invalid stage index 7"));
    }

    [Test]
    public void An_unknown_name_used_by_several_copies_is_one_finding()
    {
        var finding = RuleVerifier.Reports<UnknownOrDuplicateStageRule>(("Dockerfile", "FROM node:20\nCOPY --from=[|assets|] /a /a\nCOPY --from=assets /b /b\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(3));
    }
}
