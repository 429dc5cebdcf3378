using System.Xml.Linq;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// <c>--format checkstyle</c>: well-formed XML as Checkstyle writes it and Jenkins warnings-ng and SonarQube read it
/// (checkstyle &gt; file[name] &gt; error[line, column, severity of error|warning|info|ignore, message, source]).
/// </summary>
public class CheckstyleWriterTests
{
    private static readonly string[] Severities = ["error", "warning", "info", "ignore"];

    [Test]
    public void Snapshot_of_the_sample_findings()
    {
        Snapshot.Match(CheckstyleWriter.Write(ReportSamples.Root, ReportSamples.Findings), "Checkstyle");
    }

    [Test]
    public void The_document_is_checkstyle_xml_with_every_finding_once()
    {
        var root = XDocument.Parse(CheckstyleWriter.Write(ReportSamples.Root, ReportSamples.Findings)).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("checkstyle"));
        var files = root.Elements("file").ToList();
        Assert.That(files.Select(f => (string)f.Attribute("name")!).Distinct().Count(), Is.EqualTo(files.Count), "one element per file");
        Assert.That(files.All(f => Path.IsPathRooted((string)f.Attribute("name")!)), Is.True);

        var errors = files.SelectMany(f => f.Elements("error")).ToList();
        Assert.That(errors, Has.Count.EqualTo(ReportSamples.Findings.Count));
        foreach (var error in errors)
        {
            Assert.That((int?)error.Attribute("line") ?? 1, Is.GreaterThanOrEqualTo(1), "a line is 1-based, or absent for a finding without a position");
            Assert.That((int?)error.Attribute("column") ?? 1, Is.GreaterThanOrEqualTo(1));
            Assert.That(Severities, Does.Contain((string)error.Attribute("severity")!));
            Assert.That((string)error.Attribute("source")!, Does.Match("^JSI[0-9]{4}$"));
        }

        var odd = files.Single(f => ((string)f.Attribute("name")!).EndsWith("a,b:c%d.sh", StringComparison.Ordinal)).Element("error")!;
        Assert.That((string)odd.Attribute("message")!, Is.EqualTo("line one\r\nline two: 100% sure, really\\u0001"), "attribute line breaks survive parsing; the control character is escaped");
        Assert.That((string)errors[0].Parent!.Element("error")!.Attribute("message")!, Is.Not.Empty);
    }

    [Test]
    public void No_findings_is_an_empty_checkstyle_element()
    {
        var root = XDocument.Parse(CheckstyleWriter.Write(ReportSamples.Root, [])).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("checkstyle"));
        Assert.That(root.HasElements, Is.False);
    }
}
