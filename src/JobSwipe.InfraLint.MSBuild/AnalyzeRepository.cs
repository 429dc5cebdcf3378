using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Workspace;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace JobSwipe.InfraLint.MSBuild;

/// <summary>
/// Lints one root and writes its findings to <c>findings.json</c> in <see cref="CacheDirectory"/>. Runs inside the
/// package's analysis project, which MSBuild builds once per root per build however many projects ask
/// (its results are cached by global properties). When nothing changed since the last run (same files, sizes,
/// times, configuration and package) the previous findings are reused without parsing. Logs nothing itself:
/// the projects that asked report the findings (see <see cref="ReportFindings"/>).
/// </summary>
public sealed class AnalyzeRepository : Task
{
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

    /// <summary>The findings file, with metadata <c>RunId</c> (unique per run), <c>Root</c> and <c>FromCache</c>.</summary>
    [Output]
    public ITaskItem? Run { get; set; }

    public override bool Execute()
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        string[] analyzers = [.. Analyzers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => Path.GetFullPath(a.Trim())).Distinct(StringComparer.Ordinal)];
        string baselinePath = Path.GetFullPath(string.IsNullOrWhiteSpace(BaselineFile) ? Path.Combine(root, Baseline.DefaultFileName) : BaselineFile);
        var options = new LintOptions(root)
        {
            Discovery = new DiscoveryOptions { ExcludeGlobs = Exclude.Where(e => !string.IsNullOrWhiteSpace(e)).ToArray() },
            AnalyzerAssemblies = analyzers,
            BaselineFile = baselinePath,
        };

        // Projects with other analyzers or another baseline on the same root have their own analysis run (other global
        // properties) and so their own findings file: one run never reads the findings another one just wrote.
        string variant = analyzers.Length == 0 && baselinePath == Path.Combine(root, Baseline.DefaultFileName)
            ? "findings.json"
            : "findings-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', analyzers) + "\n" + baselinePath)), 0, 6) + ".json";
        string cachePath = Path.Combine(Path.GetFullPath(CacheDirectory), variant);

        if (UpdateBaseline)
        {
            var everything = LintEngine.Run(options with { BaselineFile = null });
            var baseline = Baseline.FromDiagnostics(everything.Diagnostics);
            try
            {
                baseline.Write(baselinePath);
                Log.LogMessage(MessageImportance.High, "InfraLint: wrote {0} finding(s) to the baseline {1}; from now on only new findings are reported.", everything.Diagnostics.Count, baselinePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.LogOwnFileFailure(baselinePath, "write the baseline file", ex.GetType().Name, "no finding was accepted into it");
            }
        }

        if (Fix)
        {
            ApplyFixes(options);
        }

        var discovery = LintEngine.Discover(options);
        string fingerprint = InputFingerprint.Compute(
            root,
            discovery.Files,
            extraInputs: [baselinePath, .. analyzers],
            optionValues: [PackageVersion ?? string.Empty, string.Join(';', options.Discovery.ExcludeGlobs), string.Join(';', analyzers), baselinePath, HashContents(baselinePath)]);

        var cached = FindingsFile.TryRead(cachePath);
        bool fromCache = !UpdateBaseline && cached is not null && cached.Fingerprint == fingerprint && cached.Root == root;
        IReadOnlyList<Diagnostics.DiagnosticDescriptor>? rules = null;
        if (!fromCache)
        {
            var result = LintEngine.Run(options, discovery);
            rules = result.Rules;
            cached = FindingsFile.From(result, fingerprint);
            try
            {
                cached.Write(cachePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Without a cache the next build lints again; the findings of this one are still reported.
                cachePath = Path.Combine(Path.GetTempPath(), "infralint", Guid.NewGuid().ToString("N"), "findings.json");
                cached.Write(cachePath);
            }
        }

        if (!string.IsNullOrWhiteSpace(SarifFile))
        {
            // The findings as the engine configured them (.editorconfig, suppressions, baseline): one file per root and
            // options, so the reporting project's NoWarn/WarningsAsErrors cannot apply to it.
            string sarifPath = Path.GetFullPath(SarifFile);
            try
            {
                SarifWriter.WriteFile(sarifPath, SarifWriter.Write(root, cached!.Findings, rules ?? LintEngine.GetRules(options)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.LogOwnFileFailure(sarifPath, "write the SARIF file", ex.GetType().Name, "the findings are still reported in the build");
            }
        }

        var item = new TaskItem(cachePath);
        item.SetMetadata("RunId", Guid.NewGuid().ToString("N"));
        item.SetMetadata("Root", root);
        item.SetMetadata("FromCache", fromCache.ToString(CultureInfo.InvariantCulture));
        Run = item;
        return true;
    }

    /// <summary>Fixes the files (opt-in: <c>-p:InfraLintFix=true</c>) and says what changed; the lint that follows sees the fixed files.</summary>
    private void ApplyFixes(LintOptions options)
    {
        var result = FixRunner.Run(options, new FixOptions { IncludeUnsafe = UnsafeFixes });
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
                Log.LogMessage(MessageImportance.High, "InfraLint: fixed {0} ({1})", Path.Combine(options.Root, change.RelativePath), string.Join(", ", change.RuleIds));
            }

            Log.LogMessage(MessageImportance.High, "InfraLint: applied {0} fix(es) in {1} file(s).", result.Applied, result.Changes.Count);
        }

        if (!UnsafeFixes && result.UnsafeFixesAvailable > 0)
        {
            Log.LogMessage(MessageImportance.High, "InfraLint: {0} more finding(s) have unsafe fixes (-p:InfraLintUnsafeFixes=true applies them).", result.UnsafeFixesAvailable);
        }
    }

    private static string HashContents(string path)
    {
        try
        {
            return File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
