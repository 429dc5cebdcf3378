using System.Text.Json;
using JobSwipe.InfraLint.Analysis;

namespace JobSwipe.InfraLint.Tests.Cli;

/// <summary><c>infralint rules</c> and <c>infralint explain</c>: the rule reference from the tool, offline.</summary>
public class RuleReferenceCommandTests
{
    [Test]
    public void Rules_lists_every_rule_with_severity_category_fixability_and_title()
    {
        var run = CliRun.Of("rules");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        string[] lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.Match(@"^ID\s+SEVERITY\s+CATEGORY\s+FIXABLE\s+TITLE$"));
        Assert.That(lines.Skip(1).Select(l => l[..7]), Is.EqualTo(AnalyzerCatalog.AllDescriptors.Select(d => d.Id)));
        Assert.That(lines.Single(l => l.StartsWith("JSI2003", StringComparison.Ordinal)), Does.Match(@"^JSI2003\s+warning → error\s+Compose\s+none\s+Hard-coded credential$"));
    }

    [Test]
    public void Rules_as_json_has_one_object_per_rule()
    {
        var run = CliRun.Of("rules", "--format=json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var rules = json.RootElement.EnumerateArray().ToArray();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(AnalyzerCatalog.AllDescriptors.Select(d => d.Id)));
        var jsi2003 = rules.Single(r => r.GetProperty("id").GetString() == "JSI2003");
        Assert.That(jsi2003.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "title", "category", "defaultSeverity", "productionSeverity", "fixable", "helpUri" }));
        Assert.That((jsi2003.GetProperty("defaultSeverity").GetString(), jsi2003.GetProperty("productionSeverity").GetString()), Is.EqualTo(("warning", "error")));
        Assert.That(jsi2003.GetProperty("fixable").GetString(), Is.AnyOf("safe", "unsafe", "none"));
    }

    [Test]
    public void Rules_rejects_an_unknown_format()
    {
        var run = CliRun.Of("rules", "--format", "sarif");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith("infralint: unknown format 'sarif': use text|json"));
    }

    [TestCase("JSI2009")]
    [TestCase("jsi2009")]
    public void Explain_renders_the_embedded_page_for_a_terminal(string id)
    {
        var run = CliRun.Of("explain", id);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.StartWith("JSI2009: Datastore port published on all interfaces\n====="));
        Assert.That(run.Output, Does.Contain("\nDefault severity: warning\n").And.Contain("\nFixable: none\n"));
        Assert.That(run.Output, Does.Contain("\nBad\n---\n").And.Contain("\nGood\n----\n").And.Contain("\nHow to suppress\n"));
        Assert.That(run.Output, Does.Contain("\n          - \"5432:5432\"\n"), "code blocks are indented by four spaces");
        Assert.That(run.Output, Does.Not.Contain("```").And.Not.Contain("## ").And.Not.Contain("|---|"));
    }

    [TestCase("| Fix | safe |\n", "Fixable: safe\n")]
    [TestCase("", "Fixable: none\n")]
    public void The_fixability_is_shown_once(string row, string expected)
    {
        string page = $"# JSI9999: Title\n\n| | |\n|---|---|\n| Default severity | info |\n{row}\n## What it finds\nText.\n";
        string text = JobSwipe.InfraLint.Cli.Commands.TerminalMarkdown.Render(page, "none");
        Assert.That(text, Does.Contain(expected));
        Assert.That(text.Split('\n').Count(l => l.StartsWith("Fix", StringComparison.Ordinal)), Is.EqualTo(1), text);
    }

    [Test]
    public void Every_rule_has_an_embedded_page()
    {
        foreach (var rule in AnalyzerCatalog.AllDescriptors)
        {
            Assert.That(JobSwipe.InfraLint.Cli.Commands.RuleCatalog.Page(rule.Id), Does.StartWith($"# {rule.Id}: "), rule.Id);
        }
    }

    [TestCase("JSI2099", "did you mean JSI2009 (Datastore port published on all interfaces)?")]
    [TestCase("healthcheck", "did you mean JSI1003 (Image has no HEALTHCHECK)?")]
    [TestCase("XYZ", "'infralint rules' lists them")]
    public void Explain_of_an_unknown_rule_suggests_and_exits_2(string id, string hint)
    {
        var run = CliRun.Of("explain", id);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Is.EqualTo($"infralint: unknown rule '{id}'; {hint}\n").Or.EqualTo($"infralint: unknown rule '{id}'; {hint}\r\n"));
    }

    [Test]
    public void Rule_ids_and_formats_complete_through_the_suggest_directive()
    {
        Assert.That(CliRun.Of("[suggest:13]", "explain JSI10").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Does.Contain("JSI1006").And.Not.Contain("JSI2001"));
        Assert.That(CliRun.Of("[suggest:10]", "--format g").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "github", "gitlab" }));
    }
}
