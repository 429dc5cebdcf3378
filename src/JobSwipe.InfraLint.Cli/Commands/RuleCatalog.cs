using System.CommandLine;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// The rules the reference commands (<c>rules</c>, <c>explain</c>) describe: the engine's and the built-in ones, plus
/// those of <c>--analyzer</c> assemblies; each rule's fixability; the rule pages embedded in the tool; and "did you mean"
/// for an ID that is not one of them.
/// </summary>
internal static class RuleCatalog
{
    /// <summary>Every rule, in ID order; null (with the reason on <paramref name="error"/>) when an analyzer assembly is missing.</summary>
    public static IReadOnlyList<DiagnosticDescriptor>? Load(IReadOnlyList<string> analyzers, TextWriter error)
    {
        foreach (string analyzer in analyzers)
        {
            if (!File.Exists(analyzer))
            {
                error.WriteLine($"infralint: the analyzer assembly '{analyzer}' does not exist");
                return null;
            }
        }

        return LintEngine.GetRules(new LintOptions(Directory.GetCurrentDirectory()) { AnalyzerAssemblies = [.. analyzers.Select(Path.GetFullPath)] });
    }

    /// <summary>Whether findings of the rule can be fixed (<c>infralint fix</c>): <c>safe</c>, <c>unsafe</c> or <c>none</c>, as its descriptor declares.</summary>
    public static string Fixability(DiagnosticDescriptor rule) => rule.Fix.ToDisplayString();

    /// <summary>The severity as the catalog states it: <c>warning</c>, or <c>warning → error</c> for rules escalated in production files.</summary>
    public static string SeverityText(DiagnosticDescriptor rule) => rule.ProductionSeverity is { } production && production != rule.DefaultSeverity
        ? $"{rule.DefaultSeverity.ToDisplayString()} → {production.ToDisplayString()}"
        : rule.DefaultSeverity.ToDisplayString();

    /// <summary>The rule's documentation page as embedded in the tool (Markdown), or null for a rule without one.</summary>
    public static string? Page(string id)
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream($"docs/rules/{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The rules an unknown <paramref name="input"/> may have meant: the IDs nearest to it within two edits (case-insensitive), else
    /// the rules whose title contains the input as a word, at most three.
    /// </summary>
    public static IReadOnlyList<DiagnosticDescriptor> Suggest(string input, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        string upper = input.Trim().ToUpperInvariant();
        var distances = rules.Select(r => (Rule: r, Distance: NameSuggestions.Distance(upper, r.Id.ToUpperInvariant(), limit: 2))).Where(c => c.Distance <= 2).ToList();
        int best = distances.Count > 0 ? distances.Min(c => c.Distance) : 0;
        var close = distances.Where(c => c.Distance == best).Select(c => c.Rule).Take(3).ToList();
        if (close.Count > 0 || upper.Length < 3)
        {
            return close;
        }

        return [.. rules.Where(r => r.Title.Contains(input.Trim(), StringComparison.OrdinalIgnoreCase)).Take(3)];
    }

    /// <summary>Completion for a rule ID argument: the built-in rules' IDs (for shells registered with dotnet-suggest).</summary>
    public static void AddIdCompletions(Argument<string> argument) =>
        argument.CompletionSources.Add(_ => LintEngine.GetRules(new LintOptions(Directory.GetCurrentDirectory())).Select(r => r.Id));
}
