using JobSwipe.InfraLint.Configuration;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class EditorConfigDiscoveryTests
{
    private string _temp = string.Empty;

    [SetUp]
    public void CreateTree() =>
        _temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infralint-editorconfig-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void DeleteTree()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Write(string relativeDirectory, string content)
    {
        string directory = Path.Combine(_temp, relativeDirectory);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, ".editorconfig");
        File.WriteAllText(path, content);
        return path;
    }

    [Test]
    public void Reads_ancestors_up_to_the_first_root_and_files_below_the_root()
    {
        Write("", "[*]\nabove_root = yes\n");
        Write("outer", "root = true\n[*]\nlevel = outer\nouter_only = yes\n");
        Write("outer/repo", "[*]\nlevel = repo\n");
        string below = Write("outer/repo/deploy", "[*.toml]\nlevel = deploy\n");

        EditorConfigSet set = EditorConfigSet.Discover(Path.Combine(_temp, "outer", "repo"), [below]);
        string fly = Path.Combine(_temp, "outer", "repo", "deploy", "fly.toml");
        EditorConfigOptions options = set.GetOptions(fly);
        Assert.Multiple(() =>
        {
            Assert.That(set.Problems, Is.Empty);
            Assert.That(set.Files, Has.Count.EqualTo(3));
            Assert.That(options.Values["level"], Is.EqualTo("deploy"));
            Assert.That(options.Values["outer_only"], Is.EqualTo("yes"));
            Assert.That(options.Values.ContainsKey("above_root"), Is.False);
            Assert.That(set.GetOptions(Path.Combine(_temp, "outer", "repo", "compose.yml")).Values["level"], Is.EqualTo("repo"));
        });
    }

    [Test]
    public void Root_file_in_the_linted_directory_stops_the_walk_and_is_read_once()
    {
        Write("", "[*]\nabove = yes\n");
        string own = Write("repo", "root = true\n[*]\nk = v\n");
        EditorConfigSet set = EditorConfigSet.Discover(Path.Combine(_temp, "repo"), [own, own]);
        Assert.Multiple(() =>
        {
            Assert.That(set.Files, Has.Count.EqualTo(1));
            Assert.That(set.GetOptions(Path.Combine(_temp, "repo", "x")).Values.Keys, Is.EqualTo(new[] { "k" }));
        });
    }

    [Test]
    public void Unreadable_or_missing_files_become_problems_not_exceptions()
    {
        Write("repo", "root = true\n");
        string directoryNamedLikeTheFile = Path.Combine(_temp, "repo", "weird", ".editorconfig");
        Directory.CreateDirectory(directoryNamedLikeTheFile);
        string missing = Path.Combine(_temp, "repo", "gone", ".editorconfig");

        EditorConfigSet set = EditorConfigSet.Discover(Path.Combine(_temp, "repo"), [directoryNamedLikeTheFile, missing, "", "bad\0path/.editorconfig"]);
        Assert.Multiple(() =>
        {
            Assert.That(set.Files, Has.Count.EqualTo(1));
            Assert.That(set.Problems.Select(p => p.Path), Does.Contain(directoryNamedLikeTheFile));
            Assert.That(set.Problems.Select(p => p.Path), Does.Contain(missing));
            Assert.That(set.Problems.All(p => p.Message.Length > 0 && p.Span.IsEmpty), Is.True);
            Assert.That(set.Problems[0].LineSpan.Start.Line, Is.EqualTo(1));
        });
    }

    [Test]
    public void Invalid_root_directory_is_a_problem()
    {
        EditorConfigSet set = EditorConfigSet.Discover("bad\0root", []);
        Assert.That(set.Problems, Has.Count.EqualTo(1));
    }
}
