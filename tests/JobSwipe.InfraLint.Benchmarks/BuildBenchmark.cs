using System.Globalization;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// Times a consumer's builds with and without the package. The package is packed once into a temporary folder feed
/// with a unique version; two identical consumers are written outside the repository (a class library and the same
/// 60 infrastructure files of 10 synthetic services, with a baseline so the build succeeds), one with the
/// PackageReference. Per iteration and consumer (the order alternates, so a drift in the machine's load is shared):
/// <list type="number">
///   <item>bin and obj are deleted, <c>dotnet build-server shutdown</c>, <c>dotnet restore</c> (not timed);</item>
///   <item><b>cold</b>: <c>dotnet build --no-restore</c>, the first build after restore with no build server running;</item>
///   <item><b>no-op</b>: the same command again, with nothing changed;</item>
///   <item><b>a file no rule reads</b>: a line appended to <c>app.log</c>, which the consumer's .gitignore ignores (so the
///   secret scan skips it, and nothing else reads it), then the same command;</item>
///   <item><b>a source file</b>: a line appended to <c>AppClass.cs</c> (compiled, and read by the secret scan), then the
///   same command.</item>
/// </list>
/// For the two edits the table also says in how many runs InfraLint linted again (its findings file was rewritten)
/// rather than reporting from its cache, and for the source edit how many files it re-linted (one alone, or all).
/// Every command runs with <c>-nodeReuse:false</c>, <c>MSBUILDDISABLENODEREUSE=1</c>, <c>-p:UseSharedCompilation=false</c>
/// (no compiler server outlives a build) and the run's own NUGET_PACKAGES folder.
/// <para>
/// Then the no-op builds alone, in pairs (<see cref="MeasureNoOpPairs"/>): a no-op build differs from the one without
/// the package by tens of milliseconds, less than the machine's noise between two builds seconds apart, so the two
/// builds of a pair run back to back (the order alternating from pair to pair), after one untimed no-op build of each
/// consumer, with the same flags on both sides plus <c>-clp:PerformanceSummary</c>. The table gives each pair's ratio and
/// the InfraLint target's and tasks' own times from MSBuild's summary: that figure does not depend on the rest of
/// the build's noise. The CPU time of each build (GNU time) is given beside the wall time.
/// </para>
/// </summary>
public sealed class BuildBenchmark(string repositoryRoot, string workRoot, Report report)
{
    private const int ConsumerServices = 10;

    private string Feed => Path.Combine(workRoot, "feed");

    private string Packages => Path.Combine(workRoot, "packages");

