using System.Globalization;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Cli;

/// <summary>
/// <c>infralint fix [PATH] [--diff] [--unsafe-fixes]</c>: applies the findings' fixes (safe ones, and unsafe ones when
/// asked), or with <c>--diff</c> prints them as a unified diff and writes nothing.
/// </summary>
internal static class FixCommand
{
    /// <summary>
    /// Runs the fixes. Exit codes: with <c>--diff</c>, 1 when something would change, else 0; without, 2 when nothing
    /// could be written (a read-only file, a file changed during the run), else 1 when error findings are left, else 0.
    /// </summary>
    public static int Run(LintOptions options, bool diff, bool unsafeFixes, TextWriter output, TextWriter error)
    {
        var result = FixRunner.Run(options, new FixOptions { IncludeUnsafe = unsafeFixes, Write = !diff });
        foreach (string note in result.Notes)
        {
            error.WriteLine($"infralint: {DisplayText.Escape(note)}");
        }

        if (diff)
        {
            output.Write(UnifiedDiff.Create(result.Changes));
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: {result.Applied} fix(es) would change {result.Changes.Count} file(s); {result.After.Diagnostics.Count} finding(s) would be left{UnsafeHint(result, unsafeFixes)}"));
            return result.Changes.Count > 0 ? 1 : 0;
        }

        if (result.Errors.Count > 0)
        {
            foreach (string problem in result.Errors)
            {
                error.WriteLine($"infralint: {DisplayText.Escape(problem)}");
            }

            return 2;
        }

        foreach (var change in result.Changes)
        {
            error.WriteLine($"infralint: fixed {DisplayText.Escape(change.RelativePath)} ({string.Join(", ", change.RuleIds)})");
        }

        foreach (var diagnostic in result.After.Diagnostics)
        {
            output.WriteLine(CanonicalFormatter.Format(diagnostic, result.After.RootFullPath));
        }

        if (!result.Converged)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: stopped after {result.Passes} passes with fixes still to apply; run 'infralint fix' again"));
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: applied {result.Applied} fix(es) in {result.Changes.Count} file(s); {result.After.Diagnostics.Count} finding(s) left{UnsafeHint(result, unsafeFixes)}"));
        return result.After.HasErrors ? 1 : 0;
    }

    private static string UnsafeHint(FixResult result, bool unsafeFixes) =>
        !unsafeFixes && result.UnsafeFixesAvailable > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({result.UnsafeFixesAvailable} with an unsafe fix: --unsafe-fixes applies them)")
            : string.Empty;
}
