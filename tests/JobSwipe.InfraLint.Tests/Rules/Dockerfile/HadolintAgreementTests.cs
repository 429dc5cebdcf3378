using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

/// <summary>
/// Agreement with hadolint's own verdicts on the rules that decide the same question. Each case is our own input with
/// the shape of one case of hadolint's test suite (its specs for DL3003, DL3006, DL3007, DL3020, DL3022, DL3024,
/// DL3025, DL3042, DL4006; ONBUILD variants included), with the verdict hadolint's spec gives it. Where we decide
/// otherwise on purpose, the case names the reason, and the rule's page documents it. The agreement figure is printed.
/// </summary>
public class HadolintAgreementTests
{
    private const string PipDisablesOnAnyBoolean = "pip turns its cache off for any boolean PIP_NO_CACHE_DIR, false-like ones included (docs/rules/JSI1014.md)";
    private const string HealthcheckIsOurChoice = "JSI1012 covers CMD and ENTRYPOINT only: a HEALTHCHECK command runs once per probe, so signals do not reach it (docs/rules/JSI1012.md)";

    private static readonly Case[] Cases =
    [
        // DL3003 -> JSI1016
        new("DL3003", "JSI1016", "FROM alpine:3.20\nWORKDIR /srv\n", false),
        new("DL3003", "JSI1016", "FROM alpine:3.20\nRUN cd /srv\n", true),

        // DL3006 / DL3007 -> JSI1005
        new("DL3006", "JSI1005", "FROM ubuntu\n", true),
        new("DL3006", "JSI1005", "FROM ubuntu AS compile\n", true),
        new("DL3006", "JSI1005", "FROM python@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\n", false),
        new("DL3006", "JSI1005", "FROM python:3\n", false),
        new("DL3006", "JSI1005", "ARG BASE\nFROM ${BASE}\n", false),
        new("DL3006", "JSI1005", "FROM rust:1.80-alpine3.20 AS compile\nRUN cargo build\nFROM compile AS check\nRUN cargo test\nFROM alpine:3.20\nRUN true\n", false),
        new("DL3006", "JSI1005", "FROM rust:1.80-alpine3.20 AS compile\nRUN cargo build\nFROM ruby AS check\nRUN rake\nFROM alpine:3.20\nRUN true\n", true),
        new("DL3006", "JSI1005", "FROM rust:1.80-alpine3.20 AS compile\nONBUILD RUN cargo build\nFROM compile AS check\nONBUILD RUN cargo test\nFROM alpine:3.20\n", false),
        new("DL3006", "JSI1005", "FROM rust:1.80-alpine3.20 AS compile\nONBUILD RUN cargo build\nFROM ruby AS check\nONBUILD RUN rake\nFROM alpine:3.20\n", true),
        new("DL3006", "JSI1005", "FROM scratch\nCOPY app /app\n", false),
        new("DL3007", "JSI1005", "FROM ubuntu:latest\n", true),
        new("DL3007", "JSI1005", "FROM ubuntu:latest AS compile\n", true),
        new("DL3007", "JSI1005", "FROM ubuntu:noble\n", false),
        new("DL3007", "JSI1005", "FROM registry.example.test/ubuntu@sha256:1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988\n", false),
        new("DL3007", "JSI1005", "FROM registry.example.test/ubuntu:latest@sha256:1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988\n", false),
        new("DL3007", "JSI1005", "FROM ubuntu:noble AS compile\n", false),

        // DL3020 -> JSI1013
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD vendor.tar /opt/vendor/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD data.gz /opt/data/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD data.bz2 /opt/data/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD data.xz /opt/data/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD vendor.tgz /opt/vendor/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD https://downloads.example.test/tool /opt/tool/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD settings.ini /etc/app/\n", true),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD bundle.zip /opt/bundle/\n", true),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD \"vendor.tgz\" /opt/vendor/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD \"https://downloads.example.test/tool\" /opt/tool/\n", false),
        new("DL3020", "JSI1013", "FROM alpine:3.20\nADD \"bundle.zip\" /opt/bundle/\n", true),

        // DL3022 / DL3024 -> JSI1010
        new("DL3022", "JSI1010", "FROM alpine:3.20\nCOPY --from=assets site /srv\n", true),
        new("DL3022", "JSI1010", "FROM scratch\nCOPY --from=compile /out/app /app\nFROM golang:1.23 AS compile\nRUN go build\n", true),
        new("DL3022", "JSI1010", "FROM golang:1.23 AS compile\nRUN go build\nFROM alpine:3.20\nCOPY --from=compile /out/app /app\nRUN true\n", false),
        new("DL3022", "JSI1010", "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n", false),
        new("DL3022", "JSI1010", "FROM alpine:3.20\nCOPY --from=0 site /srv\n", true),
        new("DL3022", "JSI1010", "FROM golang:1.23 AS compile\nRUN go build\nFROM alpine:3.20\nCOPY --from=0 /out/app /app\n", false),
        new("DL3022", "JSI1010", "FROM golang:1.23\nRUN go build\nFROM alpine:3.20\nCOPY --from=0 /out/app /app\n", false),
        new("DL3024", "JSI1010", "FROM golang:1.23 AS compile\nRUN go build\nFROM alpine:3.20 AS compile\nRUN true\n", true),
        new("DL3024", "JSI1010", "FROM golang:1.23 AS compile\nRUN go build\nFROM alpine:3.20 AS runtime\nRUN true\n", false),

        // DL3025 -> JSI1012
        new("DL3025", "JSI1012", "FROM node:22 AS web\nENTRYPOINT node server.js\n", true),
        new("DL3025", "JSI1012", "FROM node:22 AS web\nENTRYPOINT [\"node\", \"server.js\"]\n", false),
        new("DL3025", "JSI1012", "FROM node:22 AS web\nCMD node server.js\n", true),
        new("DL3025", "JSI1012", "FROM node:22 AS web\nCMD [\"node\", \"server.js\"]\nCMD [ \"node\", \"worker.js\" ]\n", false),
        new("DL3025", "JSI1012", "FROM node:22\nHEALTHCHECK CMD node probe.js\n", true, HealthcheckIsOurChoice),
        new("DL3025", "JSI1012", "FROM node:22\nHEALTHCHECK CMD [ \"node\", \"probe.js\" ]\n", false),
        new("DL3025", "JSI1012", "FROM node:22\nCMD [ \"/bin/sh\", \"-c\", \\\n      \"node migrate.js && \\\n       node server.js\" \\\n    ]\n", false),

        // DL3042 -> JSI1014
        .. PipForms(),
        new("DL3042", "JSI1014", "FROM python:3.12\nRUN pipx install black\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nONBUILD RUN pipx install black\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nRUN pipenv install httpx\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nONBUILD RUN pipenv install httpx\n", false),
        .. PipNoCacheDirValues(),
        new("DL3042", "JSI1014", "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install attrs\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install attrs\n", true),
        new("DL3042", "JSI1014", "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install attrs\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nONBUILD RUN --mount=type=cache,target=/root/.cache/pip pip install attrs\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install attrs\n", false),
        new("DL3042", "JSI1014", "FROM python:3.12\nONBUILD RUN --mount=type=tmpfs,target=/root/.cache/pip pip install attrs\n", false),

        // DL4006 -> JSI1015
        new("DL4006", "JSI1015", "FROM scratch\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", true),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nRUN curl -fsS https://status.example.test && grep -c ok log > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/bash\", \"-e\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/bash\", \"-o\", \"errexit\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/usr/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/usr/local/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"pwsh\", \"-c\"]\nRUN Get-ChildItem Env: | Sort-Object Name\n", false),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", true),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\nFROM scratch AS fetch2\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", true),
        new("DL4006", "JSI1015", "FROM scratch AS fetch\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\nSHELL [\"/bin/sh\", \"-c\"]\nRUN curl -fsS https://status.example.test | grep -c ok > /count\n", true),
        new("DL4006", "JSI1015", "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\nSHELL [ \"pwsh\", \"-c\" ]\nRUN Get-ChildItem Env: | Sort-Object Name\n", false),
        new("DL4006", "JSI1015", "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\nSHELL [ \"powershell.exe\" ]\nRUN Get-ChildItem Env: | Sort-Object Name\n", false),
        new("DL4006", "JSI1015", "FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\nSHELL [ \"cmd.exe\", \"/c\" ]\nRUN Get-ChildItem Env: | Sort-Object Name\n", false),
    ];

