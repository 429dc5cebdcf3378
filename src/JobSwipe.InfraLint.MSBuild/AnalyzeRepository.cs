using System.Globalization;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>
/// Lints one root and writes its findings to <c>findings.json</c> in <see cref="CacheDirectory"/>. Called twice over:
/// in the consumer's <c>InfraLint</c> target with <see cref="ReportingProject"/> set, where it analyses the root itself
/// when that project is the only one an earlier build registered for the root (<see cref="LintingProjects"/>) and
/// otherwise registers the project and sets <see cref="Delegated"/>; and then (when delegated) inside the package's
/// analysis project, which MSBuild builds once per root per build however many projects ask (its results are cached by
/// global properties). MSBuild glue only: the analysis, its no-op cache, the baseline and SARIF are
/// <see cref="CachedAnalysis"/>'s. Logs no finding itself: the projects that asked report them (see
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

    /// <summary>
    /// The project asking (<c>$(MSBuildProjectFullPath)</c>) when the task is called in that project's own target rather
    /// than in the shared analysis project: the task then analyses only when that project may do so alone (see
    /// <see cref="Delegated"/>).
    /// </summary>
    public string? ReportingProject { get; set; }

    /// <summary>
    /// With <see cref="ReportingProject"/>: true when the task did not analyse because other projects lint the root too,
    /// or none registered this one before, or this build of the project is one of a target framework or runtime (then
    /// the caller asks the shared analysis project, which runs once for all of them).
    /// </summary>
    [Output]
    public bool Delegated { get; set; }

    /// <summary>
    /// The findings file, with metadata <c>Root</c>, <c>FromCache</c> and, from the shared analysis project,
    /// <c>RunId</c> (unique per run: the first project to claim it reports it); a project that analysed alone has no
    /// <c>RunId</c> to claim.
    /// </summary>
    [Output]
    public ITaskItem? Run { get; set; }

    /// <summary>
    /// Global properties by which a build of a project is one of its target frameworks or runtimes, built beside
    /// others of the same project in one build; the shared analysis project's call removes them, so such builds share a run.
    /// </summary>
    private static readonly string[] PerTargetProperties = ["TargetFramework", "RuntimeIdentifier", "SelfContained", "PlatformTarget"];

    /// <summary>Stops the run (Ctrl+C, or the IDE cancelling the build): <see cref="Execute"/> then returns false.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        var clock = Timings ? System.Diagnostics.Stopwatch.StartNew() : null;
        // Called in the reporting project's own target: analyse here only when that project lints this root alone.
        bool direct = !string.IsNullOrWhiteSpace(ReportingProject);
        string? registry = null;
        if (direct)
        {
            bool alone = !BuiltPerTarget() && new LintingProjects(CacheDirectory).RegisteredAlone(ReportingProject!);
            registry = "project registry " + Milliseconds(clock);
            if (!alone)
            {
                Delegated = true;
                if (clock is not null)
                {
                    Log.LogMessage(MessageImportance.High, "InfraLint timings: {0}; the root is analysed once for the projects that lint it.", registry);
                }

                return true;
            }
        }

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
                    string.Join(", ", (direct ? new[] { registry! } : []).Concat(analysis.Steps.Select(s => s.Name + " " + Milliseconds(s.Elapsed)))),
                    clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                    run.FromCache ? " (no-op: reported from the cache)" : string.Empty);
            }

            var item = new TaskItem(run.Path);
            if (!direct)
            {
                item.SetMetadata("RunId", Guid.NewGuid().ToString("N"));
            }

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

    /// <summary>Whether this build of the project has a global target framework, runtime or platform target (<see cref="PerTargetProperties"/>).</summary>
    private bool BuiltPerTarget() =>
        BuildEngine is IBuildEngine6 engine && engine.GetGlobalProperties().Keys.Any(name => PerTargetProperties.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static string Milliseconds(System.Diagnostics.Stopwatch? clock) => clock is null ? "-" : Milliseconds(clock.Elapsed);

    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

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
