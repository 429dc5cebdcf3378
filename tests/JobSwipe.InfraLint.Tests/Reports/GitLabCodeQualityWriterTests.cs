using System.Text.Json;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// <c>--format gitlab</c>: a GitLab Code Quality report, checked against what GitLab requires of each issue
/// (description, check_name, a fingerprint unique in the report, a severity of info|minor|major|critical|blocker,
/// location.path relative to the repository, and location.lines.begin or location.positions.begin.line).
/// </summary>
public class GitLabCodeQualityWriterTests
{
    private static readonly string[] Severities = ["info", "minor", "major", "critical", "blocker"];

    [Test]
    public void Snapshot_of_the_sample_findings()
    {
        Snapshot.Match(GitLabCodeQualityWriter.Write(ReportSamples.Findings), "GitLabCodeQuality");
    }

    [Test]
    public void Every_issue_has_what_gitlab_requires()
    {
        using var document = JsonDocument.Parse(GitLabCodeQualityWriter.Write(ReportSamples.Findings));
        var issues = document.RootElement.EnumerateArray().ToArray();
        Assert.That(issues, Has.Length.EqualTo(ReportSamples.Findings.Count));
        Assert.That(issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count(), Is.EqualTo(issues.Length), "fingerprints are unique, even for the same text flagged twice");
        for (int i = 0; i < issues.Length; i++)
        {
            var issue = issues[i];
            var finding = ReportSamples.Findings[i];
            Assert.That(issue.GetProperty("description").GetString(), Does.Contain(finding.Message));
            Assert.That(issue.GetProperty("check_name").GetString(), Is.EqualTo(finding.RuleId));
            Assert.That(Severities, Does.Contain(issue.GetProperty("severity").GetString()));
            string path = issue.GetProperty("location").GetProperty("path").GetString()!;
            Assert.That(path, Is.EqualTo(finding.Path.Length == 0 ? "." : finding.Path));
            Assert.That(Path.IsPathRooted(path), Is.False);
            var location = issue.GetProperty("location");
            int beginLine = location.TryGetProperty("positions", out var positions)
                ? positions.GetProperty("begin").GetProperty("line").GetInt32()
                : location.GetProperty("lines").GetProperty("begin").GetInt32();
            Assert.That(beginLine, Is.EqualTo(finding.Region.Line).And.GreaterThanOrEqualTo(1));
        }

        Assert.That(issues.Select(i => i.GetProperty("severity").GetString()), Is.EqualTo(new[] { "major", "minor", "minor", "minor", "info", "minor", "info" }));
    }

    [Test]
    public void No_findings_is_an_empty_array()
    {
        using var document = JsonDocument.Parse(GitLabCodeQualityWriter.Write([]));
        Assert.That(document.RootElement.GetArrayLength(), Is.EqualTo(0));
    }
}
