using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Cli;

public class FixCommandTests
{
    private const string Dockerfile = "FROM python:3.12-slim\nADD app/ /app/\nRUN pip install flask\nCMD python /app/main.py\n";

    [Test]
    public void Diff_prints_a_unified_diff_writes_nothing_and_exits_1()
    {
        using var repo = new TempRepository();
        string full = repo.Write("Dockerfile", Dockerfile);

        var run = CliRun.Of("fix", repo.Root, "--diff", "--no-baseline");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Output, Does.StartWith("diff --git a/Dockerfile b/Dockerfile\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,4 +1,4 @@\n"));
            Assert.That(run.Output, Does.Contain("\n-ADD app/ /app/\n-RUN pip install flask\n+COPY app/ /app/\n+RUN pip install --no-cache-dir flask\n"));
            Assert.That(run.Error, Does.Contain("infralint: 2 fix(es) would change 1 file(s);").And.Contain("(1 with an unsafe fix: --unsafe-fixes applies them)"));
            Assert.That(File.ReadAllText(full), Is.EqualTo(Dockerfile));
        });
    }

    [Test]
    public void Fix_writes_the_safe_fixes_then_the_unsafe_ones_when_asked_and_a_diff_of_a_clean_tree_exits_0()
    {
        using var repo = new TempRepository();
        string full = repo.Write("Dockerfile", Dockerfile);
        repo.Write("app/main.py", "print('hi')\n");

        var safe = CliRun.Of("fix", repo.Root, "--no-baseline");
        Assert.Multiple(() =>
        {
            Assert.That(safe.ExitCode, Is.EqualTo(0), safe.ToString());
            Assert.That(safe.Error, Does.Contain("infralint: fixed Dockerfile (JSI1013, JSI1014)").And.Contain("infralint: applied 2 fix(es) in 1 file(s);"));
            Assert.That(safe.Output, Does.Contain("JSI1012"), "the findings left are printed");
            Assert.That(File.ReadAllText(full), Is.EqualTo("FROM python:3.12-slim\nCOPY app/ /app/\nRUN pip install --no-cache-dir flask\nCMD python /app/main.py\n"));
        });

        var all = CliRun.Of("fix", repo.Root, "--unsafe-fixes", "--no-baseline");
        Assert.Multiple(() =>
        {
            Assert.That(all.ExitCode, Is.EqualTo(0), all.ToString());
            Assert.That(File.ReadAllText(full), Does.EndWith("CMD [\"python\", \"/app/main.py\"]\n"));
            Assert.That(CliRun.Of("fix", repo.Root, "--diff", "--unsafe-fixes", "--no-baseline").ExitCode, Is.EqualTo(0), "nothing left to change");
        });
    }

    [Test]
    public void Fix_of_one_file_changes_only_that_file()
    {
        using var repo = new TempRepository();
        string a = repo.Write("a/Dockerfile", Dockerfile);
        string b = repo.Write("b/Dockerfile", Dockerfile);
        repo.Write("a/app/main.py", "print('hi')\n");

        var run = CliRun.Of("fix", a, "--no-baseline");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(File.ReadAllText(a), Does.Contain("COPY app/"));
            Assert.That(File.ReadAllText(b), Is.EqualTo(Dockerfile));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_file_is_one_clear_line_and_exit_2()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
        }

        using var repo = new TempRepository();
        string full = repo.Write("Dockerfile", Dockerfile);
        File.SetUnixFileMode(full, UnixFileMode.UserRead);
        try
        {
            var run = CliRun.Of("fix", repo.Root, "--no-baseline");
            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
                Assert.That(run.Error.TrimEnd(), Is.EqualTo("infralint: Dockerfile: the file is read-only; nothing was written"));
                Assert.That(File.ReadAllText(full), Is.EqualTo(Dockerfile));
            });
        }
        finally
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Test]
    public void Rules_show_the_fixability_each_descriptor_declares()
    {
        var run = CliRun.Of("rules");
        Assert.Multiple(() =>
        {
            Assert.That(run.Output.Split('\n').Single(l => l.StartsWith("JSI1013", StringComparison.Ordinal)), Does.Match(@"^JSI1013\s+info\s+Dockerfile\s+safe\s+ADD used for local files$"));
            Assert.That(run.Output.Split('\n').Single(l => l.StartsWith("JSI1015", StringComparison.Ordinal)), Does.Contain(" unsafe "));
            Assert.That(CliRun.Of("explain", "JSI4014").Output, Does.Contain("\nFixable: safe\n").And.Not.Contain("Fix: safe"));
        });
    }
}