    private static IEnumerable<Case> PipForms()
    {
        foreach (string pip in new[] { "pip2", "pip3", "pip" })
        {
            foreach (string onbuild in new[] { "", "ONBUILD " })
            {
                yield return new("DL3042", "JSI1014", $"FROM python:3.12\n{onbuild}RUN {pip} install psycopg2\n", true);
                yield return new("DL3042", "JSI1014", pip == "pip3"
                    ? $"FROM python:3.12\n{onbuild}RUN {pip} install --no-cache-dir psycopg2\n"
                    : $"FROM python:3.12\n{onbuild}RUN {pip} install psycopg2 --no-cache-dir\n", false);
            }
        }
    }

    private static IEnumerable<Case> PipNoCacheDirValues()
    {
        foreach (var (values, peerFlags) in new[] { (new[] { "1", "on", "yes", "true" }, false), (new[] { "0", "off", "no", "false" }, true) })
        {
            foreach (string value in values)
            {
                string? difference = peerFlags ? PipDisablesOnAnyBoolean : null;
                yield return new("DL3042", "JSI1014", $"FROM python:3.12\nENV PIP_NO_CACHE_DIR={value}\nRUN pip install psycopg2\n", peerFlags, difference);
                yield return new("DL3042", "JSI1014", $"FROM python:3.12\nRUN PIP_NO_CACHE_DIR={value} pip install psycopg2\n", peerFlags, difference);
                yield return new("DL3042", "JSI1014", $"FROM python:3.12\nRUN export PIP_NO_CACHE_DIR={value} && pip install psycopg2\n", peerFlags, difference);
            }
        }
    }

