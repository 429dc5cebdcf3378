using System.Reflection;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Catalog;

/// <summary>
/// Every rule class, src/JobSwipe.InfraLint/Rules/&lt;Folder&gt;/&lt;Name&gt;.cs in namespace JobSwipe.InfraLint.Rules.&lt;Area&gt;,
/// has its own test file, tests/JobSwipe.InfraLint.Tests/Rules/&lt;Folder&gt;/&lt;Name&gt;Tests.cs, holding the test class
/// JobSwipe.InfraLint.Tests.Rules.&lt;Area&gt;.&lt;Name&gt;Tests with at least one test; and every such test class is named for
/// a rule that exists.
/// </summary>
public class RuleTestFilesTests
{
    private const string RulesNamespace = "JobSwipe.InfraLint.Rules.";
    private const string TestsNamespace = "JobSwipe.InfraLint.Tests.Rules.";

    private static IEnumerable<Type> RuleTypes() =>
        typeof(InfraAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(InfraAnalyzer)) && !t.IsAbstract && t.Namespace?.StartsWith(RulesNamespace, StringComparison.Ordinal) == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The part of the rule's namespace after JobSwipe.InfraLint.Rules (RepositoryRules for the Repository folder).</summary>
    private static string Area(Type rule) => rule.Namespace![RulesNamespace.Length..];

    /// <summary>The folder under src/JobSwipe.InfraLint/Rules/ that holds the rule's source file.</summary>
    private static string Folder(Type rule)
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "JobSwipe.InfraLint", "Rules"), rule.Name + ".cs", SearchOption.AllDirectories);
        Assert.That(sources, Has.Length.EqualTo(1), $"source file of {rule.Name}");
        return Path.GetFileName(Path.GetDirectoryName(sources[0]))!;
    }

    [Test]
    public void Every_cataloged_rule_lives_in_an_area_namespace() =>
        Assert.That(RuleTypes(), Is.EquivalentTo(AnalyzerCatalog.BuiltIn.Select(a => a.GetType())));

    [TestCaseSource(nameof(RuleTypes))]
    public void Every_rule_class_has_a_test_file_named_for_it(Type rule)
    {
        string relative = $"tests/JobSwipe.InfraLint.Tests/Rules/{Folder(rule)}/{rule.Name}Tests.cs";
        Assert.That(File.Exists(Path.Combine(RepositoryPaths.Root, relative)), Is.True, $"{relative} is missing");
        Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)), Does.Contain($"class {rule.Name}Tests"), relative);

        var testClass = typeof(RuleTestFilesTests).Assembly.GetType($"{TestsNamespace}{Area(rule)}.{rule.Name}Tests");
        Assert.That(testClass, Is.Not.Null, $"{TestsNamespace}{Area(rule)}.{rule.Name}Tests is missing");
        var tests = testClass!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute));
        Assert.That(tests, Is.Not.Empty, $"{rule.Name}Tests has no test");
    }

    [Test]
    public void Every_rule_test_class_is_named_for_a_rule()
    {
        var rules = RuleTypes().Select(t => $"{Area(t)}.{t.Name}Tests").ToHashSet(StringComparer.Ordinal);
        var ruleTestClasses = typeof(RuleTestFilesTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(TestsNamespace, StringComparison.Ordinal) == true && t.Name.EndsWith("RuleTests", StringComparison.Ordinal))
            .Select(t => $"{t.Namespace![TestsNamespace.Length..]}.{t.Name}");
        Assert.That(ruleTestClasses.Where(c => !rules.Contains(c)), Is.Empty);
    }
}
