using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// The build's no-op cache (<see cref="CachedAnalysis"/>): what reuses the last findings and what lints again. A file
/// whose contents the last run did not read may change freely; any change to a file it read, and any file added,
/// removed, emptied or filled, lints again.
/// </summary>
public class CachedAnalysisTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        [".gitignore"] = "*.log\n",
        ["compose.yaml"] = "services:\n  web:\n    image: nginx:1.27\n",
        ["Program.cs"] = "Console.WriteLine(\"hello\");\n",
        ["debug.log"] = "started\n",
    };

    [Test]
    public void Nothing_changed_reuses_the_findings()
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);

        Assert.That(Analyze(repo).FromCache, Is.True);
    }

    [Test]
    public void A_file_no_rule_read_may_change_without_linting_again()
    {
        using var repo = new TempRepository(Files);
        var first = Analyze(repo);
        Assert.That(first.Findings.ContentNotRead, Is.EqualTo(new[] { "debug.log" }));

        Change(repo, "debug.log", "started\nstopped after a much longer while\n");

        Assert.That(Analyze(repo).FromCache, Is.True);
    }

    [TestCase("Program.cs", "Console.WriteLine(\"hello, world\");\n")]
    [TestCase("compose.yaml", "services:\n  web:\n    image: nginx:1.28\n")]
    [TestCase(".gitignore", "*.log\n*.tmp\n")]
    public void A_change_to_a_file_the_run_read_lints_again(string path, string content)
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);

        Change(repo, path, content);

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void A_file_no_rule_read_that_becomes_empty_lints_again()
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);

        Change(repo, "debug.log", string.Empty);

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void An_added_or_removed_file_lints_again()
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);
        repo.Write("other.log", "x\n");
        Assert.That(Analyze(repo).FromCache, Is.False);

        File.Delete(Path.Combine(repo.Root, "other.log"));

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void A_file_that_starts_being_tracked_is_read_again()
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);
        repo.Write(".gitignore", "*.tmp\n");
        var tracked = Analyze(repo);
        Assert.That(tracked.FromCache, Is.False);
        Assert.That(tracked.Findings.ContentNotRead, Is.Empty);

        Change(repo, "debug.log", "password = \"k8#Qz!2vLp$9wXr@7mTn\"\n");

        var again = Analyze(repo);
        Assert.That(again.FromCache, Is.False);
        Assert.That(again.Findings.Findings.Select(f => (f.RuleId, f.Path)), Does.Contain(("JSI5001", "debug.log")));
    }

    [TestCase("debug.log", "renamed.log")]
    [TestCase("Program.cs", "Main.cs")]
    [TestCase("compose.yaml", "deploy/compose.yaml")]
    public void A_renamed_or_moved_file_lints_again_though_its_size_and_time_are_the_same(string from, string to)
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);
        string target = Path.Combine(repo.Root, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        File.Move(Path.Combine(repo.Root, from), target);

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void A_file_added_in_a_new_folder_lints_again()
    {
        using var repo = new TempRepository(Files);
        Analyze(repo);

        repo.Write("services/api/notes.txt", "nothing to see\n");

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void An_editorconfig_above_the_root_that_appears_or_changes_lints_again()
    {
        using var repo = new TempRepository(Files.ToDictionary(p => "app/" + p.Key, p => p.Value));
        string root = Path.Combine(repo.Root, "app");
        var analysis = new CachedAnalysis(root, Path.Combine(root, "obj", "infralint"), [], [], null, "tests");
        analysis.Analyze();
        string editorConfig = repo.Write(".editorconfig", "[*]\ndotnet_diagnostic.JSI2008.severity = none\n");
        Assert.That(analysis.Analyze().FromCache, Is.False, "a new .editorconfig above the root");
        Assert.That(analysis.Analyze().FromCache, Is.True);

        File.WriteAllText(editorConfig, "[*]\ndotnet_diagnostic.JSI2008.severity = error\n");
        File.SetLastWriteTimeUtc(editorConfig, File.GetLastWriteTimeUtc(editorConfig).AddSeconds(5));

        Assert.That(analysis.Analyze().FromCache, Is.False, "a changed .editorconfig above the root");
    }

    [Test]
    public void A_baseline_rewritten_with_the_same_size_and_time_lints_again()
    {
        using var repo = new TempRepository(Files);
        string baseline = repo.Write("infralint.baseline.json", "{\"version\":1,\"findings\":[]} ");
        Analyze(repo);
        var time = File.GetLastWriteTimeUtc(baseline);

        File.WriteAllText(baseline, "{\"version\":1,\"findings\":[] }");
        File.SetLastWriteTimeUtc(baseline, time);

        Assert.That(Analyze(repo).FromCache, Is.False);
    }

    [Test]
    public void A_cache_folder_it_cannot_write_still_gives_the_findings()
    {
        using var repo = new TempRepository(Files);
        string blocked = repo.Write("blocked", "a file where the cache folder should be\n");
        var analysis = new CachedAnalysis(repo.Root, Path.Combine(blocked, "infralint"), [], [], null, "tests");

        var run = analysis.Analyze();

        Assert.That(run.FromCache, Is.False);
        Assert.That(run.Path, Does.StartWith(Path.Combine(Path.GetTempPath(), "infralint")));
        Assert.That(FindingsFile.TryRead(run.Path)!.Findings, Has.Count.EqualTo(run.Findings.Findings.Count));
    }

    private static CachedFindings Analyze(TempRepository repo) =>
        new CachedAnalysis(repo.Root, Path.Combine(repo.Root, "obj", "infralint"), [], [], null, "tests").Analyze();

    /// <summary>Rewrites a file and moves its time on, so that a change of the same size is seen as one.</summary>
    private static void Change(TempRepository repo, string path, string content)
    {
        string full = repo.Write(path, content);
        File.SetLastWriteTimeUtc(full, File.GetLastWriteTimeUtc(full).AddSeconds(5));
    }
}
