using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

public class RunSummaryTests
{
    [Test]
    public void The_summary_line_counts_every_severity_and_suppression()
    {
        var summary = new RunSummary(31, 17, 12, 1, 16, 2, 3, 310);

        Assert.That(summary.Format("InfraLint"), Is.EqualTo("InfraLint: 31 files, 17 analyzed: 12 errors, 1 warning, 16 info, 5 suppressed (baseline 3) in 310 ms"));
        Assert.That(summary.FormatSkipped("InfraLint"), Is.Null);
    }

    [Test]
    public void Skipped_files_are_named_with_their_reason_up_to_a_limit()
    {
        var summary = new RunSummary(1, 1, 0, 0, 0, 0, 0, 1)
        {
            Skipped = [.. Enumerable.Range(1, 12).Select(i => new SkippedRecord($"big{i:00}.json", "larger than 4 MiB"))],
        };

        string line = summary.FormatSkipped("infralint")!;

        Assert.That(line, Does.StartWith("infralint: 12 files skipped, not linted: big01.json (larger than 4 MiB); big02.json"));
        Assert.That(line, Does.EndWith("big10.json (larger than 4 MiB); and 2 more"));
    }

    [Test]
    public void A_run_reports_inline_suppressions_and_binary_files()
    {
        using var repository = new TempRepository();
        repository.Write("docker-compose.yml", "services:\n  db:\n    image: postgres:16.3\n    environment:\n      # infralint-disable-next-line JSI2003 -- local only\n      POSTGRES_PASSWORD: s3cr3t-Value-9\n");
        repository.WriteBytes("deploy/fly.toml", [0x61, 0x00, 0x62]);

        var summary = RunSummary.From(LintEngine.Run(new LintOptions(repository.Root)));

        Assert.That(summary.InlineSuppressed, Is.EqualTo(1));
        Assert.That(summary.Skipped.Select(s => s.Path), Is.EqualTo(new[] { "deploy/fly.toml" }));
        Assert.That(summary.FormatSkipped("InfraLint"), Does.Contain("deploy/fly.toml ("));
    }
}
