using System.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

public class UnifiedDiffTests
{
    [Test]
    public void Equal_texts_give_no_diff() => Assert.That(UnifiedDiff.Create("a/x", "b/x", "a\nb\n", "a\nb\n"), Is.Empty);

    [Test]
    public void Distant_changes_get_separate_hunks_with_three_lines_of_context()
    {
        string before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        string after = before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 18\n", "", StringComparison.Ordinal);

        Assert.That(UnifiedDiff.Create("a/f", "b/f", before, after), Is.EqualTo(
            "--- a/f\n+++ b/f\n" +
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n" +
            "@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n"));
    }

    [Test]
    public void A_missing_final_newline_and_an_insertion_at_the_top_are_marked_as_git_marks_them()
    {
        Assert.That(UnifiedDiff.Create("a/f", "b/f", "a\nb", "a\nc"), Is.EqualTo(
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"));
        Assert.That(UnifiedDiff.Create("a/f", "b/f", "x\n", "new\nx\n"), Is.EqualTo("--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+new\n x\n"));
    }

    [Test]
    public void Control_characters_from_the_file_are_escaped_but_tabs_line_breaks_and_the_BOM_stay() =>
        Assert.That(UnifiedDiff.Create("a/f", "b/f", "\uFEFFa\r\n\tx\u001b[2Jy\u202e\r\n", "\uFEFFa\r\n"), Is.EqualTo(
            "--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n \uFEFFa\r\n-\tx\\x1b[2Jy\\u202e\r\n"));

    [Test]
    public void Git_applies_the_diff_of_a_fix_run()
    {
        using var repo = new TempRepository();
        string before = "# build\r\nFROM python:3.12-slim\r\nRUN pip install flask\r\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"LABEL n{i}=v\r\n")) + "ADD app/ /app/";
        string full = repo.Write("Dockerfile", before);
        var result = FixVerifier.Run(repo.Root, [new JobSwipe.InfraLint.Rules.Dockerfile.PipInstallKeepsCacheRule(), new JobSwipe.InfraLint.Rules.Dockerfile.AddInsteadOfCopyRule()], write: false);
        string patch = UnifiedDiff.Create(result.Changes);
        string patchFile = repo.Write("fix.patch", patch);

        if (!RunGit(repo.Root, out string output, "apply", "fix.patch"))
        {
            Assert.That(output, Does.Contain("No such file").Or.Contain("not found").Or.Contain("not a git"), output);
            Assert.Ignore("git is not available: " + output);
        }

        Assert.That(File.ReadAllBytes(full), Is.EqualTo(result.Changes.Single().Fixed), patch);
        File.Delete(patchFile);
    }

    internal static bool RunGit(string directory, out string output, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            output = "git not found: " + ex.Message;
            return false;
        }
    }
}
