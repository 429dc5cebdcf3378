using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class FinalStageWithoutHealthcheckRuleTests
{
    [Test]
    public void Reports_the_final_stage_without_healthcheck() =>
        RuleVerifier.Reports<FinalStageWithoutHealthcheckRule>(("Dockerfile", "FROM golang:1.22 AS build\nHEALTHCHECK CMD true\n[|FROM|] debian:12-slim\nCMD [\"app\"]\n"));

    [Test]
    public void Quiet_when_the_final_stage_or_its_base_has_one()
    {
        RuleVerifier.ReportsNothing<FinalStageWithoutHealthcheckRule>(("Dockerfile", "FROM golang:1.22 AS build\nFROM debian:12-slim\nHEALTHCHECK CMD [\"app\", \"ping\"]\n"));
        RuleVerifier.ReportsNothing<FinalStageWithoutHealthcheckRule>(("Dockerfile", "FROM debian:12-slim AS base\nHEALTHCHECK CMD [\"app\", \"ping\"]\nFROM base\nCMD [\"app\"]\n"));
    }

    [Test]
    public void Healthcheck_none_is_a_deliberate_choice() =>
        RuleVerifier.ReportsNothing<FinalStageWithoutHealthcheckRule>(("Dockerfile", "FROM debian:12-slim\nHEALTHCHECK NONE\n"));
}