    private IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>Runs the builds and prints their tables; returns the paired no-op builds' figures, or null when skipped.</summary>
    public NoOpPairs? Run(int runs, int pairs)
    {
        string version = "0.1.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Report.Progress($"builds: packing JobSwipe.InfraLint {version}");
        string project = Path.Combine(repositoryRoot, "src", "JobSwipe.InfraLint.MSBuild", "JobSwipe.InfraLint.MSBuild.csproj");
        var pack = DotNet(repositoryRoot, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + version, "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false");
        if (pack.ExitCode != 0)
        {
            report.Line($"Skipped: `dotnet pack` failed (exit {pack.ExitCode}): {pack.Tail}");
            return null;
        }

        string with = WriteConsumer("with-package", version);
        string without = WriteConsumer("without-package", version: null);
        var baselineResult = LintEngine.Run(new LintOptions(with) { BaselineFile = null });
        foreach (string consumer in new[] { with, without })
        {
            Baseline.FromDiagnostics(baselineResult.Diagnostics).Write(Path.Combine(consumer, Baseline.DefaultFileName));
        }

        var cold = new Dictionary<string, List<double>> { [with] = [], [without] = [] };
        var noop = new Dictionary<string, List<double>> { [with] = [], [without] = [] };
        var unreadEdit = new Dictionary<string, List<double>> { [with] = [], [without] = [] };
        var sourceEdit = new Dictionary<string, List<double>> { [with] = [], [without] = [] };
        int unreadRelints = 0, sourceRelints = 0;
        // After the AppClass.cs edit: how many files InfraLint re-linted (the findings file's "relinted"; a whole run: all of them).
        var sourceFilesRelinted = new List<string>();
        for (int run = 0; run < runs; run++)
        {
            foreach (string consumer in run % 2 == 0 ? new[] { without, with } : new[] { with, without })
            {
                Report.Progress($"builds: run {run + 1}/{runs}, {Path.GetFileName(consumer)}");
                foreach (string output in new[] { "bin", "obj" })
                {
                    string path = Path.Combine(consumer, output);
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }
                }

                DotNet(consumer, "build-server", "shutdown");
                var restore = DotNet(consumer, "restore", "-nodeReuse:false", "-tl:off", "-v:q");
                var first = DotNet(consumer, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false");
                var second = DotNet(consumer, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false");
                string findings = Path.Combine(consumer, "obj", "infralint", "findings.json");
                DateTime stamp = File.Exists(findings) ? File.GetLastWriteTimeUtc(findings) : default;
                File.AppendAllText(Path.Combine(consumer, "app.log"), $"run {run}: a line no rule reads\n");
                var third = DotNet(consumer, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false");
                bool relintedUnread = File.Exists(findings) && File.GetLastWriteTimeUtc(findings) != stamp;
                stamp = File.Exists(findings) ? File.GetLastWriteTimeUtc(findings) : default;
                File.AppendAllText(Path.Combine(consumer, "AppClass.cs"), $"// run {run}\n");
                var fourth = DotNet(consumer, "build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false");
                bool relintedSource = File.Exists(findings) && File.GetLastWriteTimeUtc(findings) != stamp;
                var afterSource = Reporting.FindingsFile.TryRead(findings);
                foreach (var (name, result) in new[] { ("restore", restore), ("cold build", first), ("no-op build", second), ("build after editing app.log", third), ("build after editing AppClass.cs", fourth) })
                {
                    if (result.ExitCode != 0)
                    {
                        report.Line($"Skipped: the {name} of {Path.GetFileName(consumer)} failed (exit {result.ExitCode}): {result.Tail}");
                        return null;
                    }
                }

                if (consumer == with && !File.Exists(Path.Combine(consumer, "obj", "infralint", "findings.json")))
                {
                    report.Line("Skipped: the consumer with the package did not run InfraLint (no obj/infralint/findings.json).");
                    return null;
                }

                cold[consumer].Add(first.Wall.TotalMilliseconds);
                noop[consumer].Add(second.Wall.TotalMilliseconds);
                unreadEdit[consumer].Add(third.Wall.TotalMilliseconds);
                sourceEdit[consumer].Add(fourth.Wall.TotalMilliseconds);
                if (consumer == with)
                {
                    unreadRelints += relintedUnread ? 1 : 0;
                    sourceRelints += relintedSource ? 1 : 0;
                    sourceFilesRelinted.Add(!relintedSource || afterSource is null ? "none" : afterSource.Relinted is int alone ? $"{alone} of {afterSource.Files} alone" : $"all {afterSource.Files}");
                }
            }
        }

        report.Line($"A class library (net10.0) with {ConsumerServices * SyntheticMonorepo.FilesPerService} infrastructure files and a baseline; package {version} from a folder feed. Median (min–max) of {runs} runs, ms.");
        report.Line();
        report.Table(
            ["build", "without the package", "with the package", "ratio", "added (median)"],
            [
                Row("cold: first `dotnet build --no-restore` after restore, build servers shut down", cold),
                Row("no-op: the same command again", noop),
                Row($"a line appended to a git-ignored file no rule reads (app.log), then the same command: InfraLint linted again in {unreadRelints} of {runs} runs", unreadEdit),
                Row($"a line appended to AppClass.cs (compiled; read by the secret scan), then the same command: InfraLint linted again in {sourceRelints} of {runs} runs", sourceEdit),
            ]);
        report.Line();
        report.Line($"Files InfraLint re-linted after the AppClass.cs edit, per run: {string.Join(", ", sourceFilesRelinted)} (\"alone\": the cache re-ran the secret scan on the changed file and kept the other findings; \"all\": a whole run).");

        // The target is per run ("at most 1.05x in every run"), so each run's pair is shown, not only the medians.
        report.Line();
        report.Line("No-op ratio per run (with ÷ without, the two builds of the same run, seconds apart): " + string.Join(", ", noop[with].Zip(noop[without], (w, wo) => Stats.Ratio(w / wo))) + ".");
        return MeasureNoOpPairs(with, without, pairs);

        string[] Row(string name, Dictionary<string, List<double>> times)
        {
            double a = Stats.Median(times[without]);
            double b = Stats.Median(times[with]);
            return [name, Stats.Spread(times[without]), Stats.Spread(times[with]), Stats.Ratio(b / a), Stats.Ms(b - a) + " ms"];
        }
    }

    private static readonly string[] NoOpArguments = ["build", "--no-restore", "-nodeReuse:false", "-tl:off", "-v:q", "-p:UseSharedCompilation=false", "-clp:PerformanceSummary"];

    /// <summary>
    /// No-op builds in pairs: one untimed no-op build of each consumer, then <paramref name="pairs"/> pairs of no-op
    /// builds, the two of a pair back to back, without first in even pairs and with first in odd ones. Prints each pair
    /// and the summary; null when a build failed or InfraLint did not report from its cache.
    /// </summary>
    private NoOpPairs? MeasureNoOpPairs(string with, string without, int pairs)
    {
        report.Line();
        report.Line($"**No-op builds in pairs** ({pairs} pairs after one untimed no-op build of each consumer; the two builds of a pair back to back, the order alternating; both with `-clp:PerformanceSummary`):");
        report.Line();
        string findings = Path.Combine(with, "obj", "infralint", "findings.json");
        foreach (string consumer in new[] { without, with })
        {
            if (DotNet(consumer, NoOpArguments) is { ExitCode: not 0 } warmUp)
            {
                report.Line($"Skipped: the warm-up no-op build of {Path.GetFileName(consumer)} failed (exit {warmUp.ExitCode}): {warmUp.Tail}");
                return null;
            }
        }

        DateTime stamp = File.GetLastWriteTimeUtc(findings);
        var measured = new List<NoOpPair>();
        var rows = new List<IReadOnlyList<string>>();
        for (int pair = 0; pair < pairs; pair++)
        {
            Report.Progress($"builds: no-op pair {pair + 1}/{pairs}");
            double withoutMs = 0, withMs = 0, withoutCpu = double.NaN, withCpu = double.NaN;
            var times = new PerformanceSummary();
            foreach (string consumer in pair % 2 == 0 ? new[] { without, with } : new[] { with, without })
            {
                var summary = new PerformanceSummary();
                var build = DotNet(consumer, NoOpArguments, summary.Read);
                if (build.ExitCode != 0)
                {
                    report.Line($"Skipped: a no-op build of {Path.GetFileName(consumer)} failed (exit {build.ExitCode}): {build.Tail}");
                    return null;
                }

                if (consumer == with)
                {
                    withMs = build.Wall.TotalMilliseconds;
                    withCpu = build.CpuSeconds * 1000;
                    times = summary;
                }
                else
                {
                    withoutMs = build.Wall.TotalMilliseconds;
                    withoutCpu = build.CpuSeconds * 1000;
                }
            }

            if (File.GetLastWriteTimeUtc(findings) != stamp)
            {
                report.Line("Skipped: InfraLint linted again in a no-op build (its findings file was rewritten).");
                return null;
            }

            var measuredPair = new NoOpPair(withoutMs, withMs, times.Target("InfraLint"), times.Task("JobSwipe.InfraLint.MSBuild.AnalyzeRepository"), times.Task("JobSwipe.InfraLint.MSBuild.ReportFindings"))
            {
                WithoutCpuMs = withoutCpu,
                WithCpuMs = withCpu,
            };
            measured.Add(measuredPair);
            rows.Add([
                (pair + 1).ToString(CultureInfo.InvariantCulture) + (pair % 2 == 0 ? " (without first)" : " (with first)"),
                Stats.Ms(withoutMs), Stats.Ms(withMs), Stats.Ratio(withMs / withoutMs), Stats.Ms(withMs - withoutMs), Stats.Ratio(withCpu / withoutCpu),
                Stats.Ms(measuredPair.TargetMs), Stats.Ms(measuredPair.AnalyzeMs), Stats.Ms(measuredPair.ReportMs),
            ]);
        }

        var result = new NoOpPairs(measured);
        report.Table(["pair", "without, ms", "with, ms", "ratio", "added, ms", "CPU ratio", "InfraLint target, ms", "AnalyzeRepository task, ms", "ReportFindings task, ms"], rows);
        report.Line();
        report.Table(
            ["no-op, min / median / max", "figure"],
            [
                ["build without the package, ms", MinMedianMax(measured.Select(p => p.WithoutMs), Stats.Ms)],
                ["build with the package, ms", MinMedianMax(measured.Select(p => p.WithMs), Stats.Ms)],
                ["ratio of the pair (with ÷ without)", MinMedianMax(result.Ratios, Stats.Ratio) + $"; at most 1.05× in {result.Ratios.Count(r => r <= 1.05)} of {pairs} pairs"],
                ["added by the package (with − without), ms", MinMedianMax(measured.Select(p => p.WithMs - p.WithoutMs), Stats.Ms)],
                ["CPU time (user + system) without / with the package, ms", MinMedianMax(measured.Select(p => p.WithoutCpuMs), Stats.Ms) + " and " + MinMedianMax(measured.Select(p => p.WithCpuMs), Stats.Ms)],
                ["CPU ratio of the pair (with ÷ without)", MinMedianMax(measured.Select(p => p.WithCpuMs / p.WithoutCpuMs), Stats.Ratio)],
                ["InfraLint target (MSBuild's own timing), ms", MinMedianMax(measured.Select(p => p.TargetMs), Stats.Ms)],
                ["1 + target ÷ build without the package, same pair", MinMedianMax(result.TargetRatios, Stats.Ratio)],
            ]);
        report.Line();
        report.Line("The InfraLint target's time is MSBuild's measure of the package's own work in the build (the call into the analysis project, the AnalyzeRepository no-op check, the ReportFindings task); the pair's ratio also carries the noise of the rest of the two builds.");
        return result;

        static string MinMedianMax(IEnumerable<double> values, Func<double, string> format)
        {
            double[] all = [.. values];
            return $"{format(all.Min())} / {format(Stats.Median(all))} / {format(all.Max())}";
        }
    }

    private string WriteConsumer(string name, string? version)
    {
        string root = Path.Combine(workRoot, "consumers", name);
        Directory.CreateDirectory(root);
        Write(root, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="infralint-benchmark" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Write(root, "Directory.Build.props", "<Project />\n");
        Write(root, "Directory.Build.targets", "<Project />\n");
        Write(root, "Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        Write(root, ".editorconfig", "root = true\n");
        Write(root, ".gitignore", "bin/\nobj/\n*.log\n");
        Write(root, "app.log", "a log the application writes\n");
        string reference = version is null
            ? string.Empty
            : $"""<PackageReference Include="JobSwipe.InfraLint" Version="{version}" PrivateAssets="all" />""";
        Write(root, "App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        Write(root, "AppClass.cs", "namespace App;\n\npublic static class AppClass\n{\n    public static int Answer => 42;\n}\n");
        SyntheticMonorepo.Write(root, ConsumerServices);
        return root;
    }

    private static void Write(string root, string name, string content) => File.WriteAllText(Path.Combine(root, name), content.ReplaceLineEndings("\n"));

    private ChildRun DotNet(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run("dotnet", arguments, workingDirectory, Environment, TimeSpan.FromMinutes(10));

    private ChildRun DotNet(string workingDirectory, string[] arguments, Action<string> onLine) =>
        ChildProcess.Run("dotnet", arguments, workingDirectory, Environment, TimeSpan.FromMinutes(10), onLine);
}

/// <summary>One pair of no-op builds: the build without and with the package, and the InfraLint target's and tasks' own times.</summary>
public sealed record NoOpPair(double WithoutMs, double WithMs, double TargetMs, double AnalyzeMs, double ReportMs)
{
    /// <summary>The builds' CPU time (user + system, from GNU time; NaN without it), less sensitive than wall time to other processes.</summary>
    public double WithoutCpuMs { get; init; } = double.NaN;

    public double WithCpuMs { get; init; } = double.NaN;
}

/// <summary>The paired no-op builds: each pair's ratio, and 1 + the InfraLint target's time over the build without the package.</summary>
public sealed record NoOpPairs(IReadOnlyList<NoOpPair> Pairs)
{
    public IReadOnlyList<double> Ratios => [.. Pairs.Select(p => p.WithMs / p.WithoutMs)];

    public IReadOnlyList<double> TargetRatios => [.. Pairs.Select(p => 1 + (p.TargetMs / p.WithoutMs))];
}

/// <summary>
/// The target and task times of MSBuild's <c>-clp:PerformanceSummary</c> (lines such as <c>   146 ms  InfraLint   1 calls</c>
/// under "Target Performance Summary:" and "Task Performance Summary:"), read line by line from a build's output.
/// </summary>
public sealed class PerformanceSummary
{
    private readonly Dictionary<string, double> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _tasks = new(StringComparer.Ordinal);
    private Dictionary<string, double>? _section;

    public void Read(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.EndsWith("Performance Summary:", StringComparison.Ordinal))
        {
            _section = trimmed.StartsWith("Target ", StringComparison.Ordinal) ? _targets : trimmed.StartsWith("Task ", StringComparison.Ordinal) ? _tasks : null;
            return;
        }

        string[] parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (_section is not null && parts.Length == 5 && parts[1] == "ms" && parts[4] == "calls"
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
        {
            _section[parts[2]] = ms;
        }
    }

    /// <summary>A target's total time in ms; NaN when the summary did not list it.</summary>
    public double Target(string name) => _targets.GetValueOrDefault(name, double.NaN);

    /// <summary>A task's total time in ms; NaN when the summary did not list it.</summary>
    public double Task(string name) => _tasks.GetValueOrDefault(name, double.NaN);
}
