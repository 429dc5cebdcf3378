using System.Text;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>Runs the fix runner over a temporary repository and checks a fix's before and after, its idempotence and its re-lint.</summary>
public static class FixVerifier
{
    public static FixResult Run(string root, IReadOnlyList<InfraAnalyzer> analyzers, bool unsafeFixes = false, bool write = true, int maxPasses = 10) =>
        FixRunner.Run(new LintOptions(root) { Analyzers = analyzers }, new FixOptions { IncludeUnsafe = unsafeFixes, Write = write, MaxPasses = maxPasses });

    /// <summary>The file's exact text: its bytes as UTF-8, a BOM kept as U+FEFF.</summary>
    public static string ReadExact(string fullPath) => Encoding.UTF8.GetString(File.ReadAllBytes(fullPath));

    /// <summary>
    /// Writes <paramref name="before"/> to <paramref name="path"/> (with <paramref name="others"/> beside it), fixes with
    /// <typeparamref name="TAnalyzer"/> only, and checks that the file then reads <paramref name="after"/>, that the rule's
    /// findings in that file are gone (all but <paramref name="remaining"/>, whose fix is unsafe or absent), and that a second run changes nothing.
    /// </summary>
    public static FixResult Verifies<TAnalyzer>(string path, string before, string after, bool unsafeFixes = false, int remaining = 0, params (string Path, string Content)[] others)
        where TAnalyzer : InfraAnalyzer, new()
    {
        using var repo = new TempRepository();
        foreach (var (otherPath, content) in others)
        {
            repo.Write(otherPath, content);
        }

        string full = repo.Write(path, before);
        InfraAnalyzer[] analyzers = [new TAnalyzer()];
        string id = analyzers[0].SupportedDiagnostics[0].Id;
        var first = Run(repo.Root, analyzers, unsafeFixes);
        Assert.Multiple(() =>
        {
            Assert.That(first.Before.Diagnostics.Where(d => d.Id == id), Is.Not.Empty, "the rule reports the bad case");
            Assert.That(first.Errors, Is.Empty);
            Assert.That(first.Written, Is.True);
            Assert.That(ReadExact(full), Is.EqualTo(after));
            Assert.That(first.After.Diagnostics.Count(d => d.Id == id && d.Location.Path == path), Is.EqualTo(remaining), "the fixed findings are gone on re-lint");
        });

        var second = Run(repo.Root, analyzers, unsafeFixes);
        Assert.Multiple(() =>
        {
            Assert.That(second.Changes, Is.Empty, "a second run changes nothing");
            Assert.That(ReadExact(full), Is.EqualTo(after));
        });

        return first;
    }

    /// <summary>Checks that the rule reports <paramref name="content"/> but the run (unsafe fixes included unless said) leaves it as it is.</summary>
    public static void LeavesAlone<TAnalyzer>(string path, string content, bool unsafeFixes = true)
        where TAnalyzer : InfraAnalyzer, new()
    {
        using var repo = new TempRepository();
        string full = repo.Write(path, content);
        InfraAnalyzer[] analyzers = [new TAnalyzer()];
        var result = Run(repo.Root, analyzers, unsafeFixes);
        Assert.Multiple(() =>
        {
            Assert.That(result.Before.Diagnostics.Where(d => d.Id == analyzers[0].SupportedDiagnostics[0].Id), Is.Not.Empty, "the rule reports the case");
            Assert.That(result.Changes, Is.Empty);
            Assert.That(ReadExact(full), Is.EqualTo(content));
        });
    }
}
