using System.Collections.Concurrent;
using System.Diagnostics;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>A file's text and model as the engine read it; exactly one of the outcomes applies.</summary>
public sealed record LoadedFile(WorkspaceFile File, SourceText? Text, ISyntaxModel? Model, IReadOnlyList<SyntaxError> Errors, string? SkipReason, LinePosition? InvalidUtf8At)
{
    /// <summary>How long reading and decoding the file took (for the engine's per-kind timings).</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>How long parsing the text into its model took (zero when it was not parsed).</summary>
    public TimeSpan ParseTime { get; init; }
}

/// <summary>
/// One snapshot of the repository root: every file discovered once, classified, read and parsed lazily
/// and at most once (thread-safe), so rules running in parallel share the same immutable models.
/// </summary>
public sealed class Repository
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedFile>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SkippedFile> _unread = new(StringComparer.Ordinal);
    // Every file whose contents this snapshot (or one it was made from, see WithFiles) read or tried to read, and by whom
    // (ReadFlags).
    private readonly ReadRecord _contentRead;

    // The file whose per-file action runs on this thread (RunPerFile), or null; and whether the engine is reporting.
    [ThreadStatic]
    private static string? t_ownFile;
    [ThreadStatic]
    private static bool t_reporting;
    private readonly Dictionary<string, WorkspaceFile> _byPath;
    private readonly HashSet<string> _directories;
    private readonly long _maxFileSize;
    private IReadOnlyList<ComposeFileList>? _composeLists;
    private WorkspaceFile[]? _sortedFiles;
    private readonly IReadOnlyDictionary<string, byte[]>? _overlay;

    /// <param name="rootFullPath">The root.</param>
    /// <param name="files">The files discovery kept.</param>
    /// <param name="maxFileSize">Larger files are skipped.</param>
    /// <param name="overlay">Contents to use instead of the files on disk, by relative path (the fix runner's pending edits).</param>
    public Repository(string rootFullPath, IReadOnlyList<WorkspaceFile> files, long maxFileSize = 4 * 1024 * 1024, IReadOnlyDictionary<string, byte[]>? overlay = null)
        : this(rootFullPath, files, maxFileSize, overlay, null)
    {
    }

    private Repository(string rootFullPath, IReadOnlyList<WorkspaceFile> files, long maxFileSize, IReadOnlyDictionary<string, byte[]>? overlay, ReadRecord? contentRead)
    {
        _contentRead = contentRead ?? new ReadRecord(files);
        _overlay = overlay is { Count: > 0 } ? overlay : null;
        RootFullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootFullPath));
        Facts = new FactCache(this);
        Files = files;
        _maxFileSize = maxFileSize;
        _byPath = files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        _directories = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        foreach (var file in files)
        {
            string dir = file.Directory;
            while (dir.Length > 0 && _directories.Add(dir))
            {
                int slash = dir.LastIndexOf('/');
                dir = slash < 0 ? string.Empty : dir[..slash];
            }
        }

        // Per kind in an array (see FileKinds).
        var byKind = new List<WorkspaceFile>?[FileKinds.Count];
        foreach (var file in files)
        {
            if (FileKinds.HasSlot(file.Kind))
            {
                (byKind[(int)file.Kind] ??= []).Add(file);
            }
        }

        _byKind = byKind;
    }

    /// <summary>
    /// A snapshot of the same root with <paramref name="files"/> (some reclassified): what this one already read and
    /// parsed is kept for every file that is unchanged, so only the changed files are read and parsed again.
    /// </summary>
    public Repository WithFiles(IReadOnlyList<WorkspaceFile> files)
    {
        var next = new Repository(RootFullPath, files, _maxFileSize, _overlay, _contentRead);
        foreach (var (path, loaded) in _loaded)
        {
            if (next._byPath.TryGetValue(path, out var file) && _byPath.TryGetValue(path, out var previous) && file == previous)
            {
                next._loaded[path] = loaded;
            }
        }

        // Read from scripts, CI, env files and Makefiles, which a change of compose classification does not touch.
        next._composeLists = _composeLists;
        return next;
    }

    /// <summary>
    /// The lists of compose files used together that the repository names (<c>-f</c> flags in scripts, CI steps and
    /// Makefiles; <c>COMPOSE_FILE</c>): computed once per run, for the engine (compose fragments) and the rules (the
    /// merged compose projects) alike.
    /// </summary>
    public IReadOnlyList<ComposeFileList> ComposeLists => LazyInitializer.EnsureInitialized(ref _composeLists, () => ComposeFileLists.Find(this));

    /// <summary>The absolute root, without a trailing separator.</summary>
    public string RootFullPath { get; }

    /// <summary>The facts rules share (Semantics/), each computed once for this run.</summary>
    public FactCache Facts { get; }

    /// <summary>Every file under the root that discovery kept, in ordinal path order.</summary>
    public IReadOnlyList<WorkspaceFile> Files { get; }

    private readonly List<WorkspaceFile>?[] _byKind;

    public IReadOnlyList<WorkspaceFile> GetFiles(FileKind kind) => (uint)kind < (uint)_byKind.Length && _byKind[(int)kind] is { } files ? files : [];

    /// <summary>
    /// The files in <paramref name="directory"/> and its subfolders (every file for the root, ""), in ordinal path order:
    /// a binary search in the sorted paths, so a rule asking for each of many folders does not walk every file each time.
    /// </summary>
    public IEnumerable<WorkspaceFile> GetFilesUnder(string directory)
    {
        var sorted = LazyInitializer.EnsureInitialized(ref _sortedFiles, () => [.. Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)]);
        if (directory.Length == 0)
        {
            return sorted;
        }

        string prefix = directory + "/";
        int low = SortedPaths.LowerBound(sorted, static f => f.RelativePath, prefix);
        return sorted.Skip(low).TakeWhile(f => f.RelativePath.StartsWith(prefix, StringComparison.Ordinal));
    }

    public WorkspaceFile? GetFile(string relativePath) => _byPath.GetValueOrDefault(NormalizeRelative(relativePath));

    public bool FileExists(string relativePath) => _byPath.ContainsKey(NormalizeRelative(relativePath));

    public bool DirectoryExists(string relativePath) => _directories.Contains(NormalizeRelative(relativePath));

    /// <summary>The file's text, or null when it was skipped (binary, too large, unreadable).</summary>
    public SourceText? GetText(WorkspaceFile file) => Load(file).Text;

    /// <summary>Files larger than this are not read (JSI0003).</summary>
    public long MaxFileSize => _maxFileSize;

    /// <summary>
    /// The text of any file, parsed kind or not, for rules that read every text file (JSI5001). Files of a parsed kind
    /// come from the shared cache; others are read without being kept, and when one is not text (binary, too large,
    /// unreadable) the reason is recorded in <see cref="UnreadFiles"/> so that the run reports it.
    /// </summary>
    public SourceText? ReadText(WorkspaceFile file)
    {
        if (ParserRegistry.CanParse(file.Kind) || _loaded.ContainsKey(file.RelativePath))
        {
            return GetText(file);
        }

        RecordRead(file.RelativePath);
        var content = FileContent.Read(file.FullPath, _maxFileSize);
        if (content.Text is null)
        {
            _unread[file.RelativePath] = new SkippedFile(file.RelativePath, content.SkipReason ?? "the file cannot be read");
        }

        return content.Text;
    }

    /// <summary>
    /// True when the contents of the file at <paramref name="relativePath"/> were read (or an attempt was made: a binary
    /// or too large file counts) through this snapshot or the one it was made from. The no-op cache leaves the files
    /// that no run read out of its fingerprint's content part: their contents cannot change the findings.
    /// </summary>
    public bool WasContentRead(string relativePath) => _contentRead.TryGet(relativePath, out _);

    /// <summary>
    /// True when the contents of the file were read by its own per-file action (<see cref="RunPerFile"/>) and by nothing
    /// else that decides findings: no parse for file actions, no shared fact, no other rule, no other file's per-file
    /// action, and its own action neither read another file nor asked for a fact. The reporting phase's reads
    /// (<see cref="RunReporting"/>: suppression comments, fingerprints) do not count. Such a file's findings depend on
    /// its contents only through its own action, so a change to it alone can be re-linted by running that action again.
    /// </summary>
    public bool WasReadOnlyByItsOwnAction(string relativePath) =>
        _contentRead.TryGet(relativePath, out byte flags) && (flags & (ReadByOwnAction | ReadByOthers)) == ReadByOwnAction;

    /// <summary>
    /// Runs <paramref name="action"/> as the per-file action of <paramref name="file"/> on this thread: its reads of that
    /// file are its own, its reads of any other file (and any fact it asks for) tie the file to the rest of the repository.
    /// </summary>
    internal void RunPerFile(WorkspaceFile file, Action action)
    {
        string? outer = t_ownFile;
        t_ownFile = file.RelativePath;
        try
        {
            action();
        }
        finally
        {
            t_ownFile = outer;
        }
    }

    /// <summary>Runs <paramref name="action"/> (the engine's reporting: suppressions, fingerprints) without attributing its reads to a rule.</summary>
    internal static void RunReporting(Action action)
    {
        bool outer = t_reporting;
        t_reporting = true;
        try
        {
            action();
        }
        finally
        {
            t_reporting = outer;
        }
    }

    /// <summary>A fact is being asked for or computed on this thread: its reads are shared, and a per-file action that asks depends on more than its file.</summary>
    internal void EnterFact(out string? ownFile)
    {
        ownFile = t_ownFile;
        if (ownFile is not null)
        {
            Record(ownFile, ReadByOthers);
            t_ownFile = null;
        }
    }

    internal static void LeaveFact(string? ownFile) => t_ownFile = ownFile;

    private const byte Read = 1, ReadByOwnAction = 2, ReadByOthers = 4;

    private void RecordRead(string relativePath)
    {
        if (t_reporting)
        {
            Record(relativePath, Read);
        }
        else if (t_ownFile is null)
        {
            Record(relativePath, Read | ReadByOthers);
        }
        else if (string.Equals(t_ownFile, relativePath, StringComparison.Ordinal))
        {
            Record(relativePath, Read | ReadByOwnAction);
        }
        else
        {
            // A per-file action that reads another file: both are tied to something beyond themselves.
            Record(relativePath, Read | ReadByOthers);
            Record(t_ownFile, ReadByOthers);
        }
    }

    private void Record(string relativePath, byte flags) => _contentRead.Add(relativePath, flags);

    /// <summary>Files of kinds the engine does not parse that a rule tried to read with <see cref="ReadText"/> and could not.</summary>
    public IReadOnlyCollection<SkippedFile> UnreadFiles => [.. _unread.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

    /// <summary>The file's model, or null when it could not be read or parsed.</summary>
    public T? GetModel<T>(WorkspaceFile file)
        where T : class, ISyntaxModel
    {
        var loaded = Load(file);
        return loaded.Errors.Count == 0 ? loaded.Model as T : null;
    }

    /// <summary>Reads and parses a file once; later calls return the same result.</summary>
    public LoadedFile Load(WorkspaceFile file)
    {
        RecordRead(file.RelativePath);
        return _loaded.TryGetValue(file.RelativePath, out var loaded)
            ? loaded.Value
            : _loaded.GetOrAdd(file.RelativePath, static (_, state) => new Lazy<LoadedFile>(() => state.Repository.LoadCore(state.File), LazyThreadSafetyMode.ExecutionAndPublication), (Repository: this, File: file)).Value;
    }

    /// <summary>Joins a folder and a relative path the way a build context does ("./a/../b" → "b"); null when it leaves the root.</summary>
    public static string? Combine(string directory, string relative)
    {
        // Most calls join a clean folder and a clean name ("svc/api" + "Dockerfile"): one concatenation, no splitting.
        if (IsNormal(directory) && IsNormal(relative))
        {
            return directory.Length == 0 ? relative : relative.Length == 0 ? directory : string.Concat(directory, "/", relative);
        }

        relative = relative.Replace('\\', '/');
        var parts = new List<string>();
        if (!relative.StartsWith('/'))
        {
            parts.AddRange(directory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (string part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static string NormalizeRelative(string path) => IsNormal(path) ? path : Combine(string.Empty, path) ?? path;

    /// <summary>
    /// True when <see cref="Combine"/> would return the path unchanged: no backslash, no leading, trailing or doubled
    /// slash, and no "." or ".." segment ("" is normal).
    /// </summary>
    private static bool IsNormal(string path)
    {
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                if (path[i] == '\\')
                {
                    return false;
                }

                continue;
            }

            int length = i - start;
            if (path.Length > 0 && (length == 0 || (path[start] == '.' && (length == 1 || (length == 2 && path[start + 1] == '.')))))
            {
                return false;
            }

            start = i + 1;
        }

        return true;
    }

    private LoadedFile LoadCore(WorkspaceFile file)
    {
        long start = Stopwatch.GetTimestamp();
        var content = _overlay is not null && _overlay.TryGetValue(file.RelativePath, out byte[]? pending)
            ? FileContent.FromBytes(pending, _maxFileSize)
            : FileContent.Read(file.FullPath, _maxFileSize);
        long read = Stopwatch.GetTimestamp();
        if (content.Text is null)
        {
            return new LoadedFile(file, null, null, [], content.SkipReason, null) { ReadTime = Stopwatch.GetElapsedTime(start, read) };
        }

        var parsed = ParserRegistry.Parse(content.Text, file);
        return new LoadedFile(file, content.Text, parsed.Model, parsed.Errors, null, content.InvalidUtf8At)
        {
            ReadTime = Stopwatch.GetElapsedTime(start, read),
            ParseTime = Stopwatch.GetElapsedTime(read),
        };
    }

    /// <summary>The environment of a location's file (unspecified for paths outside the snapshot).</summary>
    internal FileEnvironment GetEnvironment(string relativePath) => GetFile(relativePath)?.Environment ?? FileEnvironment.Unspecified;
}
