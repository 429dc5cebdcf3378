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
    public void Additional_locations_are_listed_in_the_json_and_named_in_the_one_line_message()
    {
        using var repository = new TempRepository();
        repository.Write("deploy/.env", "A=LINKED\nB=ALSO\nC=1 ALSO\n");

        var result = InfraLint.Engine.LintEngine.Run(new InfraLint.Engine.LintOptions(repository.Root) { Analyzers = [new FlagAnalyzer()] });
        var record = FindingsFile.From(result, null).Findings.Single();
        string json = FindingsFile.From(result, null).ToJson();
        var read = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings")[0].GetProperty("additionalLocations");
        string line = CanonicalFormatter.Format(result.Diagnostics.Single(), repository.Root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.AdditionalLocations, Is.EqualTo(new[] { new FindingLocation("deploy/.env", 2, 3, 2, 7), new FindingLocation("deploy/.env", 3, 5, 3, 9) }));
            Assert.That(read.GetArrayLength(), Is.EqualTo(2));
            Assert.That(read[1].GetProperty("line").GetInt32(), Is.EqualTo(3));
            Assert.That(record.DisplayMessage, Is.EqualTo("found LINKED (also at deploy/.env(2,3), deploy/.env(3,5))"));
            Assert.That(line, Does.EndWith("warning TEST0003: found LINKED (also at deploy/.env(2,3), deploy/.env(3,5))"));
            Assert.That(FindingLocation.AppendTo("m", null), Is.EqualTo("m"));
        }
    }

    [Test]
    public void Additional_locations_survive_the_cache_and_leave_the_fingerprint_to_the_primary_location()
    {
        using var repository = new TempRepository();
        repository.Write(".env", "A=LINKED\nB=ALSO\n");
        var first = FindingsFile.From(InfraLint.Engine.LintEngine.Run(new InfraLint.Engine.LintOptions(repository.Root) { Analyzers = [new FlagAnalyzer()] }), "F");
        repository.Write(".env", "A=LINKED\nB=ALSO\nC=ALSO\n");
        var second = FindingsFile.From(InfraLint.Engine.LintEngine.Run(new InfraLint.Engine.LintOptions(repository.Root) { Analyzers = [new FlagAnalyzer()] }), "F");
        string path = Path.Combine(repository.Root, "obj", "findings.json");
        second.Write(path);
        var read = FindingsFile.TryRead(path)!.Findings.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.AdditionalLocations, Is.EqualTo(second.Findings.Single().AdditionalLocations));
            Assert.That(read.DisplayMessage, Is.EqualTo("found LINKED (also at .env(2,3), .env(3,3))"));
            Assert.That(File.ReadAllText(path), Does.Not.Contain("DisplayMessage"), "a derived property is not cached");
            Assert.That(second.Findings.Single().Fingerprint, Is.EqualTo(first.Findings.Single().Fingerprint), "the fingerprint is the primary location's");
        }
    }

    [Test]
    public void A_broken_or_missing_file_reads_as_null()
    {
        using var repo = new TempRepository();
        string broken = repo.Write("findings.json", "{\"root\": ");

        Assert.That(FindingsFile.TryRead(broken), Is.Null);
        Assert.That(FindingsFile.TryRead(Path.Combine(repo.Root, "missing.json")), Is.Null);
    }

    /// <summary>Every property the writer can write, none at its default: what the reader reads back must write the same JSON.</summary>
    private static readonly FindingsFile Full = new(
        "/repo",
        "ABC123",
        12,
        10,
        4_000_000_000,
        [
            new FindingRecord(
                "JSI2001",
                "error",
                "docker-compose.yml",
                3,
                5,
                3,
                9,
                "service 'vault' runs <dev> mode – café \"quoted\"\n",
                "https://example.invalid/JSI2001",
                "f1",
                new FixRecord("Pin it", "unsafe", "docker-compose.yml", [new EditRecord(3, 5, 3, 9, "x\ty"), new EditRecord(4, 1, 5, 1, string.Empty)], MakesExecutable: true),
                [new FindingLocation("a/.env", 2, 3, 2, 7), new FindingLocation("b.yml", 0, 0, 0, 0)]),
            new FindingRecord("JSI3012", "warning", "fly.toml", 1, 1, 1, 4, "x", "https://example.invalid/JSI3012"),
            new FindingRecord("JSI9999", "info", string.Empty, 0, 0, 0, 0, "repository", "https://example.invalid/JSI9999", Fix: new FixRecord("Chmod", "safe", "run.sh", [])),
        ])
    {
        InlineSuppressed = 2,
        BaselineSuppressed = 1,
        ContentNotRead = ["app.log", "logs/é.txt"],
        Relinted = 3,
        Skipped = [new SkippedRecord("assets/logo.png", "binary"), new SkippedRecord("big.bin", "larger than 4 MiB")],
    };

    [Test]
    public void The_reader_reads_back_every_property_the_writer_writes()
    {
        using var repo = new TempRepository();
        string path = Path.Combine(repo.Root, "findings.json");
        Full.Write(path);

        var read = FindingsFile.TryRead(path);

        Assert.That(read, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read!.ToJson(), Is.EqualTo(Full.ToJson()));
            foreach (string property in new[] { "contentNotRead", "relinted", "additionalLocations", "makesExecutable", "edits", "skipped", "baselineSuppressed" })
            {
                Assert.That(Full.ToJson(), Does.Contain($"\"{property}\""), "the sample writes every property");
            }
        }
    }

    [Test]
    public void Absent_optional_properties_read_as_the_writers_defaults()
    {
        using var repo = new TempRepository();
        string path = repo.Write("findings.json", "{\"root\": \"/r\", \"files\": 1, \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": [], \"unknown\": {\"a\": [1]}}");

        var read = FindingsFile.TryRead(path);

        Assert.That(read, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read!.Fingerprint, Is.Null);
            Assert.That(read.ContentNotRead, Is.Null);
            Assert.That(read.Relinted, Is.Null);
            Assert.That(read.Skipped, Is.Empty);
            Assert.That(read.InlineSuppressed + read.BaselineSuppressed, Is.Zero);
        }
    }

    [TestCase("{\"files\": 1, \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": []}", TestName = "no root")]
    [TestCase("{\"root\": \"/r\", \"files\": \"1\", \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": []}", TestName = "a count as text")]
    [TestCase("{\"root\": \"/r\", \"files\": 1, \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": {}}", TestName = "findings not a list")]
    [TestCase("{\"root\": \"/r\", \"files\": 1, \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": [{\"ruleId\": \"JSI0001\"}]}", TestName = "a finding without its location")]
    [TestCase("{\"root\": null, \"files\": 1, \"analyzed\": 0, \"elapsedMs\": 5, \"findings\": []}", TestName = "a null root")]
    [TestCase("[]", TestName = "not an object")]
    public void A_file_missing_a_required_property_or_of_another_type_reads_as_null(string json)
    {
        using var repo = new TempRepository();

        Assert.That(FindingsFile.TryRead(repo.Write("findings.json", json)), Is.Null);
    }
}
