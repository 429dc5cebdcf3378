using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Workspace.Git;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ScriptNotExecutableRuleTests
{
    private static List<string> Run(Action<TempRepository> setup)
    {
        using var repository = new TempRepository();
        setup(repository);
        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new ScriptNotExecutableRule()], MaxDegreeOfParallelism = 1 });
        return [.. result.Diagnostics.Where(d => d.Id == "JSI4013").Select(d => $"{d.Location.Path}:{d.Location.Span.Start.Line}:{d.Location.Span.Start.Column} {d.Message}")];
    }

    private static void Index(TempRepository repository, params (string Path, bool Executable)[] files)
    {
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        File.WriteAllBytes(Path.Combine(repository.Root, ".git", "index"), GitIndexEntriesTests.Build(2, files.Select(f => (f.Path, f.Executable ? 0x81ED : 0x81A4, 0, false))));
    }

    [Test]
    public void A_script_run_directly_with_mode_100644_in_git_is_reported_where_it_is_run()
    {
        var found = Run(r =>
        {
            r.Write("scripts/release.sh", "#!/bin/bash\nset -e\n./scripts/build.sh\n\"$(dirname \"$0\")/upload.sh\"\nbash scripts/other.sh\n");
            r.Write("scripts/build.sh", "echo build\n");
            r.Write("scripts/upload.sh", "echo upload\n");
            r.Write("scripts/other.sh", "echo other\n");
            Index(r, ("scripts/build.sh", false), ("scripts/other.sh", false), ("scripts/release.sh", true), ("scripts/upload.sh", true));
        });
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Does.StartWith("scripts/release.sh:3:1 scripts/build.sh (runs it as ./scripts/build.sh)").And.Contain("mode 100644").And.Contain("git update-index --chmod=+x scripts/build.sh"));
    }

    [Test]
    public void Ci_steps_and_dockerfiles_run_scripts_directly()
    {
        var found = Run(r =>
        {
            r.Write(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo start\n          scripts/deploy.sh\n");
            r.Write("scripts/deploy.sh", "fly deploy\n");
            r.Write("Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY --chmod=755 start.sh /start.sh\nRUN ./tools/setup.sh\nENTRYPOINT [\"/app/entrypoint.sh\"]\nCMD [\"/start.sh\"]\n");
            r.Write("tools/setup.sh", "echo\n");
            r.Write("entrypoint.sh", "exec \"$@\"\n");
            r.Write("start.sh", "exec app\n");
            Index(r, ("Dockerfile", false), ("entrypoint.sh", false), ("scripts/deploy.sh", false), ("start.sh", false), ("tools/setup.sh", true));
        });
        Assert.That(found.Select(f => f.Split(' ')[0]), Is.EquivalentTo(new[] { ".github/workflows/deploy.yml:8:11", "Dockerfile:6:13" }));
    }

    [Test]
    public void Untracked_files_fall_back_to_the_file_system_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("file modes are not read on Windows");
        }

        var found = Run(r =>
        {
            r.Write("run.sh", "./a.sh\n./b.sh\n");
            r.Write("a.sh", "echo a\n");
            r.Write("b.sh", "echo b\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(r.Root, "b.sh"), (UnixFileMode)0b111_101_101);
            }
        });
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Does.StartWith("run.sh:1:1 a.sh").And.Contain("on disk"));
    }
}
