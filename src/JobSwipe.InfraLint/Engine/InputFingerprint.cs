using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// A hash of everything a run's result depends on: the engine's build, the options, every discovered file's path, kind
/// and emptiness, the size and last write time of every file whose contents the run may read, what discovery skipped,
/// and the .editorconfig files above the root. Equal fingerprints mean the previous findings can be re-reported without
/// parsing (MSBuild's no-op rebuild). The files the previous run did not read (<see cref="LintResult.ContentNotRead"/>)
/// are left out of the content part: a change to their contents alone cannot change the findings, because what a run
/// reads depends only on the paths, kinds and emptiness of the files and on the contents it read.
/// </summary>
public static class InputFingerprint
{
    /// <summary>
    /// The fingerprint of a run with <paramref name="options"/> over <paramref name="discovery"/>:
    /// besides the files, the exclude globs, the custom analyzer assemblies (path, size, time), the baseline file (path,
    /// size, time and contents) and <paramref name="packageVersion"/>, so that an upgrade invalidates it.
    /// </summary>
    /// <param name="options">The run's options.</param>
    /// <param name="discovery">The run's discovery.</param>
    /// <param name="packageVersion">The package's identity.</param>
    /// <param name="contentNotRead">The files whose contents the run did not read (relative paths).</param>
    public static string Compute(LintOptions options, DiscoveryResult discovery, string? packageVersion, IEnumerable<string> contentNotRead)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(discovery);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Root));
        string baselinePath = LintEngine.GetBaselinePath(options) ?? string.Empty;
        IReadOnlyList<string> analyzers = options.AnalyzerAssemblies;
        return Compute(
            root,
            discovery.Files,
            extraInputs: baselinePath.Length == 0 ? analyzers : [baselinePath, .. analyzers],
            optionValues:
            [
                packageVersion ?? string.Empty, string.Join(';', options.Discovery.ExcludeGlobs), string.Join(';', analyzers), baselinePath, HashContents(baselinePath),
                .. discovery.Skipped.Select(s => "skipped|" + s.RelativePath + "|" + s.Reason),
            ],
            contentNotRead: contentNotRead.ToHashSet(StringComparer.Ordinal));
    }

    /// <param name="root">The root.</param>
    /// <param name="files">The discovered files.</param>
    /// <param name="extraInputs">Other files the result depends on (path, size and time are hashed).</param>
    /// <param name="optionValues">The options, as text.</param>
    /// <param name="contentNotRead">Files of <paramref name="files"/> whose size and time are left out; null for none.</param>
    public static string Compute(string root, IReadOnlyList<WorkspaceFile> files, IEnumerable<string> extraInputs, IEnumerable<string> optionValues, IReadOnlySet<string>? contentNotRead = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData("\n"u8);
        }

        Add(typeof(InputFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(root);
        foreach (string option in optionValues)
        {
            Add(option);
        }

        foreach (var file in files)
        {
            Add(contentNotRead is not null && contentNotRead.Contains(file.RelativePath)
                ? string.Create(CultureInfo.InvariantCulture, $"{file.RelativePath}|{file.Kind}|{(file.Length == 0 ? "empty" : "not read")}")
                : string.Create(CultureInfo.InvariantCulture, $"{file.RelativePath}|{file.Kind}|{file.Length}|{file.LastWriteTimeUtc.Ticks}"));
        }

        foreach (string path in extraInputs)
        {
            Add(Describe(path));
        }

        foreach (string editorConfig in AncestorEditorConfigs(root))
        {
            Add(Describe(editorConfig));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
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

    private static string Describe(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists
                ? string.Create(CultureInfo.InvariantCulture, $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")
                : path + "|missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return path + "|unreadable";
        }
    }

    private static IEnumerable<string> AncestorEditorConfigs(string root)
    {
        var directory = Directory.GetParent(root);
        while (directory is not null)
        {
            yield return Path.Combine(directory.FullName, ".editorconfig");
            directory = directory.Parent;
        }
    }
}
