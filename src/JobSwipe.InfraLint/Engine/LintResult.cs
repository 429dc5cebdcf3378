using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Engine;

/// <summary>Time spent in each phase of a run.</summary>
public sealed record PhaseTimings(TimeSpan Discovery, TimeSpan Parsing, TimeSpan Rules, TimeSpan Reporting)
{
    public TimeSpan Total => Discovery + Parsing + Rules + Reporting;
}

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

    /// <summary>How many findings the baseline suppressed.</summary>
    public int BaselineSuppressed { get; init; }

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
