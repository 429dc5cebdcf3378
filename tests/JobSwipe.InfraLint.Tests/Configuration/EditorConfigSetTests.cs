using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class EditorConfigSetTests
{
    private static EditorConfigSet Set(params (string Directory, string Text)[] files) =>
        new(files.Select(f => EditorConfigDocument.Parse(f.Text, f.Directory)));

    private static string? Value(EditorConfigSet set, string path, string key) =>
        set.GetOptions(path).TryGetValue(key, out string value) ? value : null;

    [Test]
    public void Nearest_file_wins_across_two_directories()
    {
        EditorConfigSet set = Set(
            ("/repo/deploy", "[*.toml]\nlevel = inner\n"),
            ("/repo", "root = true\n[*]\nlevel = outer\nonly_outer = yes\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, "/repo/deploy/fly.toml", "level"), Is.EqualTo("inner"));
            Assert.That(Value(set, "/repo/deploy/fly.toml", "only_outer"), Is.EqualTo("yes"));
            Assert.That(Value(set, "/repo/deploy/compose.yml", "level"), Is.EqualTo("outer"));
            Assert.That(Value(set, "/repo/fly.toml", "level"), Is.EqualTo("outer"));
            Assert.That(Value(set, "/elsewhere/fly.toml", "level"), Is.Null);
        });
    }

    [Test]
    public void Outer_file_still_applies_when_the_nearer_one_says_nothing_and_files_come_in_any_order()
    {
        EditorConfigSet set = Set(
            ("/r", "[**/*]\ncs000 = none\n[**test.cs]\ncs001 = suggestion\n"),
            ("/r/subdir", "[test.cs]\ncs001 = error\n"));
        Assert.Multiple(() =>
        {
            Assert.That(set.GetOptions("/r/test.cs").Values, Is.EquivalentTo(new Dictionary<string, string> { ["cs001"] = "suggestion" }));
            Assert.That(set.GetOptions("/r/subdir/test.cs").Values, Is.EquivalentTo(new Dictionary<string, string> { ["cs000"] = "none", ["cs001"] = "error" }));
            Assert.That(set.GetOptions("/r/subdir/test.vb").Values, Is.EquivalentTo(new Dictionary<string, string> { ["cs000"] = "none" }));
        });
    }

    [Test]
    public void Root_true_in_a_subdirectory_cuts_off_the_files_above_it()
    {
        EditorConfigSet set = Set(
            ("/repo", "[*]\nbad_key = bad\nshared = outer\n"),
            ("/repo/src", "root = true\n[*]\nshared = inner\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, "/repo/src/a.yml", "bad_key"), Is.Null);
            Assert.That(Value(set, "/repo/src/a.yml", "shared"), Is.EqualTo("inner"));
            Assert.That(Value(set, "/repo/a.yml", "bad_key"), Is.EqualTo("bad"));
        });
    }

    [Test]
    public void Later_section_in_a_file_wins()
    {
        EditorConfigSet set = Set(("/r", "[*.yml]\nx = first\n[docker-compose.*]\nx = second\n[*.json]\nx = third\n"));
        EditorConfigOptions options = set.GetOptions("/r/docker-compose.yml");
        Assert.Multiple(() =>
        {
            Assert.That(options.Values["x"], Is.EqualTo("second"));
            Assert.That(options.Entries.Select(e => e.Value), Is.EqualTo(new[] { "first", "second" }));
            Assert.That(options.TryGetEntry("X", out EditorConfigEntry? entry), Is.True);
            Assert.That(entry!.Section.Name, Is.EqualTo("docker-compose.*"));
            Assert.That(entry.FilePath, Is.EqualTo("/r/.editorconfig"));
        });
    }

    [Test]
    public void Nearer_file_wins_even_over_a_later_section_of_the_outer_file()
    {
        EditorConfigSet set = Set(
            ("/r", "[*.cs]\nk = a_val\n"),
            ("/r/src", "[test.*]\nk = b_val\n\n[*.cs]\nk = c_val\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, "/r/src/test.cs", "k"), Is.EqualTo("c_val"));
            Assert.That(Value(set, "/r/src/test.vb", "k"), Is.EqualTo("b_val"));
            Assert.That(Value(set, "/r/root.cs", "k"), Is.EqualTo("a_val"));
        });
    }

    [Test]
    public void Preamble_properties_apply_to_no_file()
    {
        EditorConfigSet set = Set(("/r", "k = v\n[*]\n"));
        Assert.That(set.GetOptions("/r/a").Values, Is.Empty);
    }

    [Test]
    public void Glob_with_slash_is_relative_to_its_own_file()
    {
        EditorConfigSet set = Set(
            ("/r", "[deploy/*.toml]\nk = outer\n"),
            ("/r/svc", "[deploy/*.toml]\nk = inner\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, "/r/deploy/fly.toml", "k"), Is.EqualTo("outer"));
            Assert.That(Value(set, "/r/svc/deploy/fly.toml", "k"), Is.EqualTo("inner"));
            Assert.That(Value(set, "/r/svc/x/deploy/fly.toml", "k"), Is.Null);
        });
    }

    [Test]
    public void Windows_paths_are_normalized_and_matching_is_case_sensitive()
    {
        EditorConfigSet set = Set((@"c:\repo", "[deploy/*.toml]\nk = v\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, @"C:\repo\deploy\fly.toml", "k"), Is.EqualTo("v"));
            Assert.That(Value(set, "c:/repo/deploy/fly.toml", "k"), Is.EqualTo("v"));
            Assert.That(Value(set, @"C:\Repo\deploy\fly.toml", "k"), Is.Null);
            Assert.That(Value(set, @"C:\repo\Deploy\fly.toml", "k"), Is.Null);
        });
    }

    [Test]
    public void File_system_root_editorconfig_applies_everywhere()
    {
        EditorConfigSet set = Set(("/", "[*.env]\nk = v\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Value(set, "/a/b/.env.prod", "k"), Is.Null);
            Assert.That(Value(set, "/a/b/prod.env", "k"), Is.EqualTo("v"));
        });
    }

    [Test]
    public void A_sibling_directory_with_a_common_prefix_does_not_apply()
    {
        EditorConfigSet set = Set(("/repo/app", "[*]\nk = v\n"));
        Assert.That(Value(set, "/repo/application/x", "k"), Is.Null);
    }

    [Test]
    public void Empty_set_gives_empty_options()
    {
        AnalyzerConfigOptions options = EditorConfigSet.Empty.GetAnalyzerConfigOptions("/a/b.yml");
        Assert.Multiple(() =>
        {
            Assert.That(options.Options.Values, Is.Empty);
            Assert.That(options.TryGetSeverity("JSI2001", out _, out _), Is.False);
            Assert.That(options.TryGetEnvironment(out _), Is.False);
            Assert.That(EditorConfigSet.Empty.Validate(new HashSet<string>()), Is.Empty);
        });
    }

    [Test]
    public void Parse_problems_are_collected()
    {
        EditorConfigSet set = Set(("/r", "[*\n"), ("/r/s", "oops\n"));
        Assert.That(set.Problems.Select(p => p.Path), Is.EquivalentTo(new[] { "/r/.editorconfig", "/r/s/.editorconfig" }));
    }

    [Test]
    public void Resolving_thousands_of_paths_is_cheap()
    {
        EditorConfigSet set = Set(
            ("/r", "root = true\n[*]\na = 1\n[*.{yml,yaml}]\nb = 2\n[**/deploy/**]\nc = 3\n[{Dockerfile,Dockerfile.*}]\nd = 4\n"),
            ("/r/services", "[*.toml]\ne = 5\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int count = 0;
        for (int i = 0; i < 5000; i++)
        {
            count += set.GetOptions($"/r/services/s{i % 50}/deploy/file{i}.{(i % 3 == 0 ? "yml" : "toml")}").Values.Count;
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.GreaterThan(5000));
            BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(3));
        });
    }
}
