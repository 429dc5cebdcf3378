using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>
/// Whether git tracks a file of the repository, decided once per run: when the root is a git checkout, from its index
/// (<see cref="GitIndex"/>); otherwise from the repository's .gitignore files and .git/info/exclude (<see cref="GitIgnore"/>),
/// where "tracked" means "not ignored".
/// </summary>
public sealed class GitTracking
{

    private readonly IReadOnlySet<string>? _index;
    private readonly GitIgnore _ignore = new();

    private GitTracking(Repository repository)
    {
        _index = GitIndex.TryReadTrackedPaths(repository.RootFullPath);
        foreach (var file in repository.Files.Where(f => f.Name == ".gitignore"))
        {
            if (repository.GetText(file) is { } text)
            {
                _ignore.Add(file.Directory, text.Content);
            }
        }

        string exclude = Path.Combine(repository.RootFullPath, ".git", "info", "exclude");
        if (File.Exists(exclude))
        {
            try
            {
                _ignore.Add(string.Empty, File.ReadAllText(exclude));
            }
            catch (IOException)
            {
                // Unreadable: the .gitignore files still apply.
            }
        }
    }

    /// <summary>True when the root is a git checkout whose index could be read.</summary>
    public bool IsCheckout => _index is not null;

    public static GitTracking For(Repository repository) => repository.Facts.Get(static r => new GitTracking(r));

    /// <summary>In a checkout: the file is in the index. Otherwise: no .gitignore ignores it.</summary>
    public bool IsTracked(string relativePath) => _index is not null ? _index.Contains(relativePath) : !_ignore.IsIgnored(relativePath);

    /// <summary>
    /// True when git tracks the file or would track it on the next <c>git add -A</c>: it is in the index, or no
    /// .gitignore and no .git/info/exclude ignores it.
    /// </summary>
    public bool WouldTrack(string relativePath) => _index is not null && _index.Contains(relativePath) || !_ignore.IsIgnored(relativePath);
}
