using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Secrets;

/// <summary>The repository's files that look like secrets by name (and, for .pem, by a private key header), found once.</summary>
public sealed class SecretFileIndex
{
    private SecretFileIndex(Repository repository)
    {
        var files = new List<string>();
        foreach (WorkspaceFile file in repository.Files)
        {
            if (IsSecretFile(repository, file))
            {
                files.Add(file.RelativePath);
            }
        }

        Files = files;
        _sorted = [.. files.Select((path, index) => (path, index)).OrderBy(f => f.path, StringComparer.Ordinal)];
    }

    // The paths in ordinal order with their place in Files: the paths under a folder are one run of it.
    private readonly (string Path, int Index)[] _sorted;

    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// The files whose path starts with <paramref name="prefix"/> (a folder and its '/', or "" for all), in the order of
    /// <see cref="Files"/>: a binary search, so a rule asking for each Dockerfile's context does not walk every file.
    /// </summary>
    public IReadOnlyList<string> StartingWith(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return Files;
        }

        var indices = new List<int>();
        for (int i = SortedPaths.LowerBound(_sorted, static f => f.Path, prefix); i < _sorted.Length && _sorted[i].Path.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            indices.Add(_sorted[i].Index);
        }

        indices.Sort();
        return [.. indices.Select(i => Files[i])];
    }

    public static SecretFileIndex For(Repository repository) => repository.Facts.Get(static r => new SecretFileIndex(r));

    private static bool IsSecretFile(Repository repository, WorkspaceFile file)
    {
        string name = file.Name.ToLowerInvariant();
        if (name.EndsWith(".license", StringComparison.Ordinal))
        {
            return false; // a REUSE sidecar: the licence of the file it is named after
        }

        if (TestEnvFiles.Contains(name))
        {
            // Settings for a test run: a secret file only when it assigns a literal to a secret-like name.
            return repository.GetText(file) is not { } env || env.Content.Split('\n').Any(AssignsSecret);
        }

        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) && !IsTemplate(name))
        {
            return true;
        }

        if (name.StartsWith("id_rsa", StringComparison.Ordinal) || name.StartsWith("id_ed25519", StringComparison.Ordinal) || name.StartsWith("id_ecdsa", StringComparison.Ordinal) || name.StartsWith("id_dsa", StringComparison.Ordinal))
        {
            return !name.EndsWith(".pub", StringComparison.Ordinal);
        }

        if (name.EndsWith(".key", StringComparison.Ordinal) || name.EndsWith(".p12", StringComparison.Ordinal) || name.EndsWith(".pfx", StringComparison.Ordinal)
            || name is "credentials" or "credentials.json" or ".netrc" or ".pgpass" || name.EndsWith("-credentials.json", StringComparison.Ordinal) || name.EndsWith("_credentials.json", StringComparison.Ordinal)
            || name.StartsWith("service-account", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
        {
            return true;
        }

        if (name.EndsWith(".pem", StringComparison.Ordinal))
        {
            // Certificates are public; only a private key is a secret.
            return repository.GetText(file) is not { } text || text.Content.Contains("PRIVATE KEY", StringComparison.Ordinal);
        }

        return false;
    }

    private static readonly HashSet<string> TestEnvFiles = new(StringComparer.Ordinal) { ".env.test", ".env.testing", ".env.ci", ".env.e2e" };

    private static bool AssignsSecret(string line)
    {
        int eq = line.IndexOf('=');
        if (eq <= 0 || line.TrimStart().StartsWith('#'))
        {
            return false;
        }

        string name = line[..eq].Trim();
        name = name.StartsWith("export ", StringComparison.Ordinal) ? name[7..].Trim() : name;
        string value = line[(eq + 1)..].Trim().Trim('"', '\'');
        return value.Length > 0 && SecretHeuristics.IsSecretLikeName(name) && !SecretHeuristics.ContainsReference(value) && !SecretHeuristics.IsPlaceholder(value);
    }

    private static bool IsTemplate(string name) =>
        name.EndsWith(".example", StringComparison.Ordinal) || name.EndsWith(".sample", StringComparison.Ordinal) || name.EndsWith(".template", StringComparison.Ordinal)
        || name.EndsWith(".dist", StringComparison.Ordinal) || name.EndsWith(".tpl", StringComparison.Ordinal) || name.EndsWith(".defaults", StringComparison.Ordinal);
}
