using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// <c>--format github</c>: workflow commands, read back the way the Actions runner reads them (one command per line,
/// <c>::name k=v,k=v::data</c>, properties unescaped from %25, %0D, %0A, %3A and %2C, data from %25, %0D and %0A).
/// </summary>
public class GitHubAnnotationsWriterTests
{
    [Test]
    public void Snapshot_of_the_sample_findings()
    {
        Snapshot.Match(GitHubAnnotationsWriter.Write(ReportSamples.Findings), "GitHubAnnotations");
    }

    [Test]
    public void Every_finding_is_one_command_that_the_runner_reads_back_unchanged()
    {
        string output = GitHubAnnotationsWriter.Write(ReportSamples.Findings);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(ReportSamples.Findings.Count));

        for (int i = 0; i < lines.Length; i++)
        {
            var finding = ReportSamples.Findings[i];
            var (command, properties, message) = ParseCommand(lines[i]);
            Assert.That(command, Is.EqualTo(finding.Severity switch { "error" => "error", "warning" => "warning", _ => "notice" }));
            Assert.That(message, Is.EqualTo(finding.Message));
            Assert.That(properties["title"], Is.EqualTo(finding.RuleId));
            if (finding.Path.Length == 0)
            {
                Assert.That(properties.ContainsKey("file"), Is.False, "a repository-level finding has no file");
                continue;
            }

            Assert.That(properties["file"], Is.EqualTo(finding.Path));
            if (finding.Line == 0)
            {
                Assert.That(properties.ContainsKey("line"), Is.False, "a whole-file finding has no line");
                continue;
            }

            var (line, column, endLine, endColumn) = finding.Region;
            Assert.That(
                (properties["line"], properties["col"], properties["endLine"], properties["endColumn"]),
                Is.EqualTo((line.ToString(), column.ToString(), endLine.ToString(), endColumn.ToString())));
        }
    }

    [TestCase("a%b", "a%25b")]
    [TestCase("a\rb\nc", "a%0Db%0Ac")]
    [TestCase("a:b,c", "a%3Ab%2Cc")]
    [TestCase("%3A", "%253A")]
    public void Properties_escape_percent_CR_LF_colon_and_comma(string value, string escaped)
    {
        Assert.That(GitHubAnnotationsWriter.EscapeProperty(value), Is.EqualTo(escaped));
    }

    [Test]
    public void Messages_keep_colons_and_commas_but_escape_percent_and_line_breaks()
    {
        Assert.That(GitHubAnnotationsWriter.EscapeData("a: b, 5%\r\n"), Is.EqualTo("a: b, 5%25%0D%0A"));
    }

    /// <summary>The runner's reading of one line: the command, its properties and its data, unescaped.</summary>
    private static (string Command, Dictionary<string, string> Properties, string Data) ParseCommand(string line)
    {
        Assert.That(line, Does.StartWith("::"));
        int end = line.IndexOf("::", 2, StringComparison.Ordinal);
        Assert.That(end, Is.GreaterThan(2), line);
        string head = line[2..end];
        string data = line[(end + 2)..];
        int space = head.IndexOf(' ', StringComparison.Ordinal);
        string command = space < 0 ? head : head[..space];
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (space >= 0)
        {
            foreach (string pair in head[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                Assert.That(equals, Is.GreaterThan(0), pair);
                Assert.That(properties.TryAdd(pair[..equals], UnescapeProperty(pair[(equals + 1)..])), Is.True, "duplicate property " + pair);
            }
        }

        Assert.That(data, Does.Not.Contain("\r").And.Not.Contain("\n"));
        return (command, properties, UnescapeData(data));
    }

    private static string UnescapeData(string value) =>
        value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeProperty(string value) =>
        UnescapeData(value.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal));
}
