using System.CommandLine;
using System.Globalization;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint fix [PATH] [--diff] [--unsafe-fixes] [--baseline FILE | --no-baseline] [--analyzer DLL]...</c>: applies the
/// findings' fixes (the safe ones; the unsafe ones too when asked), or with <c>--diff</c> prints them as a unified diff
/// and writes nothing. Exit codes: with <c>--diff</c>, 1 when something would change, else 0; without, 2 when nothing
/// could be written (a read-only file, a file changed during the run), else 1 when error findings are left, else 0.
/// </summary>
internal static class FixCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("the folder to fix (default: the current folder), or one file: only its fixes are applied");
        var diff = new Option<bool>("--diff") { Description = "print the fixes as a unified diff and write nothing; exit 1 when something would change" };
        var unsafeFixes = new Option<bool>("--unsafe-fixes") { Description = "also apply the fixes that may change behaviour (each rule page says which)" };
        var baseline = CommonOptions.Baseline("the baseline file (default: PATH/infralint.baseline.json, used when it exists): findings it covers are not fixed");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "ignore the baseline file: fix every finding" };
        var analyzers = CommonOptions.Analyzers();
        var command = new Command(
            "fix",
            "apply the findings' safe fixes (and unsafe ones with --unsafe-fixes), then print the findings left; --diff prints the fixes as a unified diff instead and writes nothing. A read-only file or one changed during the run: nothing is written, exit 2")
        {
            path, diff, unsafeFixes, baseline, noBaseline, analyzers,
        };
        CommonOptions.RefuseBothBaselineOptions(command, baseline, noBaseline);

        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            if (LintTarget.TryResolve(parse.GetValue(path)!, parse.GetValue(analyzers)!, parse.GetValue(baseline), parse.GetValue(noBaseline), stderr) is not var (target, baselinePath))
            {
                return InfraLintCli.UsageError;
            }

            var options = target.Options(baselinePath);
            var fixOptions = new FixOptions
            {
                IncludeUnsafe = parse.GetValue(unsafeFixes),
                Write = !parse.GetValue(diff),
                Paths = target.File is { } file ? new HashSet<string>(StringComparer.Ordinal) { file } : null,
            };
            return Run(options, fixOptions, target.File, parse.InvocationConfiguration.Output, stderr);
        });

        return command;
    }

    private static int Run(LintOptions options, FixOptions fixOptions, string? file, TextWriter output, TextWriter error)
    {
        var result = FixRunner.Run(options, fixOptions);
        foreach (string note in result.Notes)
        {
            error.WriteLine($"infralint: {DisplayText.Escape(note)}");
        }

        var left = result.After.Diagnostics.Where(d => file is null || d.Location.Path == file).ToList();
        if (!fixOptions.Write)
        {
            output.Write(UnifiedDiff.Create(result.Changes));
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: {result.Applied} fix(es) would change {result.Changes.Count} file(s); {left.Count} finding(s) would be left{UnsafeHint(result, fixOptions)}"));
            return result.Changes.Count > 0 ? InfraLintCli.ErrorFindings : InfraLintCli.Success;
        }

        if (result.Errors.Count > 0)
        {
            foreach (string problem in result.Errors)
            {
                error.WriteLine($"infralint: {DisplayText.Escape(problem)}");
            }

            return InfraLintCli.UsageError;
        }

        foreach (var change in result.Changes)
        {
            error.WriteLine($"infralint: fixed {DisplayText.Escape(change.RelativePath)} ({string.Join(", ", change.RuleIds)})");
        }

        foreach (var diagnostic in left)
        {
            output.WriteLine(CanonicalFormatter.Format(diagnostic, result.After.RootFullPath));
        }

        if (!result.Converged)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: stopped after {result.Passes} passes with fixes still to apply; run 'infralint fix' again"));
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: applied {result.Applied} fix(es) in {result.Changes.Count} file(s); {left.Count} finding(s) left{UnsafeHint(result, fixOptions)}"));
        return left.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error) ? InfraLintCli.ErrorFindings : InfraLintCli.Success;
    }

    private static string UnsafeHint(FixResult result, FixOptions fixOptions) =>
        !fixOptions.IncludeUnsafe && result.UnsafeFixesAvailable > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({result.UnsafeFixesAvailable} with an unsafe fix: --unsafe-fixes applies them)")
            : string.Empty;
}
