using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>
/// Logs a run's findings in the calling project: one MSBuild warning, error or message per finding, with absolute
/// path, line, column, end line, end column, rule ID and help link, then one summary line at the default verbosity. The project's
/// <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and <c>TreatWarningsAsErrors</c> apply.
/// When several projects of one build lint the same root, the first to claim the run reports it and the others
/// log a low-importance note, so each finding appears once.
/// </summary>
public sealed class ReportFindings : Task, ICancelableTask
{
    private volatile bool _canceled;

    [Required]
    public ITaskItem[] Runs { get; set; } = [];

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public string? TreatWarningsAsErrors { get; set; }

    /// <summary>The reporting project (<c>$(MSBuildProjectFullPath)</c>): where repository-level findings are logged.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The number of error findings this project logged.</summary>
    [Output]
    public int ErrorCount { get; set; }

    /// <summary>Stops reporting (Ctrl+C): no further finding is logged and <see cref="Execute"/> returns false.</summary>
    public void Cancel() => _canceled = true;

    public override bool Execute()
    {
        var policy = WarningPolicy.FromProperties(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        foreach (var run in Runs)
        {
            if (_canceled)
            {
                return false;
            }

            string resultsPath = run.ItemSpec;
            string root = run.GetMetadata("Root");
            var findings = FindingsFile.TryRead(resultsPath);
            if (findings is null)
            {
                if (policy.Apply(EngineDescriptors.OwnFileFailed.Id, EngineDescriptors.OwnFileFailed.DefaultSeverity) > DiagnosticSeverity.Hidden)
                {
                    Log.LogOwnFileFailure(OwnFileProblem.FindingsFileUnreadable(resultsPath));
                }

                continue;
            }

            if (!CachedAnalysis.TryClaim(resultsPath, run.GetMetadata("RunId")))
            {
                Log.LogMessage(MessageImportance.Low, "InfraLint: the findings for {0} are reported by another project of this build.", root);
                continue;
            }

            int errors = 0, warnings = 0, infos = 0;
            foreach (var finding in findings.Findings)
            {
                if (_canceled)
                {
                    return false;
                }

                var severity = policy.Apply(finding.RuleId, finding.ParsedSeverity);
                // A repository-level finding (no path) is logged against the project file with no line, as NuGet's
                // project-level warnings are; a whole-file finding (line 0) against its file without a line.
                string file = finding.Path.Length == 0
                    ? ProjectFile ?? BuildEngine.ProjectFileOfTaskNode
                    : CanonicalFormatter.DisplayPath(finding.Path, findings.Root);
                switch (severity)
                {
                    case DiagnosticSeverity.Error:
                        errors++;
                        Log.LogError(null, finding.RuleId, null, finding.HelpUri, file, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", finding.DisplayMessage);
                        break;
                    case DiagnosticSeverity.Warning:
                        warnings++;
                        Log.LogWarning(null, finding.RuleId, null, finding.HelpUri, file, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", finding.DisplayMessage);
                        break;
                    case DiagnosticSeverity.Info:
                        infos++;
                        Log.LogMessage(null, finding.RuleId, null, file, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, MessageImportance.Normal, "{0}", finding.DisplayMessage);
                        break;
                }
            }

            ErrorCount += errors;
            bool fromCache = string.Equals(run.GetMetadata("FromCache"), "true", StringComparison.OrdinalIgnoreCase);
            var summary = findings.Summarize(errors, warnings, infos);
            // At the default verbosity (high importance), like the tool's summary on standard error.
            string? source = fromCache
                ? " (unchanged since the last build: findings re-reported from the cache)"
                : findings.Relinted is int relinted ? $" ({relinted} changed file(s) re-linted alone, the other findings from the cache)" : null;
            Log.LogMessage(MessageImportance.High, "{0}", summary.Format("InfraLint", source));
            if (summary.FormatSkipped("InfraLint") is { } skipped)
            {
                Log.LogMessage(MessageImportance.High, "{0}", skipped);
            }
        }

        return !Log.HasLoggedErrors;
    }
}
