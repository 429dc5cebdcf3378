using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class RepositoryTests
{
    [Test]
    public void WithFiles_keeps_what_was_parsed_for_unchanged_files_and_parses_reclassified_ones_again()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["deploy.sh"] = "#!/bin/bash\ndocker compose -f stack.yml up -d\n",
            ["stack.yml"] = "services:\n  api:\n    image: api:1.0\n",
        });
        var files = LintEngine.Discover(new LintOptions(repo.Root)).Files;
        var first = new Repository(repo.Root, files);
        var script = first.GetFile("deploy.sh")!;
        var stack = first.GetFile("stack.yml")!;
        var scriptLoaded = first.Load(script);
        var stackLoaded = first.Load(stack);
        Assert.That(stack.Kind, Is.EqualTo(FileKind.Other));

        var second = first.WithFiles([.. files.Select(f => f == stack ? f with { Kind = FileKind.Compose } : f)]);

        Assert.That(second.Load(second.GetFile("deploy.sh")!), Is.SameAs(scriptLoaded), "the script is not read or parsed again");
        var reparsed = second.Load(second.GetFile("stack.yml")!);
        Assert.That(reparsed, Is.Not.SameAs(stackLoaded));
        Assert.That(reparsed.Model, Is.InstanceOf<ComposeDocument>());
    }

    [Test]
    public void Reads_are_recorded_per_file_by_whom_and_shared_with_a_snapshot_made_by_WithFiles()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["deploy.sh"] = "#!/bin/bash\necho hi\n",
            ["notes.txt"] = "hello\n",
            ["other.txt"] = "more\n",
            ["later.txt"] = "added later\n",
        });
        var files = LintEngine.Discover(new LintOptions(repo.Root)).Files;
        var first = new Repository(repo.Root, [.. files.Where(f => f.RelativePath != "later.txt")]);
        var notes = first.GetFile("notes.txt")!;

        first.RunPerFile(notes, () => first.ReadText(notes));
        first.RunPerFile(notes, () => first.ReadText(notes)); // the same flags again
        Assert.That((first.WasContentRead("notes.txt"), first.WasReadOnlyByItsOwnAction("notes.txt")), Is.EqualTo((true, true)));
        Assert.That(first.WasContentRead("deploy.sh"), Is.False);

        first.Load(first.GetFile("deploy.sh")!);
        Assert.That((first.WasContentRead("deploy.sh"), first.WasReadOnlyByItsOwnAction("deploy.sh")), Is.EqualTo((true, false)));

        // A snapshot with a file the first did not list shares the record, and records that file too.
        var second = first.WithFiles(files);
        var later = second.GetFile("later.txt")!;
        second.RunPerFile(later, () => second.ReadText(later));
        Assert.That((second.WasContentRead("notes.txt"), second.WasReadOnlyByItsOwnAction("notes.txt")), Is.EqualTo((true, true)));
        Assert.That((second.WasContentRead("later.txt"), second.WasReadOnlyByItsOwnAction("later.txt")), Is.EqualTo((true, true)));

        // Another file read by a per-file action ties both to more than themselves.
        second.RunPerFile(later, () => second.ReadText(second.GetFile("other.txt")!));
        Assert.That((second.WasReadOnlyByItsOwnAction("later.txt"), second.WasReadOnlyByItsOwnAction("other.txt"), second.WasContentRead("other.txt")), Is.EqualTo((false, false, true)));
        Assert.That(first.WasContentRead("later.txt"), Is.True, "the record is the run's, shared by its snapshots");
    }

    [Test]
    public void Files_under_a_folder_are_its_own_and_its_subfolders_in_path_order_whatever_order_they_were_given_in()
    {
        string[] paths = ["svc/b/x.sh", "svc-2/Dockerfile", "svc/a.sh", "a.sh", "svc/b/c/d.conf", "svcx/a.sh", "svc.sh"];
        var repository = new Repository(Path.GetTempPath(), [.. paths.Select(p => new WorkspaceFile(p, Path.Combine(Path.GetTempPath(), p), FileKind.Other, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch))]);

        Assert.That(repository.GetFilesUnder("svc").Select(f => f.RelativePath), Is.EqualTo(new[] { "svc/a.sh", "svc/b/c/d.conf", "svc/b/x.sh" }));
        Assert.That(repository.GetFilesUnder("svc/b/c").Select(f => f.RelativePath), Is.EqualTo(new[] { "svc/b/c/d.conf" }));
        Assert.That(repository.GetFilesUnder("nowhere"), Is.Empty);
        Assert.That(repository.GetFilesUnder("").Select(f => f.RelativePath), Is.EqualTo(paths.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void WithFiles_of_a_snapshot_never_loaded_loads_lazily()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["Dockerfile"] = "FROM alpine:3\n" });
        var files = LintEngine.Discover(new LintOptions(repo.Root)).Files;

        var second = new Repository(repo.Root, files).WithFiles(files);

        Assert.That(second.Load(second.GetFile("Dockerfile")!).Model, Is.Not.Null);
    }

    [TestCase("", "Dockerfile", "Dockerfile")]
    [TestCase("svc/api", "Dockerfile", "svc/api/Dockerfile")]
    [TestCase("svc/api", "", "svc/api")]
    [TestCase("svc/api", ".", "svc/api")]
    [TestCase("svc/api", "./app/main.py", "svc/api/app/main.py")]
    [TestCase("svc/api", "../web/Dockerfile", "svc/web/Dockerfile")]
    [TestCase("svc/api", "a//b/", "svc/api/a/b")]
    [TestCase("svc/api", "/etc/app.conf", "etc/app.conf")]
    [TestCase("svc/api", "config\\app.yml", "svc/api/config/app.yml")]
    [TestCase("svc/api/", "x", "svc/api/x")]
    [TestCase("svc", "..", "")]
    [TestCase("", "..", null)]
    [TestCase("svc", "../../x", null)]
    [TestCase("svc", ".env", "svc/.env")]
    [TestCase("svc", "...", "svc/...")]
    [TestCase("svc", "..x/y", "svc/..x/y")]
    public void Combine_joins_and_normalises_clean_and_unclean_paths_alike(string directory, string relative, string? expected)
    {
        Assert.That(Repository.Combine(directory, relative), Is.EqualTo(expected));
    }

    [Test]
    public void A_file_is_found_by_a_clean_or_an_unclean_spelling_of_its_path()
    {
        var repository = new Repository(Path.GetTempPath(), [new WorkspaceFile("svc/api/Dockerfile", Path.Combine(Path.GetTempPath(), "svc", "api", "Dockerfile"), FileKind.Dockerfile, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch)]);

        Assert.That(repository.GetFile("svc/api/Dockerfile")?.RelativePath, Is.EqualTo("svc/api/Dockerfile"));
        Assert.That(repository.GetFile("./svc/web/../api//Dockerfile")?.RelativePath, Is.EqualTo("svc/api/Dockerfile"));
        Assert.That(repository.FileExists("svc\\api\\Dockerfile"), Is.True);
        Assert.That(repository.DirectoryExists("svc/api/"), Is.True);
        Assert.That(repository.GetFile("svc/api/dockerfile"), Is.Null);
    }

    [Test]
    public void A_files_name_and_folder_follow_its_path()
    {
        var file = new WorkspaceFile("svc/api/Dockerfile", "/x/svc/api/Dockerfile", FileKind.Dockerfile, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch);
        var root = new WorkspaceFile("fly.toml", "/x/fly.toml", FileKind.FlyConfig, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch);

        Assert.That((file.Name, file.Directory), Is.EqualTo(("Dockerfile", "svc/api")));
        Assert.That((root.Name, root.Directory), Is.EqualTo(("fly.toml", string.Empty)));
        Assert.That(file with { Kind = FileKind.Other }, Is.EqualTo(new WorkspaceFile("svc/api/Dockerfile", "/x/svc/api/Dockerfile", FileKind.Other, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch)));
        Assert.That((file with { Kind = FileKind.Other }).Directory, Is.EqualTo("svc/api"));
    }
}
