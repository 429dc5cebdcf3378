using System.Security.Cryptography;
using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// A file of InfraLint's own that it could not read or write (cache, SARIF, baseline): the arguments of JSI0006, which
/// the front-end logs. <see cref="Action"/> completes "InfraLint could not …"; <see cref="Consequence"/> says what it
/// means for this build.
/// </summary>
public sealed record OwnFileProblem(string Path, string Action, string Error, string Consequence)
{
    /// <summary>The findings file of a run was missing or not valid when a project came to report it.</summary>
    public static OwnFileProblem FindingsFileUnreadable(string path) =>
        new(path, "read its findings file", "missing or not valid", "the infrastructure files were not reported in this build");
}

/// <summary>The findings of one analysis: where they are kept, whether they came from the no-op cache, and the rules
/// the run knew (null on a cache hit: <see cref="CachedAnalysis.WriteSarif"/> then asks the engine).</summary>
public sealed record CachedFindings(FindingsFile Findings, string Path, bool FromCache, IReadOnlyList<DiagnosticDescriptor>? Rules);

/// <summary>One step of <see cref="CachedAnalysis.Analyze"/> and its wall time.</summary>
public sealed record AnalysisStep(string Name, TimeSpan Elapsed);

/// <summary>What <see cref="CachedAnalysis.UpdateBaseline"/> did: how many findings went into which file, or why none did.</summary>
public sealed record BaselineUpdate(string Path, int Findings, OwnFileProblem? Problem);

