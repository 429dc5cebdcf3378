using System.Diagnostics;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// The engine's cheap cost accounting: Stopwatch ticks summed per kind of file and per analyzer with interlocked
/// adds (two timestamps per file action, nothing allocated per file), turned into <see cref="KindTiming"/> and
/// <see cref="AnalyzerTiming"/> at the end of a run.
/// </summary>
internal sealed class RunCosts
{
    private readonly long[] _kindFiles = new long[FileKinds.Count];
    private readonly long[] _kindRead = new long[FileKinds.Count];
    private readonly long[] _kindParse = new long[FileKinds.Count];
    private readonly long[] _kindRules = new long[FileKinds.Count];
    private readonly long[] _analyzerTicks;
    private readonly long[] _analyzerCalls;
    private long _repositoryTicks;

    public RunCosts(int analyzerCount)
    {
        _analyzerTicks = new long[analyzerCount];
        _analyzerCalls = new long[analyzerCount];
    }

    /// <summary>Counts a loaded file and its read and parse time under its kind (called once per file, on one thread).</summary>
    public void AddLoad(LoadedFile loaded)
    {
        int kind = FileKinds.Index(loaded.File.Kind);
        _kindFiles[kind]++;
        _kindRead[kind] += loaded.ReadTime.Ticks;
        _kindParse[kind] += loaded.ParseTime.Ticks;
    }

    /// <summary>Adds Stopwatch ticks spent in one file's actions (thread-safe).</summary>
    public void AddRules(FileKind kind, long stopwatchTicks) => Interlocked.Add(ref _kindRules[FileKinds.Index(kind)], stopwatchTicks);

    /// <summary>Adds one action of an analyzer and its Stopwatch ticks (thread-safe).</summary>
    public void AddAnalyzer(int index, long stopwatchTicks)
    {
        Interlocked.Add(ref _analyzerTicks[index], stopwatchTicks);
        Interlocked.Increment(ref _analyzerCalls[index]);
    }

    /// <summary>Read, parse and action time summed over kinds and analyzers, with the facts' share taken out of the actions.</summary>
    public WorkTimings GetWorkTimings(TimeSpan facts)
    {
        long read = Sum(_kindRead), parse = Sum(_kindParse), actions = Sum(_analyzerTicks);
        var rules = FromStopwatch(actions) - facts;
        return new WorkTimings(TimeSpan.FromTicks(read), TimeSpan.FromTicks(parse), facts, rules > TimeSpan.Zero ? rules : TimeSpan.Zero, FromStopwatch(_repositoryTicks));
    }

    /// <summary>Adds Stopwatch ticks spent in one repository action (thread-safe).</summary>
    public void AddRepositoryAction(long stopwatchTicks) => Interlocked.Add(ref _repositoryTicks, stopwatchTicks);

    public IReadOnlyList<KindTiming> GetKindTimings()
    {
        var result = new List<KindTiming>();
        // Enum.GetValues returns the kinds in order of their values. (No generic enum or LINQ calls here or above:
        // ReadyToRun cannot precompile framework generics over value types, and this runs once per run.)
        foreach (FileKind kind in Enum.GetValues(typeof(FileKind)))
        {
            int i = FileKinds.Index(kind);
            if (_kindFiles[i] > 0)
            {
                result.Add(new KindTiming(kind, (int)_kindFiles[i], TimeSpan.FromTicks(_kindRead[i]), TimeSpan.FromTicks(_kindParse[i]), FromStopwatch(_kindRules[i])));
            }
        }

        return result;
    }

    public IReadOnlyList<AnalyzerTiming> GetAnalyzerTimings(IReadOnlyList<InfraAnalyzer> analyzers)
    {
        var result = new List<AnalyzerTiming>(analyzers.Count);
        for (int i = 0; i < analyzers.Count; i++)
        {
            string ids;
            try
            {
                ids = string.Join(", ", analyzers[i].SupportedDiagnostics.Select(d => d.Id));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ids = string.Empty;
            }

            result.Add(new AnalyzerTiming(analyzers[i].GetType().Name, ids, (int)_analyzerCalls[i], FromStopwatch(_analyzerTicks[i])));
        }

        return result;
    }

    private static long Sum(long[] values)
    {
        long sum = 0;
        foreach (long value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static TimeSpan FromStopwatch(long ticks) => TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
}
