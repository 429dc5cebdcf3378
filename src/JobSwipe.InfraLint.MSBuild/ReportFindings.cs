using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Text;
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
public sealed class ReportFindings : Task
{
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

    public override bool Execute()
    {
        var policy = WarningPolicy.FromProperties(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        foreach (var run in Runs)
        {
            string resultsPath = run.ItemSpec;
            string root = run.GetMetadata("Root");
            var findings = FindingsFile.TryRead(resultsPath);
            if (findings is null)
            {
                if (policy.Apply(EngineDescriptors.OwnFileFailed.Id, EngineDescriptors.OwnFileFailed.DefaultSeverity) > DiagnosticSeverity.Hidden)
                {
                    Log.LogOwnFileFailure(resultsPath, "read its findings file", "missing or not valid", "the infrastructure files were not reported in this build");
                }

                continue;
            }

            if (!TryClaim(resultsPath, run.GetMetadata("RunId")))
            {
                Log.LogMessage(MessageImportance.Low, "InfraLint: the findings for {0} are reported by another project of this build.", root);
                continue;
            }

            int errors = 0, warnings = 0, infos = 0;
            foreach (var finding in findings.Findings)
            {
                var severity = policy.Apply(finding.RuleId, finding.ParsedSeverity);
                // A repository-level finding (no path) is logged against the project file with no line, as NuGet's
                // project-level warnings are; a whole-file finding (line 0) against its file without a line.
                string file = finding.Path.Length == 0
                    ? ProjectFile ?? BuildEngine.ProjectFileOfTaskNode
                    : DisplayText.Escape(CanonicalFormatter.GetFullPath(new Location(finding.Path, default), findings.Root));
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
            Log.LogMessage(MessageImportance.High, "{0}", summary.Format("InfraLint", fromCache ? " (unchanged since the last build: findings re-reported from the cache)" : null));
            if (summary.FormatSkipped("InfraLint") is { } skipped)
            {
                Log.LogMessage(MessageImportance.High, "{0}", skipped);
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Atomically creates a claim file for the run; exactly one project of a build succeeds.</summary>
    private static bool TryClaim(string resultsPath, string runId)
    {
        if (string.IsNullOrEmpty(runId))
        {
            return true;
        }

        try
        {
            string directory = Path.Combine(Path.GetDirectoryName(resultsPath)!, "claims");
            Directory.CreateDirectory(directory);
            foreach (var stale in new DirectoryInfo(directory).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)))
            {
                try
                {
                    stale.Delete();
                }
                catch (IOException)
                {
                }
            }

            using var claim = new FileStream(Path.Combine(directory, runId), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            return true;
        }
        catch (IOException) when (File.Exists(Path.Combine(Path.GetDirectoryName(resultsPath)!, "claims", runId)))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cannot claim (read-only folder): report rather than lose the findings.
            return true;
        }
    }
}
