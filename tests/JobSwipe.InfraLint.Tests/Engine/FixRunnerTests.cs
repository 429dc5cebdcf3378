using System.Text;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Engine;

public class FixRunnerTests
{
    private static readonly DiagnosticDescriptor Pair = new("TST0101", "Pair", "two a's", "Test", DiagnosticSeverity.Warning, "test", fix: FixAvailability.Safe);

    [Test]
    public void Keeps_the_BOM_the_CRLF_line_breaks_the_comments_and_the_missing_final_newline()
    {
        using var repo = new TempRepository();
        byte[] before = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# build\r\nFROM python:3.12-slim\r\n\tRUN pip install flask  # web\r\nADD app/ /app/")];
        string full = repo.WriteBytes("Dockerfile", before);

        var result = FixVerifier.Run(repo.Root, [new PipInstallKeepsCacheRule(), new AddInsteadOfCopyRule()]);

        byte[] expected = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# build\r\nFROM python:3.12-slim\r\n\tRUN pip install --no-cache-dir flask  # web\r\nCOPY app/ /app/")];
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(full), Is.EqualTo(expected));
            Assert.That(result.Applied, Is.EqualTo(2));
            Assert.That(result.Changes.Single().RuleIds, Is.EqualTo(new[] { "JSI1013", "JSI1014" }));
            Assert.That(result.After.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void Overlapping_fixes_wait_for_the_next_pass_and_the_result_is_stable()
    {
        using var repo = new TempRepository();
        string full = repo.Write(".env", "X=aaaa\n");

        var result = FixVerifier.Run(repo.Root, [new PairReplacer()]);

        // "aa" at 2, 3, 4, 5 overlap pairwise: pass 1 applies the ones at 2 and 4 ("X=bb"), pass 2 finds nothing.
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(full), Is.EqualTo("X=bb\n"));
            Assert.That((result.Applied, result.Passes, result.Converged), Is.EqualTo((2, 1, true)));
        });

        repo.Write(".env", "X=aaa\n");
        result = FixVerifier.Run(repo.Root, [new PairReplacer()]);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(full), Is.EqualTo("X=ba\n"));
            Assert.That(result.Applied, Is.EqualTo(1));
        });
    }

    [Test]
    public void Passes_are_bounded_when_fixes_never_settle()
    {
        using var repo = new TempRepository();
        string full = repo.Write(".env", "X=aa\n");

        // Each pass turns "aa" into "aaa"... (a fix that recreates its finding): the runner stops at the limit.
        var result = FixVerifier.Run(repo.Root, [new PairReplacer("aaa")], maxPasses: 3);

        Assert.Multiple(() =>
        {
            Assert.That((result.Passes, result.Converged), Is.EqualTo((3, false)));
            Assert.That(File.ReadAllText(full), Does.StartWith("X=aaaa"));
        });
    }

    [Test]
    public void Diff_mode_writes_nothing_and_reports_what_would_change()
    {
        using var repo = new TempRepository();
        const string content = "FROM python:3.12-slim\nRUN pip install flask\n";
        string full = repo.Write("Dockerfile", content);

        var result = FixVerifier.Run(repo.Root, [new PipInstallKeepsCacheRule()], write: false);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(full), Is.EqualTo(content));
            Assert.That(result.Written, Is.False);
            Assert.That(result.After.Diagnostics, Is.Empty, "the pending contents were linted");
            Assert.That(UnifiedDiff.Create(result.Changes), Is.EqualTo(
                "diff --git a/Dockerfile b/Dockerfile\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM python:3.12-slim\n-RUN pip install flask\n+RUN pip install --no-cache-dir flask\n"));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_file_stops_the_run_before_anything_is_written()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
        }

        using var repo = new TempRepository();
        string writable = repo.Write("a/Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\n");
        string locked = repo.Write("b/Dockerfile", "FROM python:3.12-slim\nRUN pip install django\n");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        try
        {
            var result = FixVerifier.Run(repo.Root, [new PipInstallKeepsCacheRule()]);

            Assert.Multiple(() =>
            {
                Assert.That(result.Errors, Is.EqualTo(new[] { "b/Dockerfile: the file is read-only; nothing was written" }));
                Assert.That(result.Written, Is.False);
                Assert.That(File.ReadAllText(writable), Does.Not.Contain("--no-cache-dir"));
                Assert.That(File.ReadAllText(locked), Does.Not.Contain("--no-cache-dir"));
                Assert.That(Directory.GetFiles(repo.Root, "*.tmp", SearchOption.AllDirectories), Is.Empty);
            });
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Test]
    public void A_file_changed_during_the_run_is_refused()
    {
        using var repo = new TempRepository();
        string full = repo.Write(".env", "X=aa\n");

        // The analyzer edits the file on disk while the runner lints its pending contents.
        var result = FixVerifier.Run(repo.Root, [new PairReplacer(), new EditsOnSecondRun(full)]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.EqualTo(new[] { ".env: the file changed on disk during the run; nothing was written (run the fix again)" }));
            Assert.That(File.ReadAllText(full), Is.EqualTo("X=aa\nY=1\n"));
        });
    }

    [Test]
    public void A_file_that_is_not_valid_UTF8_is_left_alone_with_a_note()
    {
        using var repo = new TempRepository();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# caf"), 0xE9, .. Encoding.UTF8.GetBytes("\nFROM python:3.12-slim\nRUN pip install flask\n")];
        string full = repo.WriteBytes("Dockerfile", bytes);

        var result = FixVerifier.Run(repo.Root, [new PipInstallKeepsCacheRule()]);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(full), Is.EqualTo(bytes));
            Assert.That(result.Changes, Is.Empty);
            Assert.That(result.Notes.Single(), Does.StartWith("Dockerfile: not valid UTF-8"));
        });
    }

    [Test]
    public void Every_fix_on_the_JobSwipe_replica_matches_its_descriptor_and_applies_cleanly()
    {
        var result = FixRunner.Run(new LintOptions(RepositoryPaths.Fixture("jobswipe")), new FixOptions { IncludeUnsafe = true, Write = false });

        var fixable = result.Before.Diagnostics.Where(d => d.Fix is not null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fixable, Is.Not.Empty);
            foreach (var diagnostic in fixable)
            {
                Assert.That(diagnostic.Descriptor.Fix, Is.Not.EqualTo(FixAvailability.None), $"{diagnostic.Id} offers a fix but its descriptor says none");
                if (!diagnostic.Fix!.IsSafe)
                {
                    continue;
                }

                Assert.That(diagnostic.Descriptor.Fix, Is.EqualTo(FixAvailability.Safe), $"{diagnostic.Id} offers a safe fix but its descriptor says unsafe");
            }

            Assert.That(result.Converged, Is.True);
            Assert.That(result.After.Diagnostics.Where(d => d.Fix is not null), Is.Empty, "every fix applied, and none recreated its finding");
        });
    }

    [Test]
    public void Every_built_in_descriptor_that_offers_fixes_is_one_of_the_fixable_rules()
    {
        var fixable = AnalyzerCatalog.AllDescriptors.Where(d => d.Fix != FixAvailability.None).Select(d => $"{d.Id} {d.Fix.ToDisplayString()}");
        Assert.That(fixable, Is.EqualTo(new[]
        {
            "JSI1006 safe", "JSI1011 safe", "JSI1012 unsafe", "JSI1013 safe", "JSI1014 safe", "JSI1015 unsafe", "JSI1017 safe", "JSI1018 safe",
            "JSI2002 safe", "JSI2013 safe", "JSI4003 unsafe", "JSI4013 safe", "JSI4014 safe", "JSI5006 safe",
        }));
    }

    /// <summary>Reports every "aa" in an env file with a fix replacing it by <c>replacement</c>.</summary>
    private sealed class PairReplacer(string replacement = "b") : InfraAnalyzer
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Pair];

        public override void Initialize(AnalysisContext context) => context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, ctx =>
        {
            var text = ctx.Model.Text;
            for (int at = text.Content.IndexOf("aa", StringComparison.Ordinal); at >= 0; at = text.Content.IndexOf("aa", at + 1, StringComparison.Ordinal))
            {
                var span = new TextSpan(at, 2);
                var fix = Fix.Create("replace", FixApplicability.Safe, ctx.File.RelativePath, TextEdit.Replace(text, span, replacement));
                ctx.ReportDiagnostic(Diagnostic.Create(Pair, ctx.GetLocation(span)).WithFix(fix));
            }
        });
    }

    private sealed class EditsOnSecondRun(string path) : InfraAnalyzer
    {
        private int _runs;

        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Pair];

        public override void Initialize(AnalysisContext context) => context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, _ =>
        {
            if (Interlocked.Increment(ref _runs) == 2)
            {
                File.AppendAllText(path, "Y=1\n");
            }
        });
    }
}
