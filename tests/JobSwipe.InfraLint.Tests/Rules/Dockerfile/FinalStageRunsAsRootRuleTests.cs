using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class FinalStageRunsAsRootRuleTests
{
    [Test]
    public void Reports_a_final_stage_without_user_at_its_from()
    {
        var d = RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "[|FROM|] python:3.12-slim\nCMD [\"python\"]\n"));
        Assert.That(d[0].Message, Does.Contain("no USER").And.Contain("USER"));
    }

    [Test]
    public void Reports_the_last_user_root() =>
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim\nUSER app\nRUN make\nUSER [|0:0|]\n"));

    [Test]
    public void Quiet_when_the_last_user_is_not_root() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim\nUSER root\nRUN make\nUSER app\n"));

    [Test]
    public void Build_stages_running_as_root_are_not_checked() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM golang:1.22 AS build\nUSER root\nRUN go build\nFROM debian:12-slim\nUSER 1000\n"));

    [Test]
    public void A_final_stage_based_on_an_earlier_stage_inherits_its_user() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim AS base\nUSER app\nFROM base AS final\nCOPY . .\n"));

    [Test]
    public void A_final_stage_based_on_a_root_stage_is_reported() =>
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim AS base\nUSER app\nUSER [|root|]\nFROM base\nCOPY . .\n"));

    [Test]
    public void Quiet_for_nonroot_bases_and_privilege_dropping_entrypoints()
    {
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM gcr.io/distroless/static:nonroot\nCOPY app /app\n"));
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM debian:12-slim\nRUN apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\n"));
    }
}
