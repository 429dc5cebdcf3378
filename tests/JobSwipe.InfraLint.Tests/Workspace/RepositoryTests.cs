using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class RepositoryTests
{
    // Clean paths take a shortcut (the two joined); the others are split and resolved: both must give these.
    [TestCase("a/b", "c", "a/b/c")]
    [TestCase("", "x/y", "x/y")]
    [TestCase("a", "", "a")]
    [TestCase("", "", "")]
    [TestCase("a", "./c", "a/c")]
    [TestCase("a/b", "../c", "a/c")]
    [TestCase("a", "c/..", "a")]
    [TestCase("a", "/c", "c")]
    [TestCase("a/", "c", "a/c")]
    [TestCase("/a", "c", "a/c")]
    [TestCase("a//b", "c", "a/b/c")]
    [TestCase("a", "c/", "a/c")]
    [TestCase("a", "c//d", "a/c/d")]
    [TestCase("a", "c\\d", "a/c/d")]
    [TestCase("a/../b", "c", "a/../b/c")]
    [TestCase("a", ".hidden/x", "a/.hidden/x")]
    [TestCase("a", "...", "a/...")]
    [TestCase("a", "..x/.y", "a/..x/.y")]
    [TestCase("", "..", null)]
    [TestCase("a", "../../c", null)]
    public void Combine_joins_a_folder_and_a_relative_path(string directory, string relative, string? expected) =>
        Assert.That(Repository.Combine(directory, relative), Is.EqualTo(expected));

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
}
