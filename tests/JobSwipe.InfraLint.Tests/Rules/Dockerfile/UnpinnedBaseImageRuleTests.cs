using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class UnpinnedBaseImageRuleTests
{
    [Test]
    public void Reports_untagged_and_latest_images()
    {
        var d = RuleVerifier.Reports<UnpinnedBaseImageRule>(("Dockerfile", "FROM [|ubuntu|]\nFROM [|node:latest|] AS web\n"));
        Assert.That(d.Select(x => x.Message), Has.Some.Contains("means :latest").And.Some.Contains("uses :latest"));
        Assert.That(d[1].Message, Does.Contain("(node:<version>)"));
    }

    [Test]
    public void Quiet_for_tags_digests_scratch_and_stage_names() =>
        RuleVerifier.ReportsNothing<UnpinnedBaseImageRule>(("Dockerfile",
            "FROM python:3.12-slim AS build\nFROM build AS test\nFROM scratch\nFROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM localhost:5000/app:1.2\n"));

    [Test]
    public void Resolves_arg_defaults()
    {
        RuleVerifier.ReportsNothing<UnpinnedBaseImageRule>(("Dockerfile", "ARG BASE=python:3.12-slim\nFROM ${BASE}\n"));
        var d = RuleVerifier.Reports<UnpinnedBaseImageRule>(("Dockerfile", "ARG BASE=python\nFROM [|${BASE}|]\n"));
        Assert.That(d[0].Message, Does.Contain("python (from ${BASE})"));
    }

    [Test]
    public void An_arg_without_a_known_default_is_not_latest() =>
        RuleVerifier.ReportsNothing<UnpinnedBaseImageRule>(("Dockerfile", "ARG BASE\nARG TAG\nFROM ${BASE}\nFROM python:${TAG}\n"));
}
