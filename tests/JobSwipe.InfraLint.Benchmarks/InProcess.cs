using System.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>One in-process run of the engine over a root, as the tool does it (minus process start-up).</summary>
public sealed record InProcessRun(
    double WallMs,
    PhaseTimings Phases,
    WorkTimings Work,
    double OutputMs,
    IReadOnlyList<KindTiming> Kinds,
    IReadOnlyList<AnalyzerTiming> Analyzers,
    long AllocatedBytes,
    int FilesDiscovered,
    int FilesAnalyzed,
    int Findings);

/// <summary>The medians of several in-process runs.</summary>
public sealed class InProcessSummary(IReadOnlyList<InProcessRun> runs)
{
    public IReadOnlyList<InProcessRun> Runs { get; } = runs;

    public int Files => Runs[0].FilesDiscovered;

    public int Analyzed => Runs[0].FilesAnalyzed;

    public int Findings => Runs[0].Findings;

    public double WallMs => Stats.Median(Runs.Select(r => r.WallMs));

    public double Phase(Func<PhaseTimings, TimeSpan> phase) => Stats.Median(Runs.Select(r => phase(r.Phases).TotalMilliseconds));

    public double Work(Func<WorkTimings, TimeSpan> part) => Stats.Median(Runs.Select(r => part(r.Work).TotalMilliseconds));

    /// <summary>The repository actions' thread time (cross-file rules, the shared facts they compute included).</summary>
    public double RepositoryActionsMs => Work(w => w.RepositoryActions);

    public double OutputMs => Stats.Median(Runs.Select(r => r.OutputMs));

    public double AllocatedBytes => Stats.Median(Runs.Select(r => (double)r.AllocatedBytes));

    public IEnumerable<FileKind> Kinds => Runs[0].Kinds.Select(k => k.Kind);

    public double KindMs(FileKind kind, Func<KindTiming, TimeSpan> part) =>
        Stats.Median(Runs.Select(r => r.Kinds.FirstOrDefault(k => k.Kind == kind) is { } timing ? part(timing).TotalMilliseconds : 0));

    public int KindFiles(FileKind kind) => Runs[0].Kinds.FirstOrDefault(k => k.Kind == kind)?.Files ?? 0;

    public IEnumerable<AnalyzerTiming> Analyzers => Runs[0].Analyzers;

    public double AnalyzerMs(string analyzer) =>
        Stats.Median(Runs.Select(r => r.Analyzers.FirstOrDefault(a => a.Analyzer == analyzer)?.Time.TotalMilliseconds ?? 0));
}

public static class InProcess
{
    /// <summary>Runs the engine once over <paramref name="root"/> and formats the findings as the tool's text output.</summary>
    public static InProcessRun RunOnce(string root)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = LintEngine.Run(new LintOptions(root) { BaselineFile = Baseline.DefaultFileName });
        var linted = clock.Elapsed;
        string text = string.Join('\n', result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath)));
        var total = clock.Elapsed;
        GC.KeepAlive(text);
        return new InProcessRun(
            total.TotalMilliseconds,
            result.Timings,
            result.Work,
            (total - linted).TotalMilliseconds,
            result.KindTimings,
            result.AnalyzerTimings,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            result.FilesDiscovered,
            result.FilesAnalyzed,
            result.Diagnostics.Count);
    }

    /// <summary>
    /// Two warm-up runs (JIT, tiered compilation reaching its optimized code, file cache), then <paramref name="runs"/>
    /// measured ones. With one warm-up the first size measured still ran partly unoptimized code.
    /// </summary>
    public static InProcessSummary Measure(string root, int runs)
    {
        RunOnce(root);
        RunOnce(root);
        return new InProcessSummary([.. Enumerable.Range(0, runs).Select(_ => RunOnce(root))]);
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