/// <summary>
/// The build's analysis of one root, with no MSBuild in it (the MSBuild task maps its parameters onto this and logs what
/// it returns). Findings are kept in <see cref="CachePath"/> (<c>findings.json</c> in the cache folder) with the
/// <see cref="InputFingerprint"/> of the run; when nothing changed since (same files, same sizes and times of the files
/// the run read, same configuration, baseline, analyzers and package) <see cref="Analyze"/> reuses them without parsing.
/// When only files that their own per-file action alone read changed (<see cref="LintResult.Relintable"/>, kept in a
/// <see cref="RelintState"/> beside the findings), it re-lints those files alone and keeps the other findings. Runs with
/// other analyzers or another baseline on the same root get a findings file of their own, so one never reads what
/// another just wrote.
/// </summary>
public sealed class CachedAnalysis
{
    /// <param name="root">The folder to lint.</param>
    /// <param name="cacheDirectory">Where the findings file is kept.</param>
    /// <param name="excludes">Globs of files and folders to skip, relative to the root; blank ones are ignored.</param>
    /// <param name="analyzers">Custom analyzer assemblies; blank ones are ignored, the others made absolute once each.</param>
    /// <param name="baselineFile">The baseline file, or null for the default under the root (used when it exists).</param>
    /// <param name="packageVersion">The package's identity, so that an upgrade invalidates the cache.</param>
    public CachedAnalysis(string root, string cacheDirectory, IEnumerable<string> excludes, IEnumerable<string> analyzers, string? baselineFile, string? packageVersion)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        string[] analyzerPaths = [.. analyzers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => Path.GetFullPath(a.Trim())).Distinct(StringComparer.Ordinal)];
        BaselinePath = Baseline.PathFor(Root, baselineFile);
        Options = new LintOptions(Root)
        {
            Discovery = new DiscoveryOptions { ExcludeGlobs = [.. excludes.Where(e => !string.IsNullOrWhiteSpace(e))] },
            AnalyzerAssemblies = analyzerPaths,
            BaselineFile = BaselinePath,
        };
        PackageVersion = packageVersion;

        string variant = analyzerPaths.Length == 0 && BaselinePath == Path.Combine(Root, Baseline.DefaultFileName)
            ? "findings.json"
            : "findings-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', analyzerPaths) + "\n" + BaselinePath)), 0, 6) + ".json";
        CachePath = Path.Combine(Path.GetFullPath(cacheDirectory), variant);
    }

    /// <summary>The linted root: full, without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>The baseline file (full path), applied when it exists.</summary>
    public string BaselinePath { get; }

    /// <summary>Where the findings are kept between builds.</summary>
    public string CachePath { get; }

    public string? PackageVersion { get; }

    /// <summary>The engine's options for this root.</summary>
    public LintOptions Options { get; }

    /// <summary>Writes today's findings to <see cref="BaselinePath"/> (<c>InfraLintUpdateBaseline</c>).</summary>
    public BaselineUpdate UpdateBaseline(CancellationToken cancellationToken = default)
    {
        var (baseline, findings) = Baseline.Capture(Options, cancellationToken);
        try
        {
            baseline.Write(BaselinePath);
            return new BaselineUpdate(BaselinePath, findings, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BaselineUpdate(BaselinePath, 0, new OwnFileProblem(BaselinePath, "write the baseline file", ex.GetType().Name, "no finding was accepted into it"));
        }
    }

    /// <summary>Applies the findings' fixes to the files (<c>InfraLintFix</c>); the analysis that follows sees the fixed files.</summary>
    public FixResult ApplyFixes(bool includeUnsafe, CancellationToken cancellationToken = default) =>
        FixRunner.Run(Options, new FixOptions { IncludeUnsafe = includeUnsafe }, cancellationToken);

    /// <summary>
    /// The root's findings: those of the last run when its fingerprint matches and <paramref name="reuse"/> allows it,
    /// else those of the last run with the changed files re-linted alone when only such files changed (see
    /// <see cref="LintEngine.Relint"/>), else a new run's; written to <see cref="CachePath"/>. When the cache folder cannot be written the findings go to a
    /// file of their own in the temporary folder (the next build lints again; this one still reports them).
    /// </summary>
    public CachedFindings Analyze(bool reuse = true, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _steps.Clear();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var discovery = LintEngine.Discover(Options);
        Step("discovery", clock);
        var cached = reuse ? FindingsFile.TryRead(CachePath) : null;
        Step("cache read", clock);
        if (cached is not null && cached.Root == Root)
        {
            bool unchanged = cached.Fingerprint == InputFingerprint.Compute(Options, discovery, PackageVersion, cached.ContentNotRead ?? []);
            Step("fingerprint", clock);
            if (unchanged)
            {
                return new CachedFindings(cached, CachePath, FromCache: true, Rules: null);
            }

            var relinted = TryRelint(cached, discovery, cancellationToken);
            Step("re-lint", clock);
            if (relinted is not null)
            {
                return relinted;
            }
        }

        var result = LintEngine.Run(Options, discovery, cancellationToken);
        Step("whole run", clock);
        string fingerprint = InputFingerprint.Compute(Options, discovery, PackageVersion, result.ContentNotRead);
        var findings = FindingsFile.From(result, fingerprint) with { ContentNotRead = result.ContentNotRead };
        RelintState? state = result.Relintable is { } relintable
            ? new RelintState(
                RelintState.CurrentVersion,
                fingerprint,
                InputFingerprint.Compute(Options, discovery, PackageVersion, result.ContentNotRead.Concat(relintable.Files.Select(f => f.RelativePath))),
                [.. relintable.Files.Select(RelintFile.From)],
                relintable.InlineSuppressed,
                relintable.BaselineSuppressed)
            : null;
        var stored = Store(findings, state, result.Rules);
        Step("store", clock);
        return stored;
    }

    /// <summary>
    /// The steps of the last <see cref="Analyze"/> and how long each took, in order (discovery, cache read, fingerprint,
    /// then re-lint or whole run and store when the cache did not match): the MSBuild task logs them with
    /// <c>-p:InfraLintTimings=true</c>.
    /// </summary>
    public IReadOnlyList<AnalysisStep> Steps => _steps;

    private readonly List<AnalysisStep> _steps = [];

    private void Step(string name, System.Diagnostics.Stopwatch clock)
    {
        _steps.Add(new AnalysisStep(name, clock.Elapsed));
        clock.Restart();
    }

    /// <summary>
    /// Re-lints the files that changed since <paramref name="cached"/> alone, when the cache's <see cref="RelintState"/>
    /// says that is exact: every file whose contents changed is one the last run could re-lint alone
    /// (<see cref="LintResult.Relintable"/>), and nothing else changed (the same paths, kinds and emptiness, the same
    /// sizes and times of the other files the run read, the same options). Their findings replace theirs in the cached
    /// ones; the others and the counts of the other files are kept. Null when that does not hold: lint everything.
    /// </summary>
    private CachedFindings? TryRelint(FindingsFile cached, DiscoveryResult discovery, CancellationToken cancellationToken)
    {
        if (RelintState.TryRead(RelintState.PathFor(CachePath)) is not { } state || state.Fingerprint != cached.Fingerprint
            || state.Partial != InputFingerprint.Compute(Options, discovery, PackageVersion, (cached.ContentNotRead ?? []).Concat(state.Files.Select(f => f.Path))))
        {
            return null;
        }

        // The partial fingerprint matched: the same paths, so every file of the state is still there.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var current = discovery.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var changed = new List<WorkspaceFile>();
        foreach (var file in state.Files)
        {
            if (current.GetValueOrDefault(file.Path) is not { } now)
            {
                return null;
            }

            if (file.HasChanged(now))
            {
                if (file.Restore(now) is not { } restored)
                {
                    return null;
                }

                changed.Add(restored);
            }
        }

        // Nothing changed that a per-file re-lint covers (the whole fingerprint differs for another reason), or so much that a whole run is as quick.
        if (changed.Count == 0 || changed.Count > Math.Max(MaxRelintedFiles, discovery.Files.Count / 4))
        {
            return null;
        }

        if (LintEngine.Relint(Options, discovery, changed, cancellationToken) is not { } relint)
        {
            return null;
        }

        var paths = changed.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        // Findings are in path order first (DiagnosticOrder): the changed files' findings, in their own order, take the place of theirs.
        FindingRecord[] merged =
        [
            .. cached.Findings.Where(f => !paths.Contains(f.Path)).Concat(relint.Diagnostics.Select(FindingRecord.From)).OrderBy(f => f.Path, StringComparer.Ordinal),
        ];
        var inline = Replace(state.InlineSuppressed, relint.InlineSuppressed, paths);
        var baselined = Replace(state.BaselineSuppressed, relint.BaselineSuppressed, paths);
        string fingerprint = InputFingerprint.Compute(Options, discovery, PackageVersion, cached.ContentNotRead ?? []);
        var findings = cached with
        {
            Fingerprint = fingerprint,
            ElapsedMs = clock.ElapsedMilliseconds,
            Findings = merged,
            InlineSuppressed = cached.InlineSuppressed - state.InlineSuppressed.Where(p => paths.Contains(p.Key)).Sum(p => p.Value) + relint.InlineSuppressed.Values.Sum(),
            BaselineSuppressed = cached.BaselineSuppressed - state.BaselineSuppressed.Where(p => paths.Contains(p.Key)).Sum(p => p.Value) + relint.BaselineSuppressed.Values.Sum(),
            Relinted = changed.Count,
        };
        var byPath = changed.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var next = state with
        {
            Fingerprint = fingerprint,
            Files = [.. state.Files.Select(f => byPath.TryGetValue(f.Path, out var now) ? RelintFile.From(now) : f)],
            InlineSuppressed = inline,
            BaselineSuppressed = baselined,
        };
        return Store(findings, next, relint.Rules);
    }

    /// <summary>Above this many changed files (or a quarter of the root's), a whole run is about as quick as re-linting them alone.</summary>
    private const int MaxRelintedFiles = 64;

    private static Dictionary<string, int> Replace(IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, int> changed, IReadOnlySet<string> paths) =>
        counts.Where(p => !paths.Contains(p.Key)).Concat(changed.Where(p => p.Value > 0)).ToDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Writes the findings to <see cref="CachePath"/> and the re-lint state beside them (removed when there is none);
    /// when the cache folder cannot be written, the findings go to a file of their own in the temporary folder.
    /// </summary>
    private CachedFindings Store(FindingsFile findings, RelintState? state, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        string path = CachePath;
        string statePath = RelintState.PathFor(CachePath);
        try
        {
            // The old state first: a state never describes findings it does not belong to (its fingerprint would not match anyway).
            if (File.Exists(statePath))
            {
                File.Delete(statePath);
            }

            findings.Write(path);
            state?.Write(statePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            path = Path.Combine(Path.GetTempPath(), "infralint", Guid.NewGuid().ToString("N"), "findings.json");
            findings.Write(path);
        }

        return new CachedFindings(findings, path, FromCache: false, rules);
    }

    /// <summary>
    /// Writes <paramref name="run"/>'s findings as SARIF 2.1.0 to <paramref name="path"/>, as the engine configured them
    /// (.editorconfig, suppressions, baseline: no project's NoWarn applies); the problem when the file cannot be written.
    /// </summary>
    public OwnFileProblem? WriteSarif(string path, CachedFindings run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string full = Path.GetFullPath(path);
        try
        {
            SarifWriter.WriteFile(full, SarifWriter.Write(Root, run.Findings.Findings, run.Rules ?? LintEngine.GetRules(Options)));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new OwnFileProblem(full, "write the SARIF file", ex.GetType().Name, "the findings are still reported in the build");
        }
    }

    /// <summary>
    /// Claims the reporting of a run: atomically creates a claim file named <paramref name="runId"/> beside the findings
    /// file, so that exactly one of the projects of a build that share a run logs its findings. True for the first claim
    /// (and when claiming is impossible, such as in a read-only folder: better twice than never); claims older than an
    /// hour are removed. A run without an ID, which a project analysed alone (<see cref="LintingProjects"/>), is shared
    /// by nobody: true without a claim file.
    /// </summary>
    public static bool TryClaim(string findingsPath, string runId)
    {
        if (string.IsNullOrEmpty(runId))
        {
            return true;
        }

        string directory = Path.Combine(Path.GetDirectoryName(findingsPath)!, "claims");
        try
        {
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
        catch (IOException) when (File.Exists(Path.Combine(directory, runId)))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
