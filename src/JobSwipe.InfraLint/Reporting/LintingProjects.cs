using System.Security.Cryptography;
using System.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// The projects whose builds lint one root, kept beside its cache: <c>projects/</c> under the cache folder, one file per
/// project, named by a hash of the project file's full path and holding that path (written atomically, so never half).
/// The MSBuild task asks <see cref="RegisteredAlone"/> before each analysis: a project that an earlier build registered
/// and that no other project has joined analyses the root itself, skipping MSBuild's call into the package's analysis
/// project (about 40 ms of a no-op build); every other project registers itself and goes through that call, which runs
/// the root's analysis once per build and has its findings reported by one project (docs/architecture.md, "One
/// repository, one report"). Projects whose file no longer exists (deleted, renamed, moved) are forgotten, so the folder
/// holds at most one file per project file that exists and has linted this root.
/// </summary>
public sealed class LintingProjects
{
    /// <summary>The extension of a registration; anything else in the folder is not one.</summary>
    public const string Extension = ".project";

    /// <param name="cacheDirectory">The root's cache folder (<c>InfraLintCacheDirectory</c>).</param>
    public LintingProjects(string cacheDirectory)
    {
        Folder = Path.Combine(Path.GetFullPath(cacheDirectory), "projects");
    }

    /// <summary>The registry's folder.</summary>
    public string Folder { get; }

    /// <summary>The registration file of <paramref name="projectFile"/> (a full path).</summary>
    public string EntryFor(string projectFile) =>
        Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(projectFile)), 0, 8) + Extension);

    /// <summary>
    /// True when <paramref name="projectFile"/> was registered by an earlier build and is the only project registered
    /// whose file still exists: it may analyse the root itself. Otherwise registers it (when it was not) and returns
    /// false: it goes through the shared analysis. Registrations of project files that no longer exist, and leftovers of
    /// writes interrupted more than an hour ago, are removed on the way. When the folder cannot be read or written the
    /// answer is false (the shared analysis is always correct, only slower).
    /// </summary>
    public bool RegisteredAlone(string projectFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectFile);
        string own = EntryFor(projectFile);
        bool registered = false, others = false;
        try
        {
            if (Directory.Exists(Folder))
            {
                foreach (var entry in new DirectoryInfo(Folder).EnumerateFiles())
                {
                    if (!entry.Name.EndsWith(Extension, StringComparison.Ordinal))
                    {
                        // An atomic write's temporary file: another project registering now, or a write killed half-way.
                        if (entry.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))
                        {
                            TryDelete(entry.FullName);
                        }

                        continue;
                    }

                    if (string.Equals(entry.FullName, own, StringComparison.Ordinal))
                    {
                        registered = true;
                    }
                    else if (ProjectOf(entry.FullName) is { } project && File.Exists(project))
                    {
                        others = true;
                    }
                    else
                    {
                        TryDelete(entry.FullName);
                    }
                }
            }

            if (registered && !others)
            {
                return true;
            }

            if (!registered)
            {
                AtomicFile.WriteAllText(own, projectFile);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Could not read or register: the shared analysis reports once whatever this folder says.
        }

        return false;
    }

    /// <summary>The project a registration names; null when it cannot be read or names nothing.</summary>
    private static string? ProjectOf(string entry)
    {
        try
        {
            string text = File.ReadAllText(entry);
            return Path.IsPathFullyQualified(text) ? text : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another build removed it first, or the folder is read-only: the next look tries again.
        }
    }
}
