using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Catalog;

/// <summary>
/// Every rule page (docs/rules/JSInnnn.md, the engine's JSI0001-JSI0005 included) has the sections a reader needs, in
/// order: what it finds, why it matters, when it applies, a bad and a good example that are file snippets (a fenced
/// code block each), how to fix, and how to suppress both inline and in .editorconfig (or says why inline cannot).
/// </summary>
public partial class RuleDocsCompletenessTests
{
    private static readonly string[] Sections = ["What it finds", "Why it matters", "When it applies", "Bad", "Good", "How to fix", "How to suppress"];

    private static IEnumerable<string> RuleIds => AnalyzerCatalog.AllDescriptors.Select(d => d.Id);

    [TestCaseSource(nameof(RuleIds))]
    public void The_page_has_every_section_in_order(string id)
    {
        var sections = Parse(id);
        Assert.That(sections.Keys.Where(Sections.Contains), Is.EqualTo(Sections), $"docs/rules/{id}.md");
        foreach (string name in Sections)
        {
            Assert.That(sections[name].Trim(), Is.Not.Empty, $"docs/rules/{id}.md: '## {name}' is empty");
        }
    }

    [TestCaseSource(nameof(RuleIds))]
    public void The_bad_and_good_examples_are_file_snippets(string id)
    {
        var sections = Parse(id);
        foreach (string name in new[] { "Bad", "Good" })
        {
            Assert.That(CodeBlock().IsMatch(sections.GetValueOrDefault(name, string.Empty)), Is.True, $"docs/rules/{id}.md: '## {name}' has no fenced code block");
        }
    }

    [TestCaseSource(nameof(RuleIds))]
    public void The_suppression_section_covers_inline_comments_and_editorconfig(string id)
    {
        string suppress = Parse(id).GetValueOrDefault("How to suppress", string.Empty);
        Assert.That(suppress, Does.Contain($"dotnet_diagnostic.{id}.severity"), $"docs/rules/{id}.md: no .editorconfig severity key");
        Assert.That(suppress, Does.Contain($"infralint-disable").Or.Contain("inline"), $"docs/rules/{id}.md: neither an inline directive nor why there is none");
    }

    [Test]
    public void Rules_that_only_fire_in_production_files_say_so()
    {
        foreach (string id in new[] { "JSI2009", "JSI2012", "JSI2016", "JSI3010", "JSI5002", "JSI5005" })
        {
            Assert.That(Parse(id)["When it applies"], Does.Contain("Only production"), id);
        }
    }

    private static Dictionary<string, string> Parse(string id)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new System.Text.StringBuilder();
        bool inCode = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }

            if (!inCode && line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    sections[current] = body.ToString();
                }

                current = line[3..].Trim();
                body.Clear();
                continue;
            }

            body.Append(line).Append('\n');
        }

        if (current is not null)
        {
            sections[current] = body.ToString();
        }

        return sections;
    }

    [GeneratedRegex(@"^```[a-z]*\n(?:.*\n)+?```", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();
}
