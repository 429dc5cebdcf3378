using System.Xml.Linq;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// <c>--format junit</c>: well-formed XML in the shape JUnit consumers read (testsuites &gt; testsuite &gt; testcase, at
/// most one failure per testcase, counts that add up), one testcase per rule and file.
/// </summary>
public class JUnitWriterTests
{
    private static readonly DiagnosticDescriptor[] Rules =
    [
        new("JSI1003", "Image has no HEALTHCHECK", "{0}", "Dockerfile", DiagnosticSeverity.Info, "d"),
        new("JSI2001", "Service runs in development mode", "{0}", "Compose", DiagnosticSeverity.Warning, "d"),
        new("JSI2002", "Key defined twice", "{0}", "Compose", DiagnosticSeverity.Warning, "d"),
        new("JSI2003", "Hard-coded credential", "{0}", "Compose", DiagnosticSeverity.Warning, "d"),
    ];

    [Test]
    public void Snapshot_of_the_sample_findings()
    {
        Snapshot.Match(JUnitWriter.Write(ReportSamples.Findings, Rules), "JUnit");
    }

    [Test]
    public void One_testcase_per_rule_and_file_with_failures_for_errors_and_warnings()
    {
        var document = XDocument.Parse(JUnitWriter.Write(ReportSamples.Findings, Rules));
        var root = document.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        var suites = root.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (string)s.Attribute("name")!), Is.EqualTo(new[] { "JSI1003", "JSI2001", "JSI2002", "JSI2003", "JSI4003", "JSI7001", "JSI7006" }));

        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(cases.Count));
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(cases.Count(c => c.Element("failure") is not null)));
            Assert.That(cases.All(c => c.Elements("failure").Count() <= 1), Is.True);
            Assert.That(cases.Select(c => (string)c.Attribute("name")!).Distinct().Count(), Is.EqualTo(cases.Count));
        }

        Assert.That((int)root.Attribute("tests")!, Is.EqualTo(root.Descendants("testcase").Count()));
        Assert.That((int)root.Attribute("failures")!, Is.EqualTo(root.Descendants("failure").Count()));

        var duplicate = suites.Single(s => (string)s.Attribute("name")! == "JSI2002").Elements("testcase").Single();
        Assert.That((string)duplicate.Attribute("name")!, Is.EqualTo("docker-compose.yml"));
        Assert.That(duplicate.Element("failure")!.Value.Split('\n'), Has.Length.EqualTo(2), "both findings of the rule in the file are listed");

        var info = suites.Single(s => (string)s.Attribute("name")! == "JSI1003").Elements("testcase").Single();
        Assert.That(info.Element("failure"), Is.Null, "info findings do not fail");
        Assert.That(info.Element("system-out")!.Value, Does.Contain("no HEALTHCHECK"));

        var clean = suites.Single(s => (string)s.Attribute("name")! == "JSI2003").Elements("testcase").Single();
        Assert.That((string)clean.Attribute("name")!, Is.EqualTo(JUnitWriter.NoFinding));
        Assert.That(clean.HasElements, Is.False);

        var odd = suites.Single(s => (string)s.Attribute("name")! == "JSI4003").Elements("testcase").Single();
        Assert.That(odd.Element("failure")!.Value, Does.Contain("line two: 100% sure, really\\u0001"), "a control character XML cannot carry is written as \\u0001");
    }
}
