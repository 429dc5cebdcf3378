using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Catalog;

/// <summary>
/// The engine's layers depend one way (docs/architecture.md): each folder of src/JobSwipe.InfraLint may name only the
/// namespaces of the layers below it. The edges that break the target shape today are listed in <see cref="Debts"/>, each
/// with what removes it (issue 14); the test fails on any new edge, and on a debt that is gone (so the list shrinks).
/// </summary>
public partial class LayerDependencyTests
{
    /// <summary>What each layer may depend on, lowest layers first.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Text"] = [],
        ["Diagnostics"] = ["Text"],
        ["Syntax"] = ["Text"],
        ["Workspace"] = ["Text", "Diagnostics", "Syntax"],
        ["Configuration"] = ["Text", "Diagnostics", "Syntax", "Workspace"],
        ["Analysis"] = ["Text", "Diagnostics", "Syntax", "Workspace"],
        ["Semantics"] = ["Text", "Diagnostics", "Syntax", "Workspace", "Analysis"],
        ["Rules"] = ["Text", "Diagnostics", "Syntax", "Workspace", "Analysis", "Semantics"],
        ["Engine"] = ["Text", "Diagnostics", "Syntax", "Workspace", "Configuration", "Analysis"],
        ["Reporting"] = ["Text", "Diagnostics", "Workspace", "Engine"],
    };

    /// <summary>Edges that exist today against the target shape, and what removes each.</summary>
    private static readonly Dictionary<(string From, string To), string> Debts = new()
    {
    };

    [Test]
    public void Each_layer_names_only_the_layers_below_it()
    {
        string source = Path.Combine(RepositoryPaths.Root, "src", "JobSwipe.InfraLint");
        var edges = new SortedSet<string>(StringComparer.Ordinal);
        var found = new HashSet<(string, string)>();
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || !relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            string layer = relative[..relative.IndexOf('/', StringComparison.Ordinal)];
            Assert.That(Allowed.ContainsKey(layer), Is.True, $"{relative}: the folder '{layer}' is no known layer; add it to the table and to docs/architecture.md");
            foreach (string target in Namespace().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct())
            {
                if (target == layer || !Allowed.ContainsKey(target) || Allowed[layer].Contains(target))
                {
                    continue;
                }

                found.Add((layer, target));
                if (!Debts.ContainsKey((layer, target)))
                {
                    edges.Add($"{relative} names {target}, which {layer} may not depend on");
                }
            }
        }

        Assert.That(edges, Is.Empty);
        Assert.That(Debts.Keys.Where(d => !found.Contains(d)).Select(d => $"{d.From} -> {d.To}"), Is.Empty, "a listed debt is gone: remove it from Debts and docs/architecture.md");
    }

    [Test]
    public void Rules_holds_only_rules()
    {
        // Shared facts live in Semantics/, helpers for rule authors in Analysis/: a file under Rules/ is one rule
        // (<Name>Rule.cs), or the base class of a family of rules (also named <Name>Rule.cs).
        string rules = Path.Combine(RepositoryPaths.Root, "src", "JobSwipe.InfraLint", "Rules");
        var others = Directory.EnumerateFiles(rules, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(rules, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith("Rule.cs", StringComparison.Ordinal) || f.Count(c => c == '/') != 1);
        Assert.That(others, Is.Empty, "files under Rules/ that are not Rules/<Area>/<Name>Rule.cs");

        // And a rule file declares nothing but its rule: a fact or resolver beside a rule belongs in Semantics/.
        var nonRules = typeof(JobSwipe.InfraLint.Analysis.InfraAnalyzer).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("JobSwipe.InfraLint.Rules", StringComparison.Ordinal) == true && !t.IsNested
                && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) && !t.Name.StartsWith('<'))
            .Where(t => !t.IsSubclassOf(typeof(JobSwipe.InfraLint.Analysis.InfraAnalyzer)))
            .Select(t => t.FullName);
        Assert.That(nonRules, Is.Empty, "types under Rules/ that are not rules");
    }

    [GeneratedRegex(@"\bJobSwipe\.InfraLint\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Namespace();
}
