using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using Diagnostic = JobSwipe.InfraLint.Diagnostics.Diagnostic;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// Runs the analyzers over one repository root: discovery, parsing (each file once, in parallel), file actions in
/// parallel, repository actions, then severity, suppressions and ordering. No input makes it throw: a file that
/// cannot be read or parsed becomes JSI0001/JSI0003, a rule that throws becomes JSI0004 and the rest go on.
/// </summary>
public static partial class LintEngine
{
    /// <summary>Finds and classifies the files under the root (the first phase of <see cref="Run"/>).</summary>
    public static DiscoveryResult Discover(LintOptions options) =>
        RepositoryDiscovery.Discover(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root)), options.Discovery);

    /// <summary>Lints the root. Pass <paramref name="discovery"/> when the caller already discovered the files.</summary>
    public static LintResult Run(LintOptions options, DiscoveryResult? discovery = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));
        var clock = Stopwatch.StartNew();
        var raw = new ConcurrentBag<Diagnostic>();

        // Discovery.
        discovery ??= RepositoryDiscovery.Discover(root, options.Discovery);

        // Custom analyzers from the teams' assemblies join the built-in ones; load problems are JSI0002.
        var analyzers = options.Analyzers;
        if (options.AnalyzerAssemblies.Count > 0)
        {
            var loaded = AnalyzerAssemblyLoader.Load(options.AnalyzerAssemblies, root);
            analyzers = [.. analyzers, .. loaded.Analyzers];
            foreach (var problem in loaded.Problems)
            {
                raw.Add(problem);
            }
        }

        var (rules, knownIds) = DescribeRules(analyzers);
        var configuration = LoadConfiguration(options, root, discovery.Files, knownIds, raw);
        var files = discovery.Files
            .Select(f => configuration.GetEnvironment(f.FullPath) is { } environment && environment != f.Environment ? f with { Environment = environment } : f)
            .ToArray();
        var repository = new Repository(root, files, options.Discovery.MaxFileSize, options.Overlay);
        var discoveryTime = clock.Elapsed;

        // Parsing: every file of a kind that has a parser, once, in parallel. The YAML files that scripts, CI workflows and
        // the like pass to docker compose become compose files; only files of no parsed kind (FileKind.Other) can, so every
        // file of a parsed kind is parsed in one pass first, scripts and CI workflows (which name the fragments) leading,
        // and the fragments found after it (WithFiles keeps the models parsed here).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        var parsed = new ConcurrentBag<LoadedFile>();
        void Parse(WorkspaceFile file)
        {
            var loaded = repository.Load(file);
            parsed.Add(loaded);
            ReportLoadProblems(loaded, raw);
        }

        WorkspaceFile[] parsedFirst =
        [
            .. repository.GetFiles(FileKind.ShellScript),
            .. repository.GetFiles(FileKind.CiWorkflow),
            .. files.Where(f => ParserRegistry.CanParse(f.Kind) && f.Kind is not (FileKind.ShellScript or FileKind.CiWorkflow)),
        ];
        Parallel.ForEach(parsedFirst, parallel, Parse);
        var fragments = ComposeFragments.Find(repository);
        if (fragments.Count > 0)
        {
            files = [.. files.Select(f => fragments.Contains(f.RelativePath) ? f with { Kind = FileKind.Compose, Environment = configuration.GetEnvironment(f.FullPath) ?? FileClassifier.ClassifyEnvironment(f.RelativePath, FileKind.Compose) } : f)];
            repository = repository.WithFiles(files);
            Parallel.ForEach(files.Where(f => fragments.Contains(f.RelativePath)), parallel, Parse);
        }

        var analyzable = files.Where(f => ParserRegistry.CanParse(f.Kind)).ToArray();
        var parsingTime = clock.Elapsed - discoveryTime;
        var costs = new RunCosts(analyzers.Count);
        foreach (var loaded in parsed)
        {
            costs.AddLoad(loaded);
        }

        // Rules. The actions are bound in plain arrays (no LINQ over tuples or kinds): ReadyToRun cannot precompile
        // framework generics over value types, so each such instantiation would be JIT-compiled on every run.
        var registrations = InitializeAnalyzers(analyzers, raw);
        var actionsByKind = FileActionsByKind(registrations);
        Action<Diagnostic> report = raw.Add; // one delegate for the run, not one per action call
        var ready = parsed.Where(l => l.Model is not null && l.Errors.Count == 0 && actionsByKind[FileKinds.Index(l.File.Kind)] is not null).OrderBy(l => l.File.RelativePath, StringComparer.Ordinal).ToArray();

        // Per-file actions run beside the repository actions; the findings each reports in its own file are kept apart, so
        // the cache knows which files nothing else reports in (RelintableFiles).
        var ownFindings = new ConcurrentDictionary<Diagnostic, byte>(ReferenceEqualityComparer.Instance);
        var repositoryActions = new List<BoundAction<Action<RepositoryAnalysisContext>>>();
        for (int index = 0; index < registrations.Count; index++)
        {
            var context = registrations[index];
            foreach (var action in context.RepositoryActions)
            {
                repositoryActions.Add(new(context.Analyzer, index, action));
            }

            foreach (var perFile in context.PerFileActions)
            {
                repositoryActions.Add(new(context.Analyzer, index, c => RunPerFileAction(context.Analyzer, perFile, c.Repository, c.Repository.Files, parallel, raw, ownFindings)));
            }
        }

        // The built-in analyzers' repository actions and every file action share one parallel loop, the repository actions
        // (one long item each) handed out first and the files after them one at a time, so that neither core waits at the
        // end of the file actions for a long repository action, or the reverse. Built-in rules keep nothing between their
        // actions; a custom analyzer's repository actions still start after every file action, which they may rely on.
        // A thread that needs a fact another one is computing runs pending file actions meanwhile instead of blocking.
        var shared = repositoryActions.Where(a => IsBuiltIn(a.Analyzer)).ToArray();
        var after = repositoryActions.Where(a => !IsBuiltIn(a.Analyzer)).ToArray();
        int nextShared = -1;
        int nextFile = -1;
        bool RunNextFile()
        {
            int i = Interlocked.Increment(ref nextFile);
            if (i >= ready.Length || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            long start = Stopwatch.GetTimestamp();
            RunFileActions(ready[i]);
            t_helpedTicks += Stopwatch.GetTimestamp() - start;
            return true;
        }

        repository.Facts.WhileWaiting = RunNextFile;
        try
        {
            // One item per unit of work, each taking the next repository action, else the next file (a waiting thread may
            // have taken some files already, so the last items can find nothing left).
            Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, shared.Length + ready.Length), EnumerablePartitionerOptions.NoBuffering), parallel, _ =>
            {
                int i = Interlocked.Increment(ref nextShared);
                if (i < shared.Length)
                {
                    RunRepositoryAction(shared[i]);
                }
                else
                {
                    RunNextFile();
                }
            });
        }
        finally
        {
            repository.Facts.WhileWaiting = null;
        }

        Parallel.ForEach(after, parallel, RunRepositoryAction);

        void RunFileActions(LoadedFile loaded)
        {
            var actions = actionsByKind[FileKinds.Index(loaded.File.Kind)]!;
            long first = Stopwatch.GetTimestamp();
            long start = first;
            foreach (var bound in actions)
            {
                try
                {
                    bound.Action.Invoke(loaded.File, loaded.Model!, repository, report);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    raw.Add(RuleFailure(bound.Analyzer, loaded.File.RelativePath, ex));
                }

                long end = Stopwatch.GetTimestamp();
                costs.AddAnalyzer(bound.Index, end - start);
                start = end;
            }

            costs.AddRules(loaded.File.Kind, start - first);
        }

        void RunRepositoryAction(BoundAction<Action<RepositoryAnalysisContext>> item)
        {
            long start = Stopwatch.GetTimestamp();
            long helped = t_helpedTicks;
            try
            {
                item.Action(new RepositoryAnalysisContext(item.Analyzer, repository, report));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                raw.Add(RuleFailure(item.Analyzer, ".", ex));
            }

            // The file actions this thread ran while the action waited for a fact are timed as theirs, not the action's.
            long ticks = Stopwatch.GetTimestamp() - start - (t_helpedTicks - helped);
            costs.AddAnalyzer(item.Index, ticks);
            costs.AddRepositoryAction(ticks);
        }

        var rulesTime = clock.Elapsed - discoveryTime - parsingTime;

        // The files not linted, each JSI0003 and named in the summary: skipped at discovery, when read for parsing, or when
        // a rule read them as text. Binary files no parser wanted are only counted.
        var unread = repository.UnreadFiles;
        SkippedFile[] skippedFiles =
        [
            .. discovery.Skipped
                .Concat(parsed.Where(l => l.SkipReason is not null).Select(l => new SkippedFile(l.File.RelativePath, l.SkipReason!)))
                .Concat(unread.Where(f => f.Reason != FileContent.BinaryReason))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal),
        ];
        foreach (var skipped in skippedFiles)
        {
            raw.Add(Diagnostic.Create(EngineDescriptors.FileSkipped, Location.ForPath(skipped.RelativePath), skipped.RelativePath, skipped.Reason));
        }

        // Severity, suppressions, fingerprints, order, then the baseline.
        var suppressedByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var (final, inlineSuppressed, reported, baselined) = Report(raw, repository, configuration, options, root, knownIds, suppressedByPath);
        var reportingTime = clock.Elapsed - discoveryTime - parsingTime - rulesTime;
        return new LintResult(root, reported, files.Length, analyzable.Length, new PhaseTimings(discoveryTime, parsingTime, rulesTime, reportingTime))
        {
            BaselineSuppressed = baselined,
            BinaryFilesSkipped = unread.Count(f => f.Reason == FileContent.BinaryReason),
            InlineSuppressed = inlineSuppressed,
            Skipped = skippedFiles,
            ContentNotRead = ContentNotRead(options, files, repository),
            Relintable = Relintable(options, files, repository, raw, ownFindings, skippedFiles, final, reported, suppressedByPath),
            Rules = rules,
            KindTimings = costs.GetKindTimings(),
            Work = costs.GetWorkTimings(repository.Facts.ComputeTime),
            AnalyzerTimings = costs.GetAnalyzerTimings([.. registrations.Select(r => r.Analyzer)]),
        };
    }

    // The time this thread spent in file actions it ran while waiting for a fact (see FactCache.WhileWaiting).
    [ThreadStatic]
    private static long t_helpedTicks;

    /// <summary>An analyzer of this assembly (the built-in rules), not one loaded from a team's assembly.</summary>
    private static bool IsBuiltIn(InfraAnalyzer analyzer) => analyzer.GetType().Assembly == typeof(LintEngine).Assembly;

    private static (DiagnosticDescriptor[] Rules, HashSet<string> KnownIds) DescribeRules(IReadOnlyList<InfraAnalyzer> analyzers)
    {
        var rules = AnalyzerCatalog.EngineDescriptors.Concat(analyzers.SelectMany(SafeSupported)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        // Every built-in ID is known even when a run uses a subset of the analyzers, so a suppression of one is never "unknown".
        return (rules, new HashSet<string>(rules.Concat(AnalyzerCatalog.AllDescriptors).Select(d => d.Id), StringComparer.Ordinal));
    }

    /// <summary>
    /// The files whose contents the run never read. Besides the repository's reads, the configuration reads every
    /// .editorconfig and the git helpers read a <c>.git</c> file (a worktree's pointer) directly: those always count as
    /// read. With custom analyzers every file does.
    /// </summary>
    private static string[] ContentNotRead(LintOptions options, IReadOnlyList<WorkspaceFile> files, Repository repository) =>
        !ReadsAreRecorded(options)
            ? []
            : [.. files.Where(f => !IsReadOutsideRepository(f) && !repository.WasContentRead(f.RelativePath)).Select(f => f.RelativePath)];

    /// <summary>
    /// True when every read of the run goes through the repository, which records it: the built-in analyzers only (custom
    /// ones may read files their own way). The no-op cache's unread files and the per-file re-lint both rely on it.
    /// </summary>
    private static bool ReadsAreRecorded(LintOptions options) => options.AnalyzerAssemblies.Count == 0 && options.Analyzers == AnalyzerCatalog.BuiltIn;

    /// <summary>The files read around the repository, so never recorded: every .editorconfig (the configuration) and a <c>.git</c> file (the git helpers).</summary>
    private static bool IsReadOutsideRepository(WorkspaceFile file) => file.Kind == FileKind.EditorConfig || file.Name == ".git";

    /// <summary>
    /// Every rule a run with these options can report (the engine's, the built-in analyzers' and the custom ones'), in
    /// ID order, without linting: what a SARIF writer lists when the findings come from a cache.
    /// </summary>
    public static IReadOnlyList<DiagnosticDescriptor> GetRules(LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<InfraAnalyzer> analyzers = options.Analyzers;
        if (options.AnalyzerAssemblies.Count > 0)
        {
            analyzers = analyzers.Concat(AnalyzerAssemblyLoader.Load(options.AnalyzerAssemblies, Path.GetFullPath(options.Root)).Analyzers);
        }

        return [.. AnalyzerCatalog.EngineDescriptors.Concat(analyzers.SelectMany(SafeSupported)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>The baseline file a run uses: <see cref="LintOptions.BaselineFile"/>, resolved against the root.</summary>
    public static string? GetBaselinePath(LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BaselineFile))
        {
            return null;
        }

        return Path.GetFullPath(Path.Combine(Path.GetFullPath(options.Root), options.BaselineFile));
    }

    private static (IReadOnlyList<Diagnostic> Reported, int Baselined) ApplyBaseline(List<Diagnostic> findings, LintOptions options, string root, IAnalyzerConfiguration configuration)
    {
        string? path = GetBaselinePath(options);
        if (path is null || !File.Exists(path))
        {
            return (findings, 0);
        }

        var baseline = Baseline.TryRead(path, out string? error);
        if (baseline is null)
        {
            // An unusable baseline suppresses nothing: every finding is reported, and the file itself is JSI0002.
            string relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var problem = Diagnostic.Create(EngineDescriptors.InvalidConfiguration, new Location(relative, LinePositionSpan.FromLine(1, 1, 1)), $"{error}; no finding was suppressed by it (regenerate it with 'infralint baseline' or InfraLintUpdateBaseline=true)");
            var severity = configuration.TryGetSeverity(path, problem.Descriptor, out var configured) ? configured : problem.Descriptor.DefaultSeverity;
            severity = options.WarningPolicy.Apply(problem.Id, severity);
            if (severity > DiagnosticSeverity.Hidden)
            {
                findings.Add(problem.WithSeverity(severity).WithFingerprint(Baseline.ComputeFingerprint(problem.Id, relative, error ?? string.Empty)));
                findings.Sort(DiagnosticOrder.Instance);
            }

            return (findings, 0);
        }

        var reported = baseline.Apply(findings, out int suppressed);
        return (reported, suppressed);
    }

    /// <summary>The text a finding's fingerprint is computed from: the rule's own, or the text under the primary location.</summary>
    private static string GetFingerprintText(Diagnostic diagnostic, Repository repository)
    {
        if (diagnostic.FingerprintText is { } own)
        {
            return own;
        }

        var file = diagnostic.Location.HasPosition ? repository.GetFile(diagnostic.Location.Path) : null;
        var text = file is null ? null : repository.Load(file).Text;
        if (text is not null && text.Length > 0)
        {
            var span = diagnostic.Location.Span;
            int start = text.GetOffset(span.Start);
            int end = Math.Max(start, text.GetOffset(span.End));
            string under = text.Content[start..end];
            if (!string.IsNullOrWhiteSpace(under))
            {
                return under;
            }

            // An empty span (a finding at a position): the whole line identifies it.
            return text.GetLineText(span.Start.Line);
        }

        // No position or no text (the repository, a whole file, a skipped file): the message without its numbers, which may be line numbers.
        return Digits().Replace(diagnostic.Message, "#");
    }

    private static IAnalyzerConfiguration LoadConfiguration(LintOptions options, string root, IReadOnlyList<WorkspaceFile> files, IReadOnlySet<string> knownIds, ConcurrentBag<Diagnostic> raw)
    {
        var loader = options.ConfigurationLoader ?? EditorConfigConfiguration.Load;
        try
        {
            var configuration = loader(root, files, knownIds);
            foreach (var problem in configuration.Problems)
            {
                raw.Add(problem);
            }

            return configuration;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            raw.Add(Diagnostic.Create(EngineDescriptors.InvalidConfiguration, new Location(".editorconfig", LinePositionSpan.FromLine(1, 1, 1)), $"the configuration could not be read ({ex.GetType().Name}); rules run at their default severities"));
            return EmptyAnalyzerConfiguration.Instance;
        }
    }

    private static IEnumerable<DiagnosticDescriptor> SafeSupported(InfraAnalyzer analyzer)
    {
        try
        {
            return analyzer.SupportedDiagnostics;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static void ReportLoadProblems(LoadedFile loaded, ConcurrentBag<Diagnostic> raw)
    {
        string path = loaded.File.RelativePath;
        if (loaded.SkipReason is not null)
        {
            return; // JSI0003, with the run's other skipped files
        }

        if (loaded.InvalidUtf8At is { } at && loaded.Text is not null)
        {
            raw.Add(Diagnostic.Create(EngineDescriptors.InvalidUtf8, new Location(path, new LinePositionSpan(at, at with { Column = at.Column + 1 })), path));
        }

        if (loaded.Errors.Count > 0 && loaded.Text is not null)
        {
            var error = loaded.Errors[0];
            var span = loaded.Text.GetSpan(error.Span);
            if (span.End == span.Start)
            {
                span = span with { End = span.Start with { Column = span.Start.Column + 1 } };
            }

            raw.Add(Diagnostic.Create(EngineDescriptors.ParseError, new Location(path, span), path, error.Message.TrimEnd('.', ' ')));
        }
    }

    /// <summary>The analyzers' contexts after <see cref="InfraAnalyzer.Initialize"/>, in the analyzers' order (an analyzer whose initialization threw is left out, as JSI0004).</summary>
    private static List<AnalysisContext> InitializeAnalyzers(IReadOnlyList<InfraAnalyzer> analyzers, ConcurrentBag<Diagnostic> raw)
    {
        var result = new List<AnalysisContext>();
        foreach (var analyzer in analyzers)
        {
            var context = new AnalysisContext(analyzer);
            try
            {
                analyzer.Initialize(context);
                result.Add(context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                raw.Add(RuleFailure(analyzer, ".", ex));
            }
        }

        return result;
    }

    /// <summary>The file actions of each kind (indexed by <see cref="FileKinds.Index"/>), in registration order; null for a kind without any.</summary>
    private static BoundAction<AnalysisContext.FileActionRegistration>[]?[] FileActionsByKind(List<AnalysisContext> registrations)
    {
        var lists = new List<BoundAction<AnalysisContext.FileActionRegistration>>?[FileKinds.Count];
        for (int index = 0; index < registrations.Count; index++)
        {
            foreach (var action in registrations[index].FileActions)
            {
                if (!FileKinds.HasSlot(action.Kind))
                {
                    continue; // not a kind of file: no file has it
                }

                (lists[FileKinds.Index(action.Kind)] ??= []).Add(new(registrations[index].Analyzer, index, action));
            }
        }

        var result = new BoundAction<AnalysisContext.FileActionRegistration>[]?[lists.Length];
        for (int kind = 0; kind < lists.Length; kind++)
        {
            result[kind] = lists[kind]?.ToArray();
        }

        return result;
    }

    /// <summary>An action of an analyzer, with the analyzer's index in the run (for its timings).</summary>
    private sealed record BoundAction<T>(InfraAnalyzer Analyzer, int Index, T Action)
        where T : class;

    private static Diagnostic RuleFailure(InfraAnalyzer analyzer, string path, Exception ex)
    {
        string ids;
        try
        {
            ids = string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id));
        }
        catch (Exception inner) when (inner is not OutOfMemoryException)
        {
            ids = analyzer.GetType().Name;
        }

        // The exception's message is left out on purpose: it may quote file content, and secrets never reach output.
        string rule = ids.Length == 0 ? analyzer.GetType().Name : $"{ids} ({analyzer.GetType().Name})";
        var location = path == "." ? Location.Repository : new Location(path, LinePositionSpan.FromLine(1, 1, 1));
        return Diagnostic.Create(EngineDescriptors.RuleFailed, location, rule, ex.GetType().Name);
    }

    /// <summary>
    /// A finding is one problem however many places show it: a suppression comment at its primary location or at any
    /// of its additional locations silences it.
    /// </summary>
    private static bool IsSuppressed(Diagnostic diagnostic, Func<string, SuppressionIndex?> suppressions) =>
        diagnostic.AdditionalLocations.Prepend(diagnostic.Location)
            .Any(location => suppressions(location.Path) is { } index && index.IsSuppressed(diagnostic.Id, location.Span.Start.Line));

    private static List<Diagnostic> Finish(IEnumerable<Diagnostic> raw, Repository repository, IAnalyzerConfiguration configuration, WarningPolicy policy, IReadOnlySet<string> knownIds, int maxDegreeOfParallelism, out int inlineSuppressed, Dictionary<string, int>? suppressedByPath = null)
    {
        inlineSuppressed = 0;
        var suppressionProblems = new List<Diagnostic>();
        var suppressions = new Dictionary<string, SuppressionIndex?>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) };
        SuppressionIndex? BuildSuppressions(string path, List<Diagnostic> problems)
        {
            var file = repository.GetFile(path);
            var loaded = file is null ? null : repository.Load(file);
            // Files of kinds without a parser (scanned by JSI5001) still honour directives in their comments.
            var model = loaded?.Model ?? (loaded?.Text is { } text && !ParserRegistry.CanParse(loaded.File.Kind) ? PlainTextDocument.Create(text) : null);
            var index = model is null ? null : SuppressionIndex.Build(path, model, knownIds, problems);
            return index is { IsEmpty: false } ? index : null;
        }

        SuppressionIndex? GetSuppressions(string path)
        {
            if (!suppressions.TryGetValue(path, out var index))
            {
                index = BuildSuppressions(path, suppressionProblems);
                suppressions[path] = index;
            }

            return index;
        }

        // Every parsed file's suppression comments are read, so a malformed one is reported even where nothing fires: in
        // parallel, each file's problems kept apart and then listed in the files' order.
        var parsedFiles = repository.Files.Where(f => ParserRegistry.CanParse(f.Kind)).ToArray();
        var indexes = new SuppressionIndex?[parsedFiles.Length];
        var problemsByFile = new List<Diagnostic>?[parsedFiles.Length];
        Parallel.For(0, parsedFiles.Length, parallel, () => new List<Diagnostic>(), (i, _, problems) =>
        {
            Repository.RunReporting(() => indexes[i] = BuildSuppressions(parsedFiles[i].RelativePath, problems));
            if (problems.Count > 0)
            {
                problemsByFile[i] = [.. problems];
                problems.Clear();
            }

            return problems;
        }, _ => { });
        for (int i = 0; i < parsedFiles.Length; i++)
        {
            suppressions.TryAdd(parsedFiles[i].RelativePath, indexes[i]);
            if (problemsByFile[i] is { } problems)
            {
                suppressionProblems.AddRange(problems);
            }
        }

        // Severities and suppressions in order (the counts and the first of two equal findings depend on it), then the
        // fingerprints, which read the text under each finding, in parallel.
        var result = new List<Diagnostic>();
        var seen = new HashSet<FindingKey>();
        foreach (var diagnostic in raw.Concat(suppressionProblems))
        {
            if (!seen.Add(new FindingKey(diagnostic)))
            {
                continue;
            }

            var file = repository.GetFile(diagnostic.Location.Path);
            var environment = file?.Environment ?? FileEnvironment.Unspecified;
            string fullPath = file?.FullPath ?? Path.Combine(repository.RootFullPath, diagnostic.Location.Path);
            // A rule may lower a finding below its catalog severity from context it knows (a sample stack, a tool that
            // needs the Docker socket): Diagnostic.Lowered. A configured severity still wins.
            bool isConfigured = configuration.TryGetSeverity(fullPath, diagnostic.Descriptor, out var configured);
            var severity = isConfigured
                ? configured
                : diagnostic.Severity < diagnostic.Descriptor.DefaultSeverity ? diagnostic.Severity : diagnostic.Descriptor.GetDefaultSeverity(environment, file?.Kind.IsDeployed() == true);
            // Test data (fixtures, a parser's test inputs, a generator's expected outputs) is never built or deployed as it
            // is: whatever a rule finds there is info at most, unless configured (infralint_environment opts a folder back in).
            if (environment == FileEnvironment.TestData && severity > DiagnosticSeverity.Info && !isConfigured)
            {
                severity = DiagnosticSeverity.Info;
            }

            severity = policy.Apply(diagnostic.Id, severity);
            if (severity <= DiagnosticSeverity.Hidden)
            {
                continue;
            }

            if (diagnostic.Id != EngineDescriptors.InvalidConfiguration.Id && IsSuppressed(diagnostic, GetSuppressions))
            {
                inlineSuppressed++;
                if (suppressedByPath is not null)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(suppressedByPath, diagnostic.Location.Path, out _)++;
                }

                continue;
            }

            result.Add(diagnostic.WithSeverity(severity));
        }

        AddFingerprints(result, repository, parallel);
        result.Sort(DiagnosticOrder.Instance);
        return result;
    }

    /// <summary>
    /// Gives each finding its fingerprint (a SHA-256 of the text under it): independent of each other, so a large run
    /// hashes on every core, in chunks, each in the reporting scope its reads belong to; a small one on this thread.
    /// </summary>
    private static void AddFingerprints(List<Diagnostic> findings, Repository repository, ParallelOptions parallel)
    {
        void Range(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                var finding = findings[i];
                findings[i] = finding.WithFingerprint(Baseline.ComputeFingerprint(finding.Id, finding.Location.Path, GetFingerprintText(finding, repository)));
            }
        }

        const int Chunk = 512;
        if (findings.Count <= Chunk || parallel.MaxDegreeOfParallelism < 2)
        {
            Range(0, findings.Count);
            return;
        }

        Parallel.ForEach(Partitioner.Create(0, findings.Count, Chunk), parallel, range => Repository.RunReporting(() => Range(range.Item1, range.Item2)));
    }

    /// <summary>
    /// What makes two findings one (rule, path, span, message). A class rather than a tuple: a set of tuples holding a
    /// span is a framework generic over value types, which ReadyToRun leaves to the JIT on every run.
    /// </summary>
    private sealed class FindingKey(Diagnostic diagnostic) : IEquatable<FindingKey>
    {
        private readonly string _id = diagnostic.Id;
        private readonly string _path = diagnostic.Location.Path;
        private readonly LinePositionSpan _span = diagnostic.Location.Span;
        private readonly string _message = diagnostic.Message;

        public bool Equals(FindingKey? other) =>
            other is not null && _id == other._id && _path == other._path && _message == other._message
            && _span.Start.Line == other._span.Start.Line && _span.Start.Column == other._span.Start.Column
            && _span.End.Line == other._span.End.Line && _span.End.Column == other._span.End.Column;

        public override bool Equals(object? obj) => Equals(obj as FindingKey);

        public override int GetHashCode()
        {
            int hash = _id.GetHashCode(StringComparison.Ordinal);
            hash = (hash * 31) + _path.GetHashCode(StringComparison.Ordinal);
            hash = (hash * 31) + _message.GetHashCode(StringComparison.Ordinal);
            hash = (hash * 31) + _span.Start.Line;
            hash = (hash * 31) + _span.Start.Column;
            hash = (hash * 31) + _span.End.Line;
            return (hash * 31) + _span.End.Column;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Digits();
}
