using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>Everything one run needs. Only <see cref="Root"/> is required.</summary>
public sealed record LintOptions(string Root)
{
    public DiscoveryOptions Discovery { get; init; } = new();

    private readonly IReadOnlyList<InfraAnalyzer>? _analyzers;

    /// <summary>
    /// The analyzers to run: the built-in catalog by default, plus any custom ones. The catalog is created on first use,
    /// so a caller that only discovers files (the MSBuild task's no-op check) does not pay for it.
    /// </summary>
    public IReadOnlyList<InfraAnalyzer> Analyzers
    {
        get => _analyzers ?? AnalyzerCatalog.BuiltIn;
        init => _analyzers = value;
    }

    /// <summary>Paths of teams' assemblies whose public analyzers run too (see docs/custom-rules.md).</summary>
    public IReadOnlyList<string> AnalyzerAssemblies { get; init; } = [];

    /// <summary>Reads .editorconfig under and above the root unless set explicitly.</summary>
    public Func<string, IReadOnlyList<WorkspaceFile>, IReadOnlySet<string>, IAnalyzerConfiguration>? ConfigurationLoader { get; init; }

    /// <summary>MSBuild's NoWarn / WarningsAsErrors / TreatWarningsAsErrors, applied last.</summary>
    public WarningPolicy WarningPolicy { get; init; } = WarningPolicy.None;

    /// <summary>
    /// The baseline file (absolute, or relative to <see cref="Root"/>), applied after severities and suppressions when it
    /// exists; null for none. The tool and the task default it to <see cref="Baseline.DefaultFileName"/> under the root.
    /// </summary>
    public string? BaselineFile { get; init; }

    /// <summary>
    /// File contents to lint instead of what is on disk, by path relative to the root (forward slashes): the fix runner
    /// lints its pending edits this way before it writes anything. Null or empty: the files on disk.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]>? Overlay { get; init; }

    /// <summary>How many files are analysed at once; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
