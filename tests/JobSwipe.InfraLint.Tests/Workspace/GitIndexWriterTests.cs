using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Reports;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class GitIndexWriterTests
{
    [Test]
    public void Sets_the_execute_bit_in_the_index_as_git_update_index_does_and_git_still_reads_it()
    {
        using var repo = GitRepository(out string? skip);
        if (skip is not null)
        {
            Assert.Ignore(skip);
        }

        repo.Write("Dockerfile", "FROM alpine:3.20\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n");
        repo.Write("entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n");
        repo.Write("sub/dir/other.sh", "#!/bin/sh\n");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "init");

        var result = FixVerifier.Run(repo.Root, [new ScriptNotExecutableRule()]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Before.Diagnostics.Single().Message, Does.Contain("in git (mode 100644)"));
            Assert.That(result.After.Diagnostics, Is.Empty);
            Assert.That(Git(repo, "ls-files", "-s", "entrypoint.sh"), Does.StartWith("100755 "));
            Assert.That(Git(repo, "ls-files", "-s", "sub/dir/other.sh"), Does.StartWith("100644 "));
            Assert.That(Git(repo, "diff", "--cached", "--summary"), Does.Contain("mode change 100644 => 100755 entrypoint.sh"));
            Assert.That(Git(repo, "status", "--porcelain"), Is.EqualTo("M  entrypoint.sh\n"), "the disk and the index agree");
        });

        // The cache tree was dropped, so a commit records the new mode.
        Git(repo, "commit", "-q", "-m", "x");
        Assert.That(Git(repo, "ls-tree", "HEAD", "entrypoint.sh"), Does.StartWith("100755 "));
    }

    [Test]
    public void Leaves_a_locked_index_alone_and_says_how_to_finish()
    {
        using var repo = GitRepository(out string? skip);
        if (skip is not null)
        {
            Assert.Ignore(skip);
        }

        repo.Write("run.sh", "#!/bin/sh\n");
        Git(repo, "add", "-A");
        string index = Path.Combine(repo.Root, ".git", "index");
        byte[] before = File.ReadAllBytes(index);
        File.WriteAllText(index + ".lock", "");

        bool updated = GitIndexWriter.TrySetExecutable(repo.Root, ["run.sh"], out string? problem);

        Assert.Multiple(() =>
        {
            Assert.That(updated, Is.False);
            Assert.That(problem, Does.Contain("is git running?").And.Contain("git update-index --chmod=+x run.sh"));
            Assert.That(File.ReadAllBytes(index), Is.EqualTo(before));
        });
    }

    [Test]
    public void Refuses_an_index_whose_checksum_does_not_verify()
    {
        using var repo = GitRepository(out string? skip);
        if (skip is not null)
        {
            Assert.Ignore(skip);
        }

        repo.Write("run.sh", "#!/bin/sh\n");
        Git(repo, "add", "-A");
        byte[] data = File.ReadAllBytes(Path.Combine(repo.Root, ".git", "index"));
        data[^1] ^= 0xFF;

        Assert.Multiple(() =>
        {
            Assert.That(GitIndexWriter.Update(data, 20, ["run.sh"], out string? problem), Is.Null);
            Assert.That(problem, Is.EqualTo("its checksum does not match its contents"));
        });
    }

    private static TempRepository GitRepository(out string? skip)
    {
        var repo = new TempRepository();
        skip = UnifiedDiffTests.RunGit(repo.Root, out string output, "init", "-q") ? null : "git is not available: " + output;
        if (skip is null)
        {
            Git(repo, "config", "user.email", "test@example.com");
            Git(repo, "config", "user.name", "test");
            Git(repo, "config", "core.fileMode", "true");
        }

        return repo;
    }

    private static string Git(TempRepository repo, params string[] arguments)
    {
        Assert.That(UnifiedDiffTests.RunGit(repo.Root, out string output, arguments), Is.True, output);
        return output;
    }
}
