using System.Globalization;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>
/// Lints one root and writes its findings to <c>findings.json</c> in <see cref="CacheDirectory"/>. Runs inside the
/// package's analysis project, which MSBuild builds once per root per build however many projects ask
/// (its results are cached by global properties). MSBuild glue only: the analysis, its no-op cache, the baseline and
/// SARIF are <see cref="CachedAnalysis"/>'s. Logs no finding itself: the projects that asked report them (see
/// <see cref="ReportFindings"/>).
/// </summary>
public sealed class AnalyzeRepository : Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string Root { get; set; } = string.Empty;

    [Required]
    public string CacheDirectory { get; set; } = string.Empty;

    /// <summary>Globs of files and folders to skip, relative to the root (<c>InfraLintExclude</c> items).</summary>
    public string[] Exclude { get; set; } = [];

    /// <summary>The package version, so an upgrade invalidates the cache.</summary>
    public string? PackageVersion { get; set; }

    /// <summary>The baseline file (<c>InfraLintBaselineFile</c>, absolute), applied when it exists.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>When true (<c>InfraLintUpdateBaseline</c>), writes today's findings to <see cref="BaselineFile"/> first.</summary>
    public bool UpdateBaseline { get; set; }

    /// <summary>Where to write the findings as SARIF 2.1.0 (<c>InfraLintSarifFile</c>, absolute); empty for none.</summary>
    public string? SarifFile { get; set; }

    /// <summary>Custom analyzer assemblies (<c>InfraLintAnalyzer</c> items, absolute paths).</summary>
    public string[] Analyzers { get; set; } = [];

    /// <summary>When true (<c>InfraLintFix</c>), applies the findings' safe fixes to the files before linting them.</summary>
    public bool Fix { get; set; }

    /// <summary>With <see cref="Fix"/> (<c>InfraLintUnsafeFixes</c>), applies the unsafe fixes too.</summary>
    public bool UnsafeFixes { get; set; }

    /// <summary>
    /// When true (<c>InfraLintTimings</c>), logs how long the task's steps took (discovery, cache read, fingerprint…) at
    /// the default verbosity: a diagnostic for the no-op build's cost, off by default.
    /// </summary>
    public bool Timings { get; set; }

    /// <summary>The findings file, with metadata <c>RunId</c> (unique per run), <c>Root</c> and <c>FromCache</c>.</summary>
    [Output]
    public ITaskItem? Run { get; set; }

    /// <summary>Stops the run (Ctrl+C, or the IDE cancelling the build): <see cref="Execute"/> then returns false.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        var clock = Timings ? System.Diagnostics.Stopwatch.StartNew() : null;
        var analysis = new CachedAnalysis(Root, CacheDirectory, Exclude, Analyzers, string.IsNullOrWhiteSpace(BaselineFile) ? null : BaselineFile, PackageVersion);
        try
        {
            if (UpdateBaseline)
            {
                var update = analysis.UpdateBaseline(_cancellation.Token);
                if (update.Problem is { } problem)
                {
                    Log.LogOwnFileFailure(problem);
                }
                else
                {
                    Log.LogMessage(MessageImportance.High, "InfraLint: wrote {0} finding(s) to the baseline {1}; from now on only new findings are reported.", update.Findings, update.Path);
                }
            }

            if (Fix)
            {
                LogFixes(analysis.Root, analysis.ApplyFixes(UnsafeFixes, _cancellation.Token));
            }

            var run = analysis.Analyze(reuse: !UpdateBaseline, _cancellation.Token);
            if (!string.IsNullOrWhiteSpace(SarifFile) && analysis.WriteSarif(SarifFile, run) is { } sarifProblem)
            {
                Log.LogOwnFileFailure(sarifProblem);
            }

            if (clock is not null)
            {
                Log.LogMessage(
                    MessageImportance.High,
                    "InfraLint timings: {0}; the task {1} ms in all{2}.",
                    string.Join(", ", analysis.Steps.Select(s => s.Name + " " + s.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms")),
                    clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                    run.FromCache ? " (no-op: reported from the cache)" : string.Empty);
            }

            var item = new TaskItem(run.Path);
            item.SetMetadata("RunId", Guid.NewGuid().ToString("N"));
            item.SetMetadata("Root", analysis.Root);
            item.SetMetadata("FromCache", run.FromCache.ToString(CultureInfo.InvariantCulture));
            Run = item;
            return true;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.Normal, "InfraLint: canceled; the infrastructure files under {0} were not linted.", analysis.Root);
            return false;
        }
    }

    /// <summary>Says what the fixes (opt-in: <c>-p:InfraLintFix=true</c>) changed.</summary>
    private void LogFixes(string root, FixResult result)
    {
        foreach (string note in result.Notes)
        {
            Log.LogMessage(MessageImportance.High, "InfraLint: {0}", note);
        }

        foreach (string error in result.Errors)
        {
            Log.LogWarning("InfraLint could not apply its fixes: {0}", error);
        }

        if (result.Written)
        {
            foreach (var change in result.Changes)
            {
                Log.LogMessage(MessageImportance.High, "InfraLint: fixed {0} ({1})", Path.Combine(root, change.RelativePath), string.Join(", ", change.RuleIds));
            }

            Log.LogMessage(MessageImportance.High, "InfraLint: applied {0} fix(es) in {1} file(s).", result.Applied, result.Changes.Count);
        }

        if (!UnsafeFixes && result.UnsafeFixesAvailable > 0)
        {
            Log.LogMessage(MessageImportance.High, "InfraLint: {0} more finding(s) have unsafe fixes (-p:InfraLintUnsafeFixes=true applies them).", result.UnsafeFixesAvailable);
        }
    }
}
