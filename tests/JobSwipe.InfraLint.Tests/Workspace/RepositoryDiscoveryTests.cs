using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class RepositoryDiscoveryTests
{
    [Test]
    public void Skips_default_excluded_folders_and_sorts_paths()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["b/Dockerfile"] = "FROM x",
            ["a/docker-compose.yml"] = "services: {}",
            ["node_modules/pkg/Dockerfile"] = "FROM x",
            [".git/config"] = "x",
            ["src/bin/Debug/Dockerfile"] = "FROM x",
            ["src/obj/x.json"] = "{}",
            ["env/pyvenv.cfg"] = "home = x",
            ["env/lib/Dockerfile"] = "FROM x",
        });

        var result = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());

        Assert.That(result.Files.Select(f => f.RelativePath), Is.EqualTo(new[] { "a/docker-compose.yml", "b/Dockerfile" }));
        Assert.That(result.Skipped, Is.Empty);
    }

    [Test]
    public void An_msbuild_binary_log_is_not_a_file_of_the_repository_and_leaves_the_fingerprint_alone()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["Dockerfile"] = "FROM x", ["App.csproj"] = "<Project />" });
        var before = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());

        // What `dotnet build -bl` leaves in the project's folder.
        repo.WriteBytes("msbuild.binlog", [0x1f, 0x8b, 0x08, 0x00, 0x00]);
        repo.WriteBytes("logs/Release.BINLOG", [0x1f, 0x8b, 0x08, 0x00, 0x01]);
        var after = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());

        Assert.That(after.Files.Select(f => f.RelativePath), Is.EqualTo(before.Files.Select(f => f.RelativePath)));
        Assert.That(after.Skipped, Is.Empty);
        Assert.That(
            JobSwipe.InfraLint.Engine.InputFingerprint.Compute(repo.Root, after.Files, [], []),
            Is.EqualTo(JobSwipe.InfraLint.Engine.InputFingerprint.Compute(repo.Root, before.Files, [], [])));
    }

    [Test]
    public void Honours_exclude_globs()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["keep/Dockerfile"] = "FROM x",
            ["vendor/thing/Dockerfile"] = "FROM x",
            ["samples/a/docker-compose.yml"] = "x: 1",
            ["samples/b/fly.toml"] = "app = 'x'",
            ["deep/er/legacy.sh"] = "echo",
        });

        var result = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions { ExcludeGlobs = ["vendor", "samples/**/*.yml", "**/legacy.sh"] });

        Assert.That(result.Files.Select(f => f.RelativePath), Is.EqualTo(new[] { "keep/Dockerfile", "samples/b/fly.toml" }));
    }

    [Test]
    public void Never_follows_symlink_loops_or_links_out_of_the_root()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["app/Dockerfile"] = "FROM x" });
        using var outside = new TempRepository(new Dictionary<string, string> { ["secret.env"] = "A=1" });
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(repo.Root, "app", "loop"), Path.Combine(repo.Root, "app"));
            Directory.CreateSymbolicLink(Path.Combine(repo.Root, "escape"), outside.Root);
            File.CreateSymbolicLink(Path.Combine(repo.Root, "outside.env"), Path.Combine(outside.Root, "secret.env"));
            File.CreateSymbolicLink(Path.Combine(repo.Root, "dangling.env"), Path.Combine(repo.Root, "missing"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Assert.Ignore("symbolic links cannot be created here: " + ex.Message);
        }

        var result = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());

        Assert.That(result.Files.Select(f => f.RelativePath), Is.EqualTo(new[] { "app/Dockerfile" }));
        Assert.That(result.Skipped.Select(s => s.RelativePath), Is.EquivalentTo(new[] { "app/loop", "escape", "outside.env", "dangling.env" }));
    }

    [Test]
    public void Classifies_extensionless_scripts_by_shebang()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["scripts/deploy"] = "#!/usr/bin/env bash\nset -e\n",
            ["scripts/tool"] = "#!/usr/bin/env python3\n",
        });

        var result = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());

        Assert.That(result.Files.Single(f => f.Name == "deploy").Kind, Is.EqualTo(FileKind.ShellScript));
        Assert.That(result.Files.Single(f => f.Name == "tool").Kind, Is.EqualTo(FileKind.Other));
    }
}
