using System.Text.Json;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// <c>--format json</c>: exactly the properties docs/output-formats.md documents (no internal ones such as a parsed
/// severity enum or timings), with the documented types.
/// </summary>
public class JsonReportWriterTests
{
    private static readonly string[] RootProperties = ["schemaVersion", "tool", "root", "files", "analyzed", "summary", "skipped", "findings"];

    private static readonly string[] FindingProperties = ["ruleId", "severity", "path", "line", "column", "endLine", "endColumn", "message", "helpUri", "fingerprint"];

    [Test]
    public void The_report_has_exactly_the_documented_properties()
    {
        using var repository = new TempRepository(new Dictionary<string, string>
        {
            ["docker-compose.yml"] = "services:\n  web:\n    image: nginx:1.27.3\n    depends_on: [db]\n",
        });
        var result = LintEngine.Run(new LintOptions(repository.Root));
        string json = JsonReportWriter.Write(result);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(RootProperties));
        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("tool").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "version" }));
        Assert.That(root.GetProperty("summary").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "error", "warning", "info", "inlineSuppressed", "baselineSuppressed" }));
        Assert.That(root.GetProperty("summary").GetProperty("error").GetInt32(), Is.EqualTo(result.Count(Diagnostics.DiagnosticSeverity.Error)));

        var findings = root.GetProperty("findings").EnumerateArray().ToArray();
        Assert.That(findings, Has.Length.EqualTo(result.Diagnostics.Count).And.Length.GreaterThan(0));
        foreach (var finding in findings)
        {
            Assert.That(finding.EnumerateObject().Select(p => p.Name), Is.EqualTo(FindingProperties));
            Assert.That(finding.GetProperty("severity").GetString(), Is.AnyOf("error", "warning", "info"));
        }

        var undefined = findings.Single(f => f.GetProperty("ruleId").GetString() == "JSI2005");
        Assert.That(
            (undefined.GetProperty("path").GetString(), undefined.GetProperty("line").GetInt32(), undefined.GetProperty("column").GetInt32(), undefined.GetProperty("endColumn").GetInt32()),
            Is.EqualTo(("docker-compose.yml", 4, 18, 20)));
        Assert.That(json, Does.Not.Contain("ParsedSeverity").And.Not.Contain("elapsed"));
    }

    [Test]
    public void Every_property_is_documented_in_output_formats_md()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "output-formats.md"));
        foreach (string name in RootProperties.Concat(FindingProperties).Concat(["name", "version", "error", "warning", "info", "inlineSuppressed", "baselineSuppressed", "reason"]))
        {
            Assert.That(doc, Does.Contain($"`{name}`"), name);
        }
    }
}
