using System.Collections.Concurrent;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;
using Diagnostic = JobSwipe.InfraLint.Diagnostics.Diagnostic;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// The files of a run that can be re-linted alone (see <see cref="LintEngine.Relint"/>): read by their own per-file
/// action and by nothing else that decides findings, of a kind no parser reads, text, not empty, and no finding but
/// their own action's touches them. Each is listed as the run saw it (its kind after compose fragments, its environment
/// after .editorconfig, its size and time at discovery), with the findings its suppression comments and the baseline
/// silenced there.
/// </summary>
public sealed record RelintableFiles(
    IReadOnlyList<WorkspaceFile> Files,
    IReadOnlyDictionary<string, int> InlineSuppressed,
    IReadOnlyDictionary<string, int> BaselineSuppressed);

/// <summary>
/// What re-linting some files alone gave: their findings as a whole run reports them (severities, suppressions,
/// fingerprints, order, baseline applied), and by path the findings suppression comments and the baseline silenced.
/// </summary>
public sealed record RelintResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, int> InlineSuppressed,
    IReadOnlyDictionary<string, int> BaselineSuppressed,
    IReadOnlyList<DiagnosticDescriptor> Rules);

public static partial class LintEngine
{
    /// <summary>
    /// Re-lints <paramref name="changed"/> alone: files a previous run listed in <see cref="LintResult.Relintable"/>
    /// (passed as that run saw them, with their new size and time) whose contents are all that changed since, other files
    /// whose contents the run did not read aside. Runs the per-file actions that choose them, then what a whole run does
    /// after the rules for findings in those files. A finding located in one of them comes only from its own action (no
    /// other finding touched them), and ownership, duplicates, suppressions, fingerprints and the baseline are decided
    /// per path, so these findings are exactly those a whole run would report there. Null when the files no longer
    /// qualify (an action read another file or asked for a fact, reported elsewhere, or was not chosen; a file is not text
    /// any more; custom analyzers; an unreadable baseline): the caller then lints the whole root.
    /// </summary>
    public static RelintResult? Relint(LintOptions options, DiscoveryResult discovery, IReadOnlyList<WorkspaceFile> changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(discovery);
        ArgumentNullException.ThrowIfNull(changed);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));
        if (!ReadsAreRecorded(options) || GetBaselinePath(options) is { } baselinePath && File.Exists(baselinePath) && Baseline.TryRead(baselinePath, out _) is null)
        {
            return null;
        }

        var analyzers = options.Analyzers;
        var (rules, knownIds) = DescribeRules(analyzers);
        // The configuration's own problems are in the cached findings already.
        var configuration = LoadConfiguration(options, root, discovery.Files, knownIds, []);
        var byPath = changed.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var repository = new Repository(root, [.. discovery.Files.Select(f => byPath.GetValueOrDefault(f.RelativePath) ?? f)], options.Discovery.MaxFileSize, options.Overlay);
        var failures = new ConcurrentBag<Diagnostic>();
        var registrations = InitializeAnalyzers(analyzers, failures);
        if (!failures.IsEmpty)
        {
            return null;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        var raw = new ConcurrentBag<Diagnostic>();
        var own = new ConcurrentDictionary<Diagnostic, byte>(ReferenceEqualityComparer.Instance);
        foreach (var context in registrations)
        {
            foreach (var action in context.PerFileActions)
            {
                try
                {
                    RunPerFileAction(context.Analyzer, action, repository, [.. changed.Select(f => repository.GetFile(f.RelativePath)!)], parallel, raw, own);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return null;
                }
            }
        }

        if (raw.Any(d => !own.ContainsKey(d)) || repository.UnreadFiles.Count > 0 || changed.Any(f => !repository.WasReadOnlyByItsOwnAction(f.RelativePath)))
        {
            return null;
        }

        // Reporting reads only the changed files: none of them is of a parsed kind, so Finish parses nothing else.
        var reporting = new Repository(root, [.. changed], options.Discovery.MaxFileSize, options.Overlay);
        var suppressedByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var (final, _, reported, _) = Report(raw, reporting, configuration, options, root, knownIds, suppressedByPath);
        return new RelintResult(reported, suppressedByPath, BaselinedByPath(final, reported), rules);
    }

    /// <summary>
    /// Runs a per-file action over the files it selects among <paramref name="candidates"/>, each in its file's read
    /// scope; a finding it reports in its own file alone is noted in <paramref name="own"/>.
    /// </summary>
    private static void RunPerFileAction(InfraAnalyzer analyzer, AnalysisContext.PerFileActionRegistration registration, Repository repository, IEnumerable<WorkspaceFile> candidates, ParallelOptions parallel, ConcurrentBag<Diagnostic> raw, ConcurrentDictionary<Diagnostic, byte> own)
    {
        var select = registration.Select(repository);
        Parallel.ForEach(candidates.Where(select), parallel, file =>
        {
            void Report(Diagnostic diagnostic)
            {
                raw.Add(diagnostic);
                if (diagnostic.AdditionalLocations.Prepend(diagnostic.Location).All(l => l.Path == file.RelativePath))
                {
                    own.TryAdd(diagnostic, 0);
                }
            }

            try
            {
                repository.RunPerFile(file, () => registration.Action(new RepositoryAnalysisContext(analyzer, repository, Report), file));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Report(RuleFailure(analyzer, file.RelativePath, ex));
            }
        });
    }

    /// <summary>Severity, suppressions, fingerprints, order, then the baseline: what follows the rules, reading files only to report.</summary>
    private static (List<Diagnostic> Final, int InlineSuppressed, IReadOnlyList<Diagnostic> Reported, int Baselined) Report(
        IReadOnlyCollection<Diagnostic> raw, Repository repository, IAnalyzerConfiguration configuration, LintOptions options, string root, IReadOnlySet<string> knownIds, Dictionary<string, int> suppressedByPath)
    {
        (List<Diagnostic>, int, IReadOnlyList<Diagnostic>, int) result = default;
        Repository.RunReporting(() =>
        {
            var final = Finish(FindingOwnership.RemoveRepeats(raw), repository, configuration, options.WarningPolicy, knownIds, options.MaxDegreeOfParallelism, out int inlineSuppressed, suppressedByPath);
            var (reported, baselined) = ApplyBaseline(final, options, root, configuration);
            result = (final, inlineSuppressed, reported, baselined);
        });
        return result;
    }

    /// <summary>The run's <see cref="RelintableFiles"/> (null with custom analyzers).</summary>
    private static RelintableFiles? Relintable(
        LintOptions options, IReadOnlyList<WorkspaceFile> files, Repository repository, IReadOnlyCollection<Diagnostic> raw, ConcurrentDictionary<Diagnostic, byte> own,
        IReadOnlyList<SkippedFile> skipped, IReadOnlyList<Diagnostic> final, IReadOnlyList<Diagnostic> reported, Dictionary<string, int> suppressedByPath)
    {
        if (!ReadsAreRecorded(options))
        {
            return null;
        }

        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in raw)
        {
            if (!own.ContainsKey(diagnostic))
            {
                touched.Add(diagnostic.Location.Path);
                touched.UnionWith(diagnostic.AdditionalLocations.Select(l => l.Path));
            }
        }

        touched.UnionWith(skipped.Select(s => s.RelativePath));
        touched.UnionWith(repository.UnreadFiles.Select(s => s.RelativePath));
        WorkspaceFile[] relintable =
        [
            .. files.Where(f => f.Length > 0 && !ParserRegistry.CanParse(f.Kind) && !IsReadOutsideRepository(f)
                && !touched.Contains(f.RelativePath) && repository.WasReadOnlyByItsOwnAction(f.RelativePath)),
        ];
        var paths = relintable.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        return new RelintableFiles(relintable, Only(suppressedByPath, paths), Only(BaselinedByPath(final, reported), paths));
    }

    /// <summary>The counts of the given paths (a loop, not LINQ over key-value pairs: see <see cref="FindingKey"/>).</summary>
    private static Dictionary<string, int> Only(Dictionary<string, int> counts, HashSet<string> paths)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in counts)
        {
            if (paths.Contains(pair.Key))
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }

    /// <summary>By path, how many of <paramref name="final"/>'s findings the baseline took out of <paramref name="reported"/>.</summary>
    private static Dictionary<string, int> BaselinedByPath(IReadOnlyList<Diagnostic> final, IReadOnlyList<Diagnostic> reported)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (final.Count == reported.Count)
        {
            return counts;
        }

        foreach (var diagnostic in final)
        {
            counts[diagnostic.Location.Path] = counts.GetValueOrDefault(diagnostic.Location.Path) + 1;
        }

        foreach (var diagnostic in reported)
        {
            counts[diagnostic.Location.Path]--;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in counts)
        {
            if (pair.Value > 0)
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }
}
