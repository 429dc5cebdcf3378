using System.Text.Json;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Cli;

/// <summary>The root command and <c>baseline</c>: the flags and exit codes the README documents.</summary>
public class CommandLineTests
{
    private const string ComposeWithError = """
        services:
          web:
            image: nginx:1.27.3
            depends_on: [db]
        """;

    [Test]
    public void Help_and_version_exit_0()
    {
        var help = CliRun.Of("--help");
        Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
        Assert.That(help.Output, Does.Contain("--format").And.Contain("--no-baseline").And.Contain("baseline"));

        var version = CliRun.Of("--version");
        Assert.That(version.ExitCode, Is.EqualTo(0), version.ToString());
        Assert.That(version.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [TestCase("rules")]
    [TestCase("explain")]
    [TestCase("baseline")]
    public void A_subcommand_help_does_not_list_the_root_path(string command)
    {
        var help = CliRun.Of(command, "--help");
        Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
        // In process the root is named for the host (testhost), not infralint.
        Assert.That(help.Output, Does.Match($@"Usage:\s+\S+ {command} "));
        Assert.That(help.Output, Does.Not.Contain("[<PATH>] " + command), "the root's PATH is not the subcommand's");
    }

    [TestCase("--format", "xml")]
    [TestCase("--format=xml")]
    [TestCase("--bogus")]
    [TestCase("--baseline", "x.json", "--no-baseline")]
    [TestCase("one", "two")]
    [TestCase("-f")]
    public void Bad_usage_is_one_line_and_exit_2(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Is.Empty);
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("infralint: "));
        Assert.That(lines.Length, Is.LessThanOrEqualTo(2), run.ToString());
    }

    [Test]
    public void Unknown_format_names_the_formats()
    {
        var run = CliRun.Of("--format", "xml");
        Assert.That(run.Error, Does.Contain("unknown format 'xml'").And.Contain("sarif"));
    }

    [Test]
    public void Error_finding_exits_1_and_the_summary_goes_to_standard_error()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        var run = CliRun.Of(repo.Root);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("error JSI2005"));
        Assert.That(run.Error, Does.Match(@"infralint: \d+ files?, \d+ analyzed: 1 error, "));
    }

    [Test]
    public void Timings_add_one_line_naming_each_part_of_the_run()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        var plain = CliRun.Of(repo.Root);
        var timed = CliRun.Of(repo.Root, "--timings");

        Assert.That(timed.Output, Is.EqualTo(plain.Output));
        Assert.That(timed.ExitCode, Is.EqualTo(plain.ExitCode));
        Assert.That(plain.Error, Does.Not.Contain("timings"));
        Assert.That(
            timed.Error,
            Does.Match(@"infralint timings: start-up [\d,]+ ms, discovery [\d,]+ ms, parsing [\d,]+ ms, rules [\d,]+ ms, reporting [\d,]+ ms, output [\d,]+ ms; thread time: read [\d,]+ ms, parse [\d,]+ ms, facts [\d,]+ ms, rules [\d,]+ ms; process: cpu [\d,]+ ms, gc paused [\d,]+ ms in \d+/\d+/\d+ collections \(gen 0/1/2\), allocated [\d,]+ MiB, jit [\d,]+ ms for [\d,]+ methods"));
    }

    [Test]
    public void Format_with_an_equals_sign_and_any_case_is_accepted()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        var run = CliRun.Of(repo.Root, "--format=JSON");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString());
        Assert.That(ids, Does.Contain("JSI2005"));
    }

    [Test]
    public void Baseline_then_lint_exits_0_and_no_baseline_reports_again()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        var write = CliRun.Of("baseline", repo.Root);
        Assert.That(write.ExitCode, Is.EqualTo(0), write.ToString());
        Assert.That(File.Exists(Path.Combine(repo.Root, "infralint.baseline.json")), Is.True);

        var clean = CliRun.Of(repo.Root);
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.ToString());
        Assert.That(clean.Output, Is.Empty);
        Assert.That(clean.Error, Does.Match(@"0 errors, 0 warnings, 0 info, ([1-9]\d*) suppressed \(baseline \1\)"));

        Assert.That(CliRun.Of(repo.Root, "--no-baseline").ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Missing_baseline_file_or_analyzer_exits_2()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        var baseline = CliRun.Of(repo.Root, "--baseline", Path.Combine(repo.Root, "none.json"));
        Assert.That(baseline.ExitCode, Is.EqualTo(2), baseline.ToString());
        Assert.That(baseline.Error, Does.Contain("does not exist"));

        var analyzer = CliRun.Of(repo.Root, "--analyzer", Path.Combine(repo.Root, "none.dll"));
        Assert.That(analyzer.ExitCode, Is.EqualTo(2), analyzer.ToString());
    }

    [Test]
    public void Output_file_receives_the_report()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["docker-compose.yml"] = ComposeWithError });
        string report = Path.Combine(repo.Root, "out", "report.sarif");
        var run = CliRun.Of(repo.Root, "--format", "sarif", "--output", report);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Is.Empty);
        using var sarif = JsonDocument.Parse(File.ReadAllText(report));
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
    }
}
