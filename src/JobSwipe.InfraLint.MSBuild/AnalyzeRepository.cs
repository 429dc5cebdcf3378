using System.Globalization;
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

    /// <summary>The findings file, with metadata <c>RunId</c> (unique per run), <c>Root</c> and <c>FromCache</c>.</summary>
    [Output]
    public ITaskItem? Run { get; set; }

    public override bool Execute()
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        string cachePath = Path.Combine(Path.GetFullPath(CacheDirectory), "findings.json");
        var options = new LintOptions(root)
        {
            Discovery = new DiscoveryOptions { ExcludeGlobs = Exclude.Where(e => !string.IsNullOrWhiteSpace(e)).ToArray() },
        };

        var discovery = LintEngine.Discover(options);
        string fingerprint = InputFingerprint.Compute(
            root,
            discovery.Files,
            extraInputs: [],
            optionValues: [PackageVersion ?? string.Empty, string.Join(';', options.Discovery.ExcludeGlobs)]);

        var cached = FindingsFile.TryRead(cachePath);
        bool fromCache = cached is not null && cached.Fingerprint == fingerprint && cached.Root == root;
        if (!fromCache)
        {
            var result = LintEngine.Run(options, discovery);
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

        var item = new TaskItem(cachePath);
        item.SetMetadata("RunId", Guid.NewGuid().ToString("N"));
        item.SetMetadata("Root", root);
        item.SetMetadata("FromCache", fromCache.ToString(CultureInfo.InvariantCulture));
        Run = item;
        return true;
    }
}
