namespace JobSwipe.InfraLint.Workspace;

/// <summary>What discovery skips and how large a file may be.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>Folders never entered, by name (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> DefaultExcludedDirectories = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".hg", ".svn", "node_modules", "bin", "obj", ".vs", ".idea", "__pycache__", ".venv", "venv",
        ".tox", ".mypy_cache", ".pytest_cache", ".terraform", ".gradle", ".dart_tool", "bower_components",
    };

    /// <summary>
    /// Files never taken, by extension: MSBuild binary logs (<c>dotnet build -bl</c> writes <c>msbuild.binlog</c> into the
    /// project's folder, which is often the linted root), which no rule reads and which would otherwise change the no-op
    /// cache's fingerprint on every such build.
    /// </summary>
    public static readonly IReadOnlySet<string> DefaultExcludedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".binlog" };

    /// <summary>Glob patterns (relative to the root, forward slashes, <c>**</c> allowed) for files and folders to skip.</summary>
    public IReadOnlyList<string> ExcludeGlobs { get; init; } = [];

    /// <summary>Files larger than this are skipped with JSI0003. 4 MiB by default: infrastructure files are small.</summary>
    public long MaxFileSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>At most this many files are taken; the rest are reported once with JSI0003.</summary>
    public int MaxFiles { get; init; } = 200_000;
}