    [Test]
    public void Every_case_matches_hadolint_or_names_the_documented_reason_it_differs()
    {
        var verdicts = Run();
        var unexplained = verdicts.Where(v => v.Ours != v.Case.PeerFlags && v.Case.Difference is null).Select(Describe).ToList();
        var stale = verdicts.Where(v => v.Ours == v.Case.PeerFlags && v.Case.Difference is not null).Select(Describe).ToList();
        int agree = verdicts.Count(v => v.Ours == v.Case.PeerFlags);
        int documented = verdicts.Count(v => v.Case.Difference is not null);
        TestContext.Out.WriteLine($"hadolint agreement: {agree}/{verdicts.Count} = {100.0 * agree / verdicts.Count:0.0}% of hadolint's verdicts; {documented} documented deliberate differences; {agree}/{verdicts.Count - documented} = {100.0 * agree / (verdicts.Count - documented):0.0}% of the rest");
        foreach (var group in verdicts.GroupBy(v => v.Case.Peer))
        {
            TestContext.Out.WriteLine($"  {group.Key} -> {group.First().Case.Rule}: {group.Count(v => v.Ours == v.Case.PeerFlags)}/{group.Count()}");
        }

        Assert.That(unexplained, Is.Empty, "cases where we differ from hadolint without a documented reason");
        Assert.That(stale, Is.Empty, "cases marked as a deliberate difference that now agree");
    }

    [Test]
    public void The_table_mirrors_each_mapped_hadolint_rule() =>
        Assert.That(Cases.Select(c => c.Peer).Distinct(), Is.EquivalentTo(new[] { "DL3003", "DL3006", "DL3007", "DL3020", "DL3022", "DL3024", "DL3025", "DL3042", "DL4006" }));

    private static string Describe((Case Case, bool Ours) v) =>
        $"{v.Case.Peer}/{v.Case.Rule} hadolint {(v.Case.PeerFlags ? "flags" : "passes")}, we {(v.Ours ? "flag" : "pass")}:\n{v.Case.Dockerfile}";

    private static List<(Case Case, bool Ours)> Run()
    {
        using var repository = new TempRepository();
        for (int i = 0; i < Cases.Length; i++)
        {
            repository.Write($"case{i:000}/Dockerfile", Cases[i].Dockerfile);
        }

        InfraAnalyzer[] analyzers =
        [
            new CdInsteadOfWorkdirRule(), new UnpinnedBaseImageRule(), new AddInsteadOfCopyRule(), new UnknownOrDuplicateStageRule(),
            new ShellFormCommandRule(), new PipInstallKeepsCacheRule(), new PipeWithoutPipefailRule(),
        ];
        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = analyzers, MaxDegreeOfParallelism = 1 });
        Assert.That(result.Diagnostics.Where(d => d.Id is "JSI0001" or "JSI0004"), Is.Empty);
        return [.. Cases.Select((c, i) => (c, result.Diagnostics.Any(d => d.Id == c.Rule && d.Location.Path.Replace('\\', '/').Contains($"case{i:000}/", StringComparison.Ordinal))))];
    }

    private sealed record Case(string Peer, string Rule, string Dockerfile, bool PeerFlags, string? Difference = null);
}
