using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI1002 where root is unavoidable or harmless: FROM scratch (a numeric USER is the fix) and LiteFS (FUSE needs root).</summary>
public class FinalStageRunsAsRootPrecisionTests
{
    [Test]
    public void A_scratch_image_gets_info_and_a_numeric_user_not_useradd()
    {
        var finding = RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile",
            "FROM golang:1.22 AS build\nUSER 1000\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n[|ENTRYPOINT|] [\"/app\"]\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(finding.Message, Does.Contain("USER 65532:65532").And.Not.Contain("RUN useradd"));
    }

    [Test]
    public void A_litefs_image_gets_info()
    {
        var finding = RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile",
            "FROM python:3.12-slim\nCOPY --from=flyio/litefs:0.5 /usr/local/bin/litefs /usr/local/bin/litefs\n[|ENTRYPOINT|] [\"litefs\", \"mount\"]\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void An_application_image_is_still_a_warning_with_useradd()
    {
        var finding = RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim\n[|CMD|] [\"python\", \"app.py\"]\n")).Single();
        Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(finding.Message, Does.Contain("useradd"));
    }

    [Test]
    public void An_entrypoint_script_that_drops_to_another_user_is_quiet() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(
            ("scripts/Dockerfile", "FROM alpine:3.20\nCOPY scripts/entrypoint.sh /usr/local/memos/entrypoint.sh\n# Run as root to fix permissions, entrypoint will drop to nonroot\nUSER root\nENTRYPOINT [\"/usr/local/memos/entrypoint.sh\"]\nCMD [\"./memos\"]\n"),
            ("scripts/entrypoint.sh", "#!/bin/sh\nchown -R app /data\nexec su-exec app:app \"$0\" \"$@\"\n"));

    [Test]
    public void A_development_image_is_info()
    {
        Assert.That(RuleVerifier.Reports<FinalStageRunsAsRootRule>(("dev/app.Dockerfile", "FROM python:3.12-slim\n[|CMD|] [\"python\", \"app.py\"]\n")).Single().Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM node:22-slim AS builder\nCMD [\"npm\", \"start\"]\nFROM builder AS dev-envs\n[|CMD|] [\"npm\", \"start\"]\n")).Single().Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void A_shell_form_command_that_finally_execs_apache_is_a_privilege_dropping_server() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Docker/Dockerfile",
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y apache2 cron\nCMD ([ -z \"$CRON_MIN\" ] || cron) && \\\n\t. /etc/apache2/envvars && \\\n\texec apache2 -D FOREGROUND\n"));
}
