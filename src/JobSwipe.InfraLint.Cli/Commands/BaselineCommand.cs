using System.CommandLine;
using System.Globalization;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary><c>infralint baseline [PATH] [--baseline FILE] [--analyzer DLL]...</c>: writes today's findings to the baseline file.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("the folder to lint (default: the current folder)");
        var baseline = CommonOptions.Baseline("where to write the baseline (default: PATH/infralint.baseline.json)");
        var analyzers = CommonOptions.Analyzers();
        var command = new Command(
            "baseline",
            "write today's findings to the baseline file (default PATH/infralint.baseline.json), so that only new findings are reported from now on")
        {
            path, baseline, analyzers,
        };

        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var target = LintTarget.TryResolve(parse.GetValue(path)!, parse.GetValue(analyzers)!, stderr);
            if (target is null)
            {
                return InfraLintCli.UsageError;
            }

            if (target.File is not null)
            {
                stderr.WriteLine($"infralint: 'infralint baseline' takes a folder, not the file '{parse.GetValue(path)}'");
                return InfraLintCli.UsageError;
            }

            string baselinePath = target.BaselinePath(parse.GetValue(baseline));
            var (written, findings) = Baseline.Capture(target.Options(baselineFile: null));
            if (!ReportFile.TryWrite(baselinePath, written.ToJson(), "the baseline", stderr))
            {
                return InfraLintCli.UsageError;
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: wrote {findings} finding(s) ({written.Entries.Count} distinct) to {baselinePath}; from now on only new findings are reported"));
            return InfraLintCli.Success;
        });

        return command;
    }
}
