using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class PipeWithoutPipefailRuleTests
{
    [Test]
    public void Reports_a_pipe_whose_producer_can_fail() =>
        RuleVerifier.Reports<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nRUN curl -fsSL https://x.example/a.tgz | [|tar|] xz\n"));

    [Test]
    public void Quiet_with_shell_pipefail_set_pipefail_or_harmless_producers()
    {
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/a.tgz | tar xz\nFROM base\nRUN wget -O- https://x/b | tar x\n"));
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nRUN set -eux -o pipefail; curl -fsSL https://x/a.tgz | tar xz\nRUN echo \"abc  file\" | sha256sum -c -\nRUN <<EOF\n#!/bin/bash\nset -euo pipefail\ncurl https://x | tar x\nEOF\n"));
    }

    [Test]
    public void Quiet_for_pipes_inside_command_substitutions() =>
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM alpine:3.20\nRUN deps=\"$(scanelf --needed /usr/local | awk '{ print $2 }')\" && apk add $deps\n"));

    [Test]
    public void A_shell_without_pipefail_support_does_not_count()
    {
        // dash (Debian's /bin/sh), an sh of an unknown image, or a program that is no shell: -o pipefail does not help.
        RuleVerifier.Reports<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/a.tgz | [|tar|] xz\n"));
        RuleVerifier.Reports<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nSHELL [\"/bin/dash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/a.tgz | [|tar|] xz\n"));
    }

    [Test]
    public void Busybox_sh_on_alpine_supports_pipefail()
    {
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM alpine:3.20\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -qO- https://x/a.tgz | tar xz\n"));
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM python:3.12-alpine AS base\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN wget -qO- https://x/a.tgz | tar xz\n"));
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nSHELL [\"/bin/mksh\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/a.tgz | tar xz\n"));
    }

    [Test]
    public void Reported_at_the_command_the_pipe_goes_into_as_written()
    {
        var d = RuleVerifier.Reports<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nRUN find /usr/local -name '*.so' | [|xargs|] -r strip --strip-unneeded\n"));
        Assert.That(d[0].Message, Does.Contain("'xargs'").And.Contain("'find'"));
    }

    [Test]
    public void Several_pipes_in_one_run_are_one_finding()
    {
        var finding = RuleVerifier.Reports<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nRUN curl -fsSL https://example.com/a | [|tar|] -x && ldd /bin/ls | grep -q libc\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Column, Is.EqualTo(64));
    }

    [Test]
    public void A_download_piped_into_a_shell_is_left_to_JSI1007() =>
        RuleVerifier.ReportsNothing<PipeWithoutPipefailRule>(("Dockerfile", "FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\nRUN wget -qO- https://example.com/i.sh | bash -s -- --yes\n"));
}
