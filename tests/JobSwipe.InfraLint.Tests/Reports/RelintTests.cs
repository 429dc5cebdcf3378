using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// The cache's per-file re-lint (<see cref="LintEngine.Relint"/> through <see cref="CachedAnalysis"/>): after any edit,
/// the findings it reports are those of a whole run over the same files, finding for finding, and its counts too.
/// </summary>
public class RelintTests
{
    // Files the replica does not have: source and text files only the secret scan reads, and a git-ignored log.
    private static readonly (string Path, string Text)[] Extra =
    [
        ("backend/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n"),
        ("backend/Settings.cs", "namespace App;\n\npublic static class Settings\n{\n    public const int Port = 8080;\n}\n"),
        ("docs/notes.txt", "deploy notes\n"),
        ("tools/seed.rb", "puts 'seed'\n"),
        ("app.log", "started\n"),
    ];

    private static readonly string[] Edited = ["backend/Program.cs", "backend/Settings.cs", "docs/notes.txt", "tools/seed.rb", "app.log", "backend/api/main.py", "Dockerfile", "README.md", "scripts/deploy_backend.sh", ".gitignore", "mobile/lib/main.dart"];

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(3, true)]
    [TestCase(4, true)]
    public void Random_edits_report_what_a_whole_run_reports(int seed, bool withBaseline)
    {
        using var repo = Replica();
        if (withBaseline)
        {
            // Secrets of Program.cs in the baseline: an edit that adds the same text again is one of them or a new one.
            File.AppendAllText(Path.Combine(repo.Root, "backend/Program.cs"), Secret(new Random(seed)) + Secret(new Random(seed + 100)));
            Baseline.Capture(new LintOptions(repo.Root) { BaselineFile = Baseline.DefaultFileName }).Baseline.Write(Path.Combine(repo.Root, Baseline.DefaultFileName));
        }

        var random = new Random(seed);
        string cache = Path.Combine(repo.Root, "obj", "infralint");
        Incremental(repo, cache);
        int relinted = 0, relintedWithCounts = 0;
        for (int step = 0; step < 40; step++)
        {
            int edits = random.Next(1, 3);
            var what = new List<string>();
            for (int i = 0; i < edits; i++)
            {
                what.Add(Edit(repo, random, step));
            }

            var incremental = Incremental(repo, cache);
            relintedWithCounts += incremental.Findings.Relinted is not null && incremental.Findings.InlineSuppressed > 0 && (!withBaseline || incremental.Findings.BaselineSuppressed > 0) ? 1 : 0;
            var whole = new CachedAnalysis(repo.Root, Path.Combine(repo.Root, "obj", "whole"), [], [], null, "tests").Analyze(reuse: false);
            string context = $"step {step}: {string.Join("; ", what)}";
            AssertSame(incremental.Findings, whole.Findings, context);
            relinted += incremental.Findings.Relinted is null ? 0 : 1;
        }

        // The test means something only when the per-file path is taken: most edits are of files only the scan reads.
        Assert.That(relinted, Is.GreaterThanOrEqualTo(5), "builds that re-linted files alone");
        Assert.That(relintedWithCounts, Is.GreaterThanOrEqualTo(1), "builds that re-linted files alone with suppressed (and baselined) findings");
    }

    [Test]
    public void Editing_Program_cs_relints_that_file_alone()
    {
        using var repo = Replica();
        string cache = Path.Combine(repo.Root, "obj", "infralint");
        var first = Incremental(repo, cache);
        Assert.That(first.Findings.Relinted, Is.Null);

        Append(repo, "backend/Program.cs", "var stripe = \"sk_live_" + new string('a', 4) + "Zq81Xv0Lm2Np7Rt5Yw3Kd9Hc\";\n");
        var second = Incremental(repo, cache);

        Assert.That(second.FromCache, Is.False);
        Assert.That(second.Findings.Relinted, Is.EqualTo(1));
        Assert.That(second.Findings.Findings.Where(f => f.Path == "backend/Program.cs").Select(f => f.RuleId), Is.EqualTo(new[] { "JSI5001" }));
        Assert.That(second.Findings.Findings.Count(f => f.Path != "backend/Program.cs"), Is.EqualTo(first.Findings.Findings.Count));
    }

    [TestCase("Dockerfile", "FROM ubuntu\n")]
    [TestCase(".gitignore", "*.tmp\n")]
    [TestCase("README.md", "\nRun `fly deploy` to release.\n")]
    [TestCase("backend/api/main.py", "\nimport os\nos.environ['NEW_VARIABLE']\n")]
    public void A_file_other_rules_read_lints_everything(string path, string appended)
    {
        using var repo = Replica();
        string cache = Path.Combine(repo.Root, "obj", "infralint");
        Incremental(repo, cache);

        Append(repo, path, appended);
        var second = Incremental(repo, cache);

        Assert.That(second.FromCache, Is.False);
        Assert.That(second.Findings.Relinted, Is.Null);
    }

    [Test]
    public void A_state_of_another_version_is_ignored()
    {
        using var repo = Replica();
        string cache = Path.Combine(repo.Root, "obj", "infralint");
        var first = Incremental(repo, cache);
        string state = RelintState.PathFor(first.Path);
        File.WriteAllText(state, File.ReadAllText(state).Replace($"\"version\":{RelintState.CurrentVersion}", "\"version\":0", StringComparison.Ordinal));

        Append(repo, "backend/Program.cs", "// edited\n");
        var second = Incremental(repo, cache);

        Assert.That(second.Findings.Relinted, Is.Null);
        Assert.That(RelintState.TryRead(state), Is.Not.Null, "the whole run wrote a state of today's version");
    }

    private static CachedFindings Incremental(TempRepository repo, string cache) =>
        new CachedAnalysis(repo.Root, cache, [], [], null, "tests").Analyze();

    private static void AssertSame(FindingsFile incremental, FindingsFile whole, string context)
    {
        Assert.Multiple(() =>
        {
            Assert.That(incremental.Findings, Is.EqualTo(whole.Findings).Using<FindingRecord>(SameFinding), context);
            Assert.That(incremental.InlineSuppressed, Is.EqualTo(whole.InlineSuppressed), context + ": suppressed");
            Assert.That(incremental.BaselineSuppressed, Is.EqualTo(whole.BaselineSuppressed), context + ": baselined");
            Assert.That(incremental.Skipped, Is.EqualTo(whole.Skipped), context + ": skipped");
            Assert.That(incremental.ContentNotRead, Is.EqualTo(whole.ContentNotRead), context + ": not read");
            Assert.That((incremental.Files, incremental.Analyzed, incremental.Fingerprint), Is.EqualTo((whole.Files, whole.Analyzed, whole.Fingerprint)), context + ": files");
        });
    }

    // Records compare their lists by reference: compare the findings as JSON text instead.
    private static bool SameFinding(FindingRecord a, FindingRecord b) =>
        a with { AdditionalLocations = null, Fix = null } == b with { AdditionalLocations = null, Fix = null }
        && string.Join('|', a.AdditionalLocations ?? []) == string.Join('|', b.AdditionalLocations ?? [])
        && (a.Fix is null) == (b.Fix is null) && (a.Fix is null || a.Fix with { Edits = [] } == b.Fix! with { Edits = [] } && a.Fix.Edits.SequenceEqual(b.Fix.Edits));

    private static TempRepository Replica()
    {
        var repo = new TempRepository();
        string source = RepositoryPaths.Fixture("jobswipe");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            repo.WriteBytes(Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(file));
        }

        foreach (var (path, text) in Extra)
        {
            repo.Write(path, text);
        }

        File.AppendAllText(Path.Combine(repo.Root, ".gitignore"), "*.log\n");
        return repo;
    }

    /// <summary>One random edit; says what it did.</summary>
    private static string Edit(TempRepository repo, Random random, int step)
    {
        // Mostly the files only the secret scan reads, sometimes the others.
        string path = random.Next(3) > 0 ? Edited[random.Next(5)] : Edited[random.Next(Edited.Length)];
        string full = Path.Combine(repo.Root, path);
        string comment = path.EndsWith(".py", StringComparison.Ordinal) || path.EndsWith(".rb", StringComparison.Ordinal) || path is "Dockerfile" or ".gitignore" || path.EndsWith(".sh", StringComparison.Ordinal) ? "#" : "//";
        switch (random.Next(11))
        {
            case 8:
                // What other rules read: an environment variable the code reads, a deploy command in the README.
                // (a rotation heading silences JSI5007 on scripts/set_secrets.sh).
                path = random.Next(2) == 0 ? "backend/api/main.py" : "README.md";
                Append(repo, path, path == "README.md" ? "\n## Rotating secrets\n\nEvery 90 days.\n" : $"\nimport os\nos.environ['STEP_{step}_TOKEN']\n");
                return $"something other rules read appended to {path}";
            case 9:
                Change(full, random.Next(2) == 0 ? string.Empty : "binary\0content\n");
                return $"{path} emptied or made binary";
            case 0:
            case 1:
                Append(repo, path, Secret(random));
                return $"a secret appended to {path}";
            case 2:
                Append(repo, path, $"{comment} infralint-disable-next-line JSI5001 -- test data\n" + Secret(random));
                return $"a suppressed secret appended to {path}";
            case 3:
                Append(repo, path, $"{comment} infralint-disable-next-line JSI9999\n");
                return $"a suppression of an unknown rule appended to {path}";
            case 4:
                Append(repo, path, "FROM ubuntu:22.04\n");
                return $"a FROM line appended to {path}";
            case 5:
            {
                var lines = File.ReadAllLines(full).ToList();
                if (lines.Count > 1)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                Change(full, string.Join('\n', lines) + "\n");
                return $"a line deleted from {path}";
            }

            case 6:
                Change(full, File.ReadAllText(full) + $"// step {step}\n");
                return $"a comment appended to {path}";
            default:
                // An edit of the same size: only the time says it changed.
                string text = File.ReadAllText(full);
                Change(full, text.Length > 2 ? text[..^2] + (text[^2] == 'x' ? "y" : "x") + "\n" : text);
                return $"one character changed in {path}";
        }
    }

    private static string Secret(Random random)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        string value = new([.. Enumerable.Range(0, 24).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        return random.Next(3) switch
        {
            0 => $"var apiSecret = \"{value}\";\n",
            1 => $"stripe_key = \"sk_live_{value}\"\n",
            _ => $"conn = \"Server=db;User Id=app;Password={value};\"\n",
        };
    }

    private static void Append(TempRepository repo, string path, string text) =>
        Change(Path.Combine(repo.Root, path), File.ReadAllText(Path.Combine(repo.Root, path)) + text);

    /// <summary>Rewrites a file and moves its time on, so that a change of the same size is seen as one.</summary>
    private static void Change(string full, string content)
    {
        var before = File.GetLastWriteTimeUtc(full);
        File.WriteAllText(full, content);
        File.SetLastWriteTimeUtc(full, before.AddSeconds(5));
    }
}
