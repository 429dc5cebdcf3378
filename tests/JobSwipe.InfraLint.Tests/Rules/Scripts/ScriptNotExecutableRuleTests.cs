using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Workspace.Git;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ScriptNotExecutableRuleTests
{
    /// <summary>Writes a git index that tracks the files with mode 100755 (executable) or 100644.</summary>
    private static Action<TempRepository> Index(params (string Path, bool Executable)[] files) => repository =>
    {
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        File.WriteAllBytes(Path.Combine(repository.Root, ".git", "index"), GitIndexEntriesTests.Build(2, files.Select(f => (f.Path, f.Executable ? 0x81ED : 0x81A4, 0, false))));
    };

    [Test]
    public void A_script_run_directly_with_mode_100644_in_git_is_reported_where_it_is_run()
    {
        var found = RuleVerifier.Reports(
            new ScriptNotExecutableRule(),
            Index(("scripts/build.sh", false), ("scripts/release.sh", true)),
            ("scripts/release.sh", "#!/bin/bash\nset -e\n[|./scripts/build.sh|]\n"),
            ("scripts/build.sh", "echo build\n"));
        Assert.That(found.Single().Message, Does.StartWith("scripts/build.sh (runs it as ./scripts/build.sh)").And.Contain("mode 100644").And.Contain("git update-index --chmod=+x scripts/build.sh"));
    }

    [Test]
    public void Executable_scripts_and_scripts_run_by_an_interpreter_are_quiet()
    {
        RuleVerifier.Reports(
            new ScriptNotExecutableRule(),
            Index(("scripts/other.sh", false), ("scripts/release.sh", true), ("scripts/upload.sh", true)),
            ("scripts/release.sh", "#!/bin/bash\nset -e\n\"$(dirname \"$0\")/upload.sh\"\nbash scripts/other.sh\n"),
            ("scripts/upload.sh", "echo upload\n"),
            ("scripts/other.sh", "echo other\n"));
    }

    [Test]
    public void Ci_steps_and_dockerfiles_run_scripts_directly()
    {
        RuleVerifier.Reports(
            new ScriptNotExecutableRule(),
            Index(("Dockerfile", false), ("entrypoint.sh", false), ("scripts/deploy.sh", false), ("start.sh", false), ("tools/setup.sh", true)),
            (".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo start\n          [|scripts/deploy.sh|]\n"),
            ("scripts/deploy.sh", "fly deploy\n"),
            ("Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY --chmod=755 start.sh /start.sh\nRUN ./tools/setup.sh\nENTRYPOINT [[|\"/app/entrypoint.sh\"|]]\nCMD [\"/start.sh\"]\n"),
            ("tools/setup.sh", "echo\n"),
            ("entrypoint.sh", "exec \"$@\"\n"),
            ("start.sh", "exec app\n"));
    }

    [Test]
    public void Untracked_files_fall_back_to_the_file_system_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("file modes are not read on Windows");
        }

        var found = RuleVerifier.Reports(
            new ScriptNotExecutableRule(),
            r =>
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(Path.Combine(r.Root, "b.sh"), (UnixFileMode)0b111_101_101);
                }
            },
            ("run.sh", "[|./a.sh|]\n./b.sh\n"),
            ("a.sh", "echo a\n"),
            ("b.sh", "echo b\n"));
        Assert.That(found.Single().Message, Does.StartWith("a.sh").And.Contain("on disk"));
    }
}
