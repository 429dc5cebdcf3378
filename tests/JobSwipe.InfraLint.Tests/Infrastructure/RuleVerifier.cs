using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer through the whole engine over files written from markup, and checks that it reports exactly the
/// marked spans (hadolint's catches / catchesNot, Roslyn's markup). Files are given as (path, markup) pairs.
/// </summary>
public static class RuleVerifier
{
    /// <summary>The analyzer reports exactly at the marked spans, and nowhere else.</summary>
    public static IReadOnlyList<Diagnostic> Reports<TAnalyzer>(params (string Path, string Markup)[] files)
        where TAnalyzer : InfraAnalyzer, new() => Reports(new TAnalyzer(), files);

    /// <summary>The analyzer reports nothing on these files (which may not contain markup).</summary>
    public static void ReportsNothing<TAnalyzer>(params (string Path, string Content)[] files)
        where TAnalyzer : InfraAnalyzer, new()
    {
        var result = Reports(new TAnalyzer(), files);
        Assert.That(result, Is.Empty);
    }

    public static IReadOnlyList<Diagnostic> Reports(InfraAnalyzer analyzer, params (string Path, string Markup)[] files) =>
        Reports(analyzer, prepare: null, files);

    /// <summary>
    /// As the overload without <paramref name="prepare"/>, with <paramref name="prepare"/> run on
    /// the repository after the files are written and before the engine runs (to add what markup cannot hold: a git
    /// index, file modes).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Reports(InfraAnalyzer analyzer, Action<TempRepository>? prepare, params (string Path, string Markup)[] files)
    {
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        string? defaultId = ids.Count == 1 ? ids.Single() : null;
        using var repository = new TempRepository();
        var expected = new List<(string Path, string Id, InfraLint.Text.LinePositionSpan Span)>();
        foreach (var (path, markup) in files)
        {
            var (text, spans) = Markup.Parse(markup);
            if (path.Length > 0)
            {
                // The path "" stands for the repository as a whole: ("", "[*]") expects a repository-level finding.
                repository.Write(path, text);
            }

            foreach (var span in spans)
            {
                string id = span.Id ?? defaultId ?? throw new ArgumentException($"{analyzer} supports several IDs; write {{|ID:…|}} markup.");
                expected.Add((path, id, span.Span));
            }
        }

        prepare?.Invoke(repository);
        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [analyzer], MaxDegreeOfParallelism = 1 });
        var engineFailures = result.Diagnostics.Where(d => d.Id is "JSI0001" or "JSI0004").ToList();
        var actual = result.Diagnostics.Where(d => ids.Contains(d.Id) || expected.Any(e => e.Id == d.Id)).ToList();
        var actualKeys = actual.Select(d => (d.Location.Path, d.Id, d.Location.Span)).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        var expectedKeys = expected.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        if (engineFailures.Count > 0 || !actualKeys.SequenceEqual(expectedKeys))
        {
            string rendered = AnnotatedRenderer.Render(repository.Root, actual.Concat(engineFailures));
            Assert.Fail(
                "Findings differ from the markup.\nExpected:\n  " + string.Join("\n  ", expectedKeys.Select(k => $"{k.Path}{k.Span} {k.Id}")) +
                "\nActual:\n  " + string.Join("\n  ", actualKeys.Select(k => $"{k.Path}{k.Span} {k.Id}")) +
                "\n\n" + rendered);
        }

        foreach (var diagnostic in actual)
        {
            Assert.That(diagnostic.Message, Is.Not.Empty.And.Not.Contains("{0}"), $"{diagnostic.Id} message is not formatted");
        }

        return actual;
    }
}
