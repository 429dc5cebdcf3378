using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>The findings JSON (the tool's --format json and the MSBuild no-op cache), now with source-generated metadata.</summary>
public class FindingsFileTests
{
    private static readonly FindingsFile Sample = new(
        "/repo",
        "ABC123",
        12,
        10,
        42,
        [
            new FindingRecord("JSI2001", "error", "docker-compose.yml", 3, 5, 3, 9, "service 'vault' runs <dev> mode – café", "https://example.invalid/JSI2001", "f1"),
            new FindingRecord("JSI3012", "warning", "fly.toml", 1, 1, 1, 4, "x", "https://example.invalid/JSI3012"),
        ])
    {
        InlineSuppressed = 2,
        BaselineSuppressed = 1,
        Skipped = [new SkippedRecord("assets/logo.png", "binary")],
    };

    [Test]
    public void The_json_is_indented_relaxed_and_leaves_out_null_fingerprints()
    {
        string json = Sample.ToJson();

        Assert.That(json, Does.StartWith("{\n  \"root\": \"/repo\",\n  \"fingerprint\": \"ABC123\",\n  \"files\": 12,\n  \"analyzed\": 10,\n  \"elapsedMs\": 42,\n  \"findings\": [\n    {\n      \"ruleId\": \"JSI2001\",").Or.StartWith("{\r\n"));
        Assert.That(json, Does.Contain("runs <dev> mode – café"), "relaxed escaping: no \\u003C or \\u2013");
        Assert.That(json.Split("\"fingerprint\"").Length - 1, Is.EqualTo(2), "the file's and the first finding's; the second's is null and left out");
    }

    [Test]
    public void Written_findings_read_back_equal()
    {
        using var repo = new TempRepository();
        string path = Path.Combine(repo.Root, "obj", "infralint", "findings.json");

        Sample.Write(path);
        var read = FindingsFile.TryRead(path);

        Assert.That(read, Is.Not.Null);
        Assert.That(read! with { Findings = [] }, Is.EqualTo(Sample with { Findings = [], Skipped = read.Skipped }));
        Assert.That(read.Skipped, Is.EqualTo(Sample.Skipped));
        Assert.That(read.Findings, Is.EqualTo(Sample.Findings));
    }

    [Test]
    public void A_broken_or_missing_file_reads_as_null()
    {
        using var repo = new TempRepository();
        string broken = repo.Write("findings.json", "{\"root\": ");

        Assert.That(FindingsFile.TryRead(broken), Is.Null);
        Assert.That(FindingsFile.TryRead(Path.Combine(repo.Root, "missing.json")), Is.Null);
    }
}
