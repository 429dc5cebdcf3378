using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>One property that applies to a file: where it is (file, section) and what it says.</summary>
public sealed record EditorConfigEntry(EditorConfigDocument File, EditorConfigSection Section, EditorConfigProperty Property)
{
    public string Key => Property.Key;

    public string Value => Property.Value;

    /// <summary>The path of the <c>.editorconfig</c> the entry is in.</summary>
    public string FilePath => File.Path;

    public override string ToString() => $"{File.Path}{File.Text.GetSpan(Property.Span)}: {Property.Key} = {Property.Value}";
}

/// <summary>
/// The effective <c>.editorconfig</c> properties of one file: every matching property in application order
/// (<see cref="Entries"/>) and the resulting key → value map, in which the later entry wins.
/// </summary>
public sealed class EditorConfigOptions
{
    private readonly Dictionary<string, EditorConfigEntry> _winners;

    internal EditorConfigOptions(string path, IReadOnlyList<EditorConfigEntry> entries)
    {
        Path = path;
        Entries = entries;
        _winners = new Dictionary<string, EditorConfigEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (EditorConfigEntry entry in entries)
        {
            _winners[entry.Key] = entry;
        }

        Values = _winners.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The file these options are for, normalized (forward slashes).</summary>
    public string Path { get; }

    /// <summary>
    /// All matching properties in the order they apply: files from the top-most (the nearest <c>root = true</c> or
    /// the farthest) down to the nearest, sections in file order, properties in section order.
    /// </summary>
    public IReadOnlyList<EditorConfigEntry> Entries { get; }

    /// <summary>Key → value where the last entry for a key wins (keys compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public bool TryGetValue(string key, out string value)
    {
        if (_winners.TryGetValue(key, out EditorConfigEntry? entry))
        {
            value = entry.Value;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>The entry that gives a key its value.</summary>
    public bool TryGetEntry(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EditorConfigEntry? entry) =>
        _winners.TryGetValue(key, out entry);
}

/// <summary>
/// The <c>.editorconfig</c> files that apply to a linted tree, and the resolution of each file's options exactly as
/// Roslyn resolves them: the files whose directory contains the file, ordered from the shallowest directory to the
/// deepest, starting at the deepest one with <c>root = true</c>; within a file, sections in order; later wins, so
/// the nearest file wins. Only named sections apply (the preamble applies to no file).
/// Paths are compared ordinally (case-sensitive) after turning <c>\</c> into <c>/</c>, on every operating system.
/// </summary>
public sealed class EditorConfigSet
{
    /// <summary>Files larger than this are not read (reported as a problem).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly EditorConfigDocument[] _files;
    private readonly List<ConfigurationProblem> _problems;

    /// <summary>A set from files already parsed (tests, callers with their own IO). Order does not matter.</summary>
    public EditorConfigSet(IEnumerable<EditorConfigDocument> files, IEnumerable<ConfigurationProblem>? readProblems = null)
    {
        ArgumentNullException.ThrowIfNull(files);

        // Stable sort by directory length, like Roslyn's DirectoryLengthComparer.
        _files = [.. files.Where(f => f is not null).OrderBy(f => f.NormalizedDirectory.Length)];
        _problems = [.. readProblems ?? []];
        foreach (EditorConfigDocument file in _files)
        {
            _problems.AddRange(file.Problems);
        }
    }

    /// <summary>No configuration: every file gets empty options.</summary>
    public static EditorConfigSet Empty { get; } = new([]);

    /// <summary>The files, shallowest directory first.</summary>
    public IReadOnlyList<EditorConfigDocument> Files => _files;

    /// <summary>Unreadable files, malformed lines and invalid section globs. See also <see cref="Validate"/>.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    /// <summary>
    /// Reads the <c>.editorconfig</c> files for a linted root: the root's own and its ancestors' (walking up to the
    /// file-system root, stopping after the first with <c>root = true</c>), plus the given files below the root.
    /// IO failures become problems; this never throws for unreadable or odd files.
    /// </summary>
    /// <param name="rootDirectory">The linted root directory.</param>
    /// <param name="editorConfigPathsUnderRoot">Paths of <c>.editorconfig</c> files found below the root (the root's own may be included).</param>
    public static EditorConfigSet Discover(string rootDirectory, IEnumerable<string> editorConfigPathsUnderRoot)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var problems = new List<ConfigurationProblem>();
        var files = new List<EditorConfigDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        string root;
        try
        {
            root = Path.GetFullPath(rootDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            problems.Add(new ConfigurationProblem(rootDirectory, default, $"The root directory '{rootDirectory}' is not a valid path: {ex.Message}"));
            return new EditorConfigSet(files, problems);
        }

        for (string? directory = root; directory is not null; directory = SafeParent(directory))
        {
            string candidate = Path.Combine(directory, EditorConfigDocument.FileName);
            if (!seen.Add(PathNormalizer.Normalize(candidate)) || !File.Exists(candidate))
            {
                continue;
            }

            EditorConfigDocument? file = TryRead(candidate, directory, problems);
            if (file is not null)
            {
                files.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }
        }

        foreach (string path in editorConfigPathsUnderRoot ?? [])
        {
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            string full;
            string? directory;
            try
            {
                full = Path.GetFullPath(path, root);
                directory = Path.GetDirectoryName(full);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                problems.Add(new ConfigurationProblem(path, default, $"'{path}' is not a valid path: {ex.Message}"));
                continue;
            }

            if (directory is null || !seen.Add(PathNormalizer.Normalize(full)))
            {
                continue;
            }

            EditorConfigDocument? file = TryRead(full, directory, problems);
            if (file is not null)
            {
                files.Add(file);
            }
        }

        return new EditorConfigSet(files, problems);
    }

    /// <summary>The effective options for a file (an absolute path; <c>\</c> or <c>/</c> separators).</summary>
    public EditorConfigOptions GetOptions(string absoluteFilePath)
    {
        ArgumentNullException.ThrowIfNull(absoluteFilePath);
        string path = PathNormalizer.Normalize(absoluteFilePath);
        var applicable = new List<EditorConfigDocument>();
        foreach (EditorConfigDocument file in _files)
        {
            string directory = file.NormalizedDirectory;
            if (path.Length > directory.Length + 1
                && path.StartsWith(directory, StringComparison.Ordinal)
                && path[directory.Length] == '/')
            {
                applicable.Add(file);
            }
        }

        int first = applicable.FindLastIndex(f => f.IsRoot);
        var entries = new List<EditorConfigEntry>();
        for (int i = Math.Max(first, 0); i < applicable.Count; i++)
        {
            EditorConfigDocument file = applicable[i];
            string relative = path[file.NormalizedDirectory.Length..];
            foreach (EditorConfigSection section in file.Sections)
            {
                if (section.Glob is { } glob && glob.IsMatch(relative))
                {
                    foreach (EditorConfigProperty property in section.Properties)
                    {
                        entries.Add(new EditorConfigEntry(file, section, property));
                    }
                }
            }
        }

        return new EditorConfigOptions(path, entries);
    }

    /// <summary>Severity and environment settings for a file.</summary>
    public AnalyzerConfigOptions GetAnalyzerConfigOptions(string absoluteFilePath) => new(GetOptions(absoluteFilePath));

    /// <summary>
    /// All problems: those of <see cref="Problems"/> plus the meaning of our keys in every file — unknown <c>JSI</c> rule
    /// IDs in <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>, invalid severity words, invalid <c>infralint_environment</c>
    /// values, and such keys in the preamble where they apply to no file. Sorted by path and position.
    /// </summary>
    public IReadOnlyList<ConfigurationProblem> Validate(IReadOnlySet<string> knownRuleIds)
    {
        ArgumentNullException.ThrowIfNull(knownRuleIds);
        var known = new HashSet<string>(knownRuleIds, StringComparer.OrdinalIgnoreCase);
        var result = new List<ConfigurationProblem>(_problems);
        foreach (EditorConfigDocument file in _files)
        {
            foreach (EditorConfigProperty property in file.Preamble)
            {
                ValidateProperty(file, property, known, result, inPreamble: true);
            }

            foreach (EditorConfigSection section in file.Sections)
            {
                foreach (EditorConfigProperty property in section.Properties)
                {
                    ValidateProperty(file, property, known, result, inPreamble: false);
                }
            }
        }

        if (result.Count < 2)
        {
            return result; // already in order (and no sort over tuples to JIT-compile, the usual case)
        }

        return [.. result
            .Select((p, i) => (Problem: p, Index: i))
            .OrderBy(x => x.Problem.Path, StringComparer.Ordinal)
            .ThenBy(x => x.Problem.Span.Start)
            .ThenBy(x => x.Index)
            .Select(x => x.Problem)];
    }

    private static void ValidateProperty(EditorConfigDocument file, EditorConfigProperty property, HashSet<string> known, List<ConfigurationProblem> result, bool inPreamble)
    {
        string key = property.Key;
        bool ours;
        if (AnalyzerConfigOptions.TryGetRuleIdFromKey(key, out int idStart, out int idLength))
        {
            string id = file.Text.GetText(new TextSpan(property.KeySpan.Start + idStart, idLength));
            ours = id.StartsWith("JSI", StringComparison.OrdinalIgnoreCase);
            if (!ours)
            {
                return;
            }

            if (!known.Contains(id))
            {
                result.Add(new ConfigurationProblem(
                    file.Path,
                    new TextSpan(property.KeySpan.Start + idStart, idLength),
                    $"'{id}' is not a JobSwipe.InfraLint rule ID; the setting '{file.Text.GetText(property.KeySpan)}' has no effect.",
                    file.Text));
            }

            CheckSeverity(file, property, result);
        }
        else if (AnalyzerConfigOptions.IsBulkSeverityKey(key))
        {
            ours = true;
            CheckSeverity(file, property, result);
        }
        else if (key == AnalyzerConfigOptions.EnvironmentKey)
        {
            ours = true;
            if (!AnalyzerConfigOptions.IsValidEnvironmentValue(property.Value))
            {
                result.Add(new ConfigurationProblem(
                    file.Path,
                    ValueSpanForProblem(property),
                    $"'{property.Value}' is not a valid value for '{AnalyzerConfigOptions.EnvironmentKey}'; use 'production' or 'development' (or 'unset').",
                    file.Text));
            }
        }
        else
        {
            ours = false;
        }

        if (ours && inPreamble)
        {
            result.Add(new ConfigurationProblem(
                file.Path,
                property.KeySpan,
                $"'{file.Text.GetText(property.KeySpan)}' is before the first [section] header, where it applies to no file; put it under a section such as [*].",
                file.Text));
        }
    }

    private static void CheckSeverity(EditorConfigDocument file, EditorConfigProperty property, List<ConfigurationProblem> result)
    {
        if (!AnalyzerConfigOptions.TryParseSeverityWord(property.Value, out _, out _))
        {
            result.Add(new ConfigurationProblem(
                file.Path,
                ValueSpanForProblem(property),
                $"'{property.Value}' is not a valid severity for '{file.Text.GetText(property.KeySpan)}'; use error, warning, suggestion, silent, none or default. The setting is ignored.",
                file.Text));
        }
    }

    /// <summary>The value's span, or the separator when the value is empty (so the problem has a visible place).</summary>
    private static TextSpan ValueSpanForProblem(EditorConfigProperty property) =>
        property.ValueSpan.IsEmpty ? property.Span : property.ValueSpan;

    private static string? SafeParent(string directory)
    {
        try
        {
            return Path.GetDirectoryName(directory);
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException)
        {
            return null;
        }
    }

    private static EditorConfigDocument? TryRead(string path, string directory, List<ConfigurationProblem> problems)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                problems.Add(new ConfigurationProblem(path, default, $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB and is not read."));
                return null;
            }

            string content = File.ReadAllText(path);
            return EditorConfigDocument.Parse(new SourceText(content), directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            problems.Add(new ConfigurationProblem(path, default, $"The file could not be read: {ex.Message}"));
            return null;
        }
    }
}
