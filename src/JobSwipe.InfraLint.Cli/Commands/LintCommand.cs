using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// The root command, <c>infralint [PATH] [--format F] [--output FILE] [--baseline FILE | --no-baseline] [--analyzer DLL]...</c>:
/// lints PATH, prints or writes the report, a summary line on standard error, and exits 1 when an error finding remains.
/// </summary>
internal static class LintCommand
{
    public const string Description = """
        infralint [PATH] [options]

        Lints the infrastructure files (Dockerfiles, Docker Compose, fly.toml, deploy scripts, env files,
        Procfiles, CI workflows) under PATH (default: the current folder). PATH may also be one file: its
        repository (the nearest folder with .git) is linted and that file's findings reported. A folder named
        like a command is written ./NAME.
        A summary per severity goes to standard error.
        Exit codes: 0 no error finding, 1 at least one error finding, 2 bad usage.
        """;

    public static RootCommand CreateRoot()
    {
        // PATH is described in the description, not listed: System.CommandLine would otherwise show the root's argument in
        // every subcommand's usage and help ("infralint [<PATH>] rules"), as if they took it.
        var path = CommonOptions.Path("the folder to lint");
        path.Hidden = true;
        var format = ReportFormats.CreateOption();
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of standard output", HelpName = "FILE" };
        var baseline = CommonOptions.Baseline("the baseline file (default: PATH/infralint.baseline.json, used when it exists)");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "ignore the baseline file: report every finding" };
        var analyzers = CommonOptions.Analyzers();
        var timings = new Option<bool>("--timings") { Description = "also write where the run's time went (start-up, discovery, parsing, rules, reporting, output) to standard error" };

        var root = new RootCommand(Description) { path, format, output, baseline, noBaseline, analyzers, timings };
        CommonOptions.RefuseBothBaselineOptions(root, baseline, noBaseline);

        root.SetAction(parse =>
        {
            var started = Stopwatch.GetTimestamp();
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (LintTarget.TryResolve(parse.GetValue(path)!, parse.GetValue(analyzers)!, parse.GetValue(baseline), parse.GetValue(noBaseline), stderr) is not var (target, baselinePath))
            {
                return InfraLintCli.UsageError;
            }

            var result = target.Run(baselinePath, stderr);
            if (result is null)
            {
                return InfraLintCli.UsageError;
            }

            var rendering = Stopwatch.GetTimestamp();
            string report = ReportFormats.Render(parse.GetValue(format)!, result, target.RepositoryPrefix);
            string? outputFile = parse.GetValue(output);
            if (outputFile is null)
            {
                if (report.Length > 0)
                {
                    stdout.WriteLine(report);
                }
            }
            else if (ReportFile.TryWrite(outputFile, report + Environment.NewLine, "the report", stderr) is false)
            {
                return InfraLintCli.UsageError;
            }

            var summary = RunSummary.From(result);
            stderr.WriteLine(summary.Format("infralint"));
            if (summary.FormatSkipped("infralint") is { } skippedLine)
            {
                stderr.WriteLine(skippedLine);
            }

            if (parse.GetValue(timings))
            {
                stderr.WriteLine(FormatTimings(result, started, rendering));
            }

            return result.HasErrors ? InfraLintCli.ErrorFindings : InfraLintCli.Success;
        });

        return root;
    }

    /// <summary>
    /// The <c>--timings</c> line: wall time of start-up (process start to the command's action: runtime, JIT, option
    /// parsing), of each engine phase and of rendering and writing the report, then the work inside the phases as thread
    /// time summed over the worker threads (read, parse, shared facts, rules), then the process's CPU time and the garbage
    /// collector's share: time paused, collections per generation and bytes allocated (the steadiest figure on a shared
    /// machine, where wall and CPU times move with other processes' load), and the JIT's: time spent compiling and the
    /// methods compiled (what ReadyToRun left to compile at run time, plus the hot methods it recompiled).
    /// </summary>
    internal static string FormatTimings(LintResult result, long started, long rendering)
    {
        static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        TimeSpan startUp;
        TimeSpan cpu;
        using (var process = Process.GetCurrentProcess())
        {
            startUp = DateTime.Now - process.StartTime - Stopwatch.GetElapsedTime(started);
            cpu = process.TotalProcessorTime;
        }

        var phases = result.Timings;
        var work = result.Work;
        return $"infralint timings: start-up {Ms(startUp)}, discovery {Ms(phases.Discovery)}, parsing {Ms(phases.Parsing)}, rules {Ms(phases.Rules)}, reporting {Ms(phases.Reporting)}, output {Ms(Stopwatch.GetElapsedTime(rendering))}; "
            + $"thread time: read {Ms(work.Read)}, parse {Ms(work.Parse)}, facts {Ms(work.Facts)}, rules {Ms(work.Rules)}; "
            + $"process: cpu {Ms(cpu)}, gc paused {Ms(GC.GetTotalPauseDuration())} in {GC.CollectionCount(0).ToString(CultureInfo.InvariantCulture)}/{GC.CollectionCount(1).ToString(CultureInfo.InvariantCulture)}/{GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture)} collections (gen 0/1/2), "
            + $"allocated {(GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture)} MiB, "
            + $"jit {Ms(System.Runtime.JitInfo.GetCompilationTime())} for {System.Runtime.JitInfo.GetCompiledMethodCount().ToString("N0", CultureInfo.InvariantCulture)} methods";
    }
}
