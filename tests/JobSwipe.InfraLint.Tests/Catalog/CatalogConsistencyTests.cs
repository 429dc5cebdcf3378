using System.Reflection;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Catalog;

/// <summary>The catalog, the rule classes, docs/rules/ and the README's rule table must agree.</summary>
public partial class CatalogConsistencyTests
{
    private static string RepositoryRoot => RepositoryPaths.Root;

    [Test]
    public void Every_rule_class_is_discovered_once()
    {
        // Every subclass, public or not: a rule class the discovery cannot create (internal, no parameterless
        // constructor) would silently never run.
        var ruleTypes = typeof(InfraAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(InfraAnalyzer)) && !t.IsAbstract)
            .ToList();
        var cataloged = AnalyzerCatalog.BuiltIn.Select(a => a.GetType()).ToList();

        Assert.That(cataloged, Is.Unique);
        Assert.That(cataloged, Is.EquivalentTo(ruleTypes));
        Assert.That(ruleTypes.Count, Is.GreaterThanOrEqualTo(80), "the discovery found the rule classes");
    }

    [Test]
    public void Every_rule_class_holds_its_own_descriptor_beside_its_logic()
    {
        foreach (var analyzer in AnalyzerCatalog.BuiltIn)
        {
            var type = analyzer.GetType();
            Assert.That(type.Namespace, Does.StartWith("JobSwipe.InfraLint.Rules."), type.Name);
            Assert.That(type.Name, Does.EndWith("Rule"), "rule classes are named for what they find, <Name>Rule");
            var field = type.GetField("Descriptor", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            Assert.That(field?.FieldType, Is.EqualTo(typeof(DiagnosticDescriptor)), $"{type.Name} declares its descriptor as a public static field named Descriptor");
            Assert.That(analyzer.SupportedDiagnostics, Is.EqualTo(new[] { (DiagnosticDescriptor)field!.GetValue(null)! }), $"{type.Name} reports its own descriptor");
        }
    }

    [Test]
    public void Ids_are_unique_and_each_descriptor_belongs_to_one_rule()
    {
        var ids = AnalyzerCatalog.BuiltIn.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids.Intersect(AnalyzerCatalog.EngineDescriptors.Select(d => d.Id)), Is.Empty);
    }

    [Test]
    public void Every_descriptor_declared_in_the_engine_is_reported_by_a_rule_or_the_engine()
    {
        var declared = typeof(InfraAnalyzer).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);
        Assert.That(AnalyzerCatalog.AllDescriptors.Select(d => d.Id), Is.EquivalentTo(declared));
    }

    [Test]
    public void Each_descriptor_defers_only_to_known_rules()
    {
        var ids = AnalyzerCatalog.AllDescriptors.Select(d => d.Id).ToHashSet();
        foreach (var descriptor in AnalyzerCatalog.AllDescriptors)
        {
            Assert.That(descriptor.DefersTo, Is.SubsetOf(ids).And.Not.Contains(descriptor.Id), descriptor.Id);
        }
    }

    [Test]
    public void Ids_and_default_severities_follow_the_public_contract()
    {
        var contract = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Catalog", "RuleContract.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => (Default: p[1], Production: p[2], Deployed: p.Length > 3 ? p[3] : "-"));

        foreach (var descriptor in AnalyzerCatalog.AllDescriptors.Where(d => contract.ContainsKey(d.Id)))
        {
            var (expectedDefault, expectedProduction, expectedDeployed) = contract[descriptor.Id];
            Assert.That(descriptor.DefaultSeverity.ToDisplayString(), Is.EqualTo(expectedDefault), descriptor.Id);
            Assert.That(descriptor.ProductionSeverity?.ToDisplayString() ?? "-", Is.EqualTo(expectedProduction), descriptor.Id);
            Assert.That(descriptor.DeployedKindSeverity?.ToDisplayString() ?? "-", Is.EqualTo(expectedDeployed), descriptor.Id);
        }

        var extra = AnalyzerCatalog.AllDescriptors.Where(d => !contract.ContainsKey(d.Id)).Select(d => d.Id);
        Assert.That(extra, Is.SubsetOf(new[] { "JSI0005", "JSI0006" }), "IDs beyond the catalog must be listed here on purpose");
        Assert.That(AnalyzerCatalog.AllDescriptors.Select(d => d.Id), Is.SupersetOf(contract.Keys), "every rule of the catalog ships");
    }

    [Test]
    public void Every_descriptor_has_a_docs_page_with_its_title_and_severity()
    {
        foreach (var descriptor in AnalyzerCatalog.AllDescriptors)
        {
            string path = Path.Combine(RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.That(File.Exists(path), Is.True, $"docs/rules/{descriptor.Id}.md is missing");
            string[] lines = File.ReadAllLines(path);
            Assert.That(lines[0], Is.EqualTo($"# {descriptor.Id}: {descriptor.Title}"), $"{descriptor.Id}.md title");
            Assert.That(lines, Has.Some.EqualTo($"| Default severity | {SeverityText(descriptor)} |"), $"{descriptor.Id}.md severity row");
            Assert.That(lines, Has.Some.EqualTo($"| Fix | {descriptor.Fix.ToDisplayString()} |"), $"{descriptor.Id}.md fix row (safe, unsafe or none, as the descriptor declares)");
            Assert.That(descriptor.HelpLinkUri, Does.EndWith($"docs/rules/{descriptor.Id}.md"));
        }

        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "JSI*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.That(pages, Is.EquivalentTo(AnalyzerCatalog.AllDescriptors.Select(d => d.Id)), "a docs page without a rule");
    }

    [Test]
    public void The_readme_rule_table_matches_the_catalog()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var rows = ReadmeRow().Matches(readme).Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["severity"].Value.Trim(), Title: m.Groups["title"].Value.Trim())).ToList();

        Assert.That(rows.Select(r => r.Id), Is.EqualTo(AnalyzerCatalog.AllDescriptors.Select(d => d.Id)), "README rule table rows, in ID order");
        foreach (var descriptor in AnalyzerCatalog.AllDescriptors)
        {
            var row = rows.Single(r => r.Id == descriptor.Id);
            Assert.That(row.Severity, Is.EqualTo(SeverityText(descriptor)), descriptor.Id);
            Assert.That(row.Title, Is.EqualTo(descriptor.Title), descriptor.Id);
        }
    }

    private static string SeverityText(DiagnosticDescriptor descriptor)
    {
        string text = descriptor.ProductionSeverity is { } production
            ? $"{descriptor.DefaultSeverity.ToDisplayString()} → {production.ToDisplayString()}"
            : descriptor.DefaultSeverity.ToDisplayString();
        return descriptor.DeployedKindSeverity is { } deployed ? $"{text}; {deployed.ToDisplayString()} in Dockerfile, compose, fly.toml" : text;
    }

    [GeneratedRegex(@"^\| \[(?<id>JSI\d{4})\]\(docs/rules/JSI\d{4}\.md\) \| (?<severity>[^|]+) \| (?<title>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
