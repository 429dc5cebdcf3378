using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class FinalStageRunsAsRootRuleTests
{
    [Test]
    public void Reports_a_final_stage_without_user_where_the_user_goes_before_its_command()
    {
        var d = RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\n[|CMD|] [\"python\", \"app.py\"]\n"));
        Assert.That(d[0].Message, Does.Contain("no USER").And.Contain("USER before CMD"));
        Assert.That(d[0].AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(1), "the final FROM is its other place");
    }

    [Test]
    public void Points_at_the_first_command_of_the_final_stage_or_its_end_when_the_command_is_inherited()
    {
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM node:22-slim\nCOPY . .\n[|ENTRYPOINT|] [\"node\"]\nCMD [\"server.js\"]\n"));
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM python:3.12-slim AS base\nCMD [\"python\", \"app.py\"]\nFROM base\nRUN pip install flask\n[|COPY|] . .\n"));
    }

    [Test]
    public void A_suppression_at_the_final_from_still_silences_it() =>
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "# infralint-disable-next-line JSI1002 -- root on purpose\nFROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n"));

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
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM debian:12-slim\nRUN apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"server\"]\n"));
    }

    [Test]
    public void Only_bases_known_to_run_as_root_count_when_no_user_is_set()
    {
        // Images of other publishers may set a USER the final image inherits; ARG-supplied bases are unresolved.
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM quay.io/jupyter/scipy-notebook:2024-07-29\nRUN pip install --no-cache-dir xgboost\n"));
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "ARG BASE\nFROM ${BASE}\nCMD [\"app\"]\n"));
        // Official images that drop privileges themselves, base images with only an interpreter, servers with unprivileged workers.
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n"));
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM debian:12-slim\nRUN make install\nCMD [\"python3\"]\n"));
        RuleVerifier.ReportsNothing<FinalStageRunsAsRootRule>(("Dockerfile", "FROM debian:12-slim\nCMD [\"php-fpm\"]\n"));
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n[|CMD|] [\"/app\"]\n"));
        RuleVerifier.Reports<FinalStageRunsAsRootRule>(("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out/ /app\n[|ENTRYPOINT|] [\"dotnet\", \"/app/Api.dll\"]\n"));
    }
}
