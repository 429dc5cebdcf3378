using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>Time spent in each phase of a run.</summary>
public sealed record PhaseTimings(TimeSpan Discovery, TimeSpan Parsing, TimeSpan Rules, TimeSpan Reporting)
{
    public TimeSpan Total => Discovery + Parsing + Rules + Reporting;
}

/// <summary>
/// Where a run's work went, in thread time summed over the worker threads (so on several cores it exceeds the phases'
/// wall time): reading and decoding files, parsing them, computing the shared facts (on first request, during the rules
/// phase), and the rules' file and repository actions without the facts they asked for; of those,
/// <paramref name="RepositoryActions"/> is the cross-file rules' share (with the facts they were first to ask for).
/// </summary>
public sealed record WorkTimings(TimeSpan Read, TimeSpan Parse, TimeSpan Facts, TimeSpan Rules, TimeSpan RepositoryActions);

/// <summary>
/// The cost of one kind of file in a run: CPU time summed over the files and threads (not wall time), so that kinds
/// can be compared; <see cref="Rules"/> covers the file actions registered for the kind, not repository actions.
/// </summary>
public sealed record KindTiming(FileKind Kind, int Files, TimeSpan Read, TimeSpan Parse, TimeSpan Rules);

/// <summary>
/// The cost of one analyzer in a run: its file actions and repository actions, summed over files and threads.
/// <see cref="Invocations"/> counts the actions run (one per file and file action, one per repository action).
/// </summary>
public sealed record AnalyzerTiming(string Analyzer, string RuleIds, int Invocations, TimeSpan Time);

/// <summary>The findings of one run, sorted by path, line, column and ID, and what the run did.</summary>
public sealed record LintResult(
    string RootFullPath,
    IReadOnlyList<Diagnostic> Diagnostics,
    int FilesDiscovered,
    int FilesAnalyzed,
    PhaseTimings Timings)
{
    /// <summary>Every rule the run could report, in ID order (for the SARIF driver).</summary>
    public IReadOnlyList<DiagnosticDescriptor> Rules { get; init; } = [];

    /// <summary>Read, parse and rule time per kind of file, for the kinds the run parsed (in <see cref="FileKind"/> order).</summary>
    public IReadOnlyList<KindTiming> KindTimings { get; init; } = [];

    /// <summary>Read, parse, facts and rules time, summed over the threads.</summary>
    public WorkTimings Work { get; init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Time per analyzer, in the order the analyzers ran.</summary>
    public IReadOnlyList<AnalyzerTiming> AnalyzerTimings { get; init; } = [];

    /// <summary>How many files were not scanned for secrets because they are binary (a NUL byte in their first 8 KiB).</summary>
    public int BinaryFilesSkipped { get; init; }

    /// <summary>How many findings the baseline suppressed.</summary>
    public int BaselineSuppressed { get; init; }

    /// <summary>How many findings inline suppression comments silenced.</summary>
    public int InlineSuppressed { get; init; }

    /// <summary>The files the run did not lint: skipped at discovery (links, limits) or when read (binary, too large, unreadable).</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>
    /// The discovered files whose contents nothing in the run read (in path order): no rule, no parser, no suppression or
    /// configuration read them, so a change to their contents alone cannot change the findings. The no-op cache
    /// leaves their size and time out of its fingerprint (their paths, kinds and emptiness stay in). Empty when custom
    /// analyzers ran: they may read files their own way.
    /// </summary>
    public IReadOnlyList<string> ContentNotRead { get; init; } = [];

    /// <summary>
    /// The files a later run may re-lint alone when only their contents changed (<see cref="LintEngine.Relint"/>): the
    /// MSBuild task's cache keeps them. Null when custom analyzers ran.
    /// </summary>
    public RelintableFiles? Relintable { get; init; }

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
