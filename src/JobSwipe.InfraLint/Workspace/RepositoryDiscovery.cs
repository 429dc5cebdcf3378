using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>Why a file was left out of linting (reported as JSI0003).</summary>
/// <param name="RelativePath">The file or folder, relative to the root.</param>
/// <param name="Reason">Plain words: "larger than 4 MiB", "a symbolic link loop", …</param>
public sealed record SkippedFile(string RelativePath, string Reason);

/// <summary>The files found under a root, in ordinal path order, and those skipped with the reason.</summary>
public sealed record DiscoveryResult(IReadOnlyList<WorkspaceFile> Files, IReadOnlyList<SkippedFile> Skipped);

/// <summary>
/// Walks the root once. Never follows a symbolic link out of the root or into a loop; folders it cannot read
/// are reported, not thrown. Default excludes: version control, package and build output folders, virtualenvs.
/// </summary>
public static class RepositoryDiscovery
{
    public static DiscoveryResult Discover(string root, DiscoveryOptions options)
    {
        string rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var excludes = options.ExcludeGlobs.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => new GlobPattern(g)).ToArray();
        var files = new List<WorkspaceFile>();
        var skipped = new List<SkippedFile>();
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal) { rootFull };
        // Folders as a small class, not a tuple: ReadyToRun leaves framework generics over value types to the JIT.
        var pending = new Stack<PendingFolder>();
        pending.Push(new PendingFolder(rootFull, string.Empty));
        var enumeration = new EnumerationOptions
        {
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            RecurseSubdirectories = false,
            ReturnSpecialDirectories = false,
        };

        while (pending.Count > 0)
        {
            var (dirFull, dirRelative) = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(dirFull).EnumerateFileSystemInfos("*", enumeration)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                skipped.Add(new SkippedFile(dirRelative.Length == 0 ? "." : dirRelative, "the folder cannot be read"));
                continue;
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<PendingFolder>();
            foreach (var entry in entries)
            {
                string relative = dirRelative.Length == 0 ? entry.Name : dirRelative + "/" + entry.Name;
                if (excludes.Any(e => e.IsMatch(relative)))
                {
                    continue;
                }

                bool isLink = entry.LinkTarget is not null;
                if (entry is DirectoryInfo directory)
                {
                    if (DiscoveryOptions.DefaultExcludedDirectories.Contains(entry.Name) || IsVirtualEnvironment(directory))
                    {
                        continue;
                    }

                    string target = directory.FullName;
                    if (isLink)
                    {
                        string? resolved = ResolveLink(directory);
                        if (resolved is null)
                        {
                            skipped.Add(new SkippedFile(relative, "a symbolic link whose target cannot be resolved"));
                            continue;
                        }

                        if (!IsUnder(resolved, rootFull))
                        {
                            skipped.Add(new SkippedFile(relative, "a symbolic link to a folder outside the linted root"));
                            continue;
                        }

                        target = resolved;
                    }

                    if (!visited.Add(Path.TrimEndingDirectorySeparator(target)))
                    {
                        skipped.Add(new SkippedFile(relative, "a symbolic link loop (the folder was already visited)"));
                        continue;
                    }

                    subdirectories.Add(new PendingFolder(directory.FullName, relative));
                    continue;
                }

                if (entry is not FileInfo file || DiscoveryOptions.DefaultExcludedExtensions.Contains(file.Extension))
                {
                    continue;
                }

                if (isLink)
                {
                    string? resolved = ResolveLink(file);
                    if (resolved is null || !File.Exists(resolved))
                    {
                        skipped.Add(new SkippedFile(relative, "a symbolic link whose target does not exist or loops"));
                        continue;
                    }

                    if (!IsUnder(resolved, rootFull))
                    {
                        skipped.Add(new SkippedFile(relative, "a symbolic link to a file outside the linted root"));
                        continue;
                    }
                }

                if (files.Count >= options.MaxFiles)
                {
                    skipped.Add(new SkippedFile(relative, $"more than {options.MaxFiles} files under the root; the rest were not read"));
                    pending.Clear();
                    subdirectories.Clear();
                    break;
                }

                FileKind kind = FileClassifier.Classify(relative);
                long length;
                DateTime lastWrite;
                try
                {
                    var info = isLink ? new FileInfo(ResolveLink(file)!) : file;
                    length = info.Length;
                    lastWrite = info.LastWriteTimeUtc;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    length = 0;
                    lastWrite = default;
                }

                if (kind == FileKind.Other && !Path.HasExtension(entry.Name) && length is > 2 and < 1_000_000 && HasShellShebang(file.FullName))
                {
                    kind = FileKind.ShellScript;
                }

                files.Add(new WorkspaceFile(relative, file.FullName, kind, FileClassifier.ClassifyEnvironment(relative, kind), length, lastWrite));
            }

            // Push in reverse so folders are visited in ordinal order.
            for (int i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new DiscoveryResult(files, skipped);
    }

    private static bool IsVirtualEnvironment(DirectoryInfo directory)
    {
        try
        {
            return File.Exists(Path.Combine(directory.FullName, "pyvenv.cfg"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? ResolveLink(FileSystemInfo info)
    {
        try
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? null : Path.GetFullPath(target.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsUnder(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        path = Path.TrimEndingDirectorySeparator(path);
        return path.Equals(root, comparison) || path.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }

    private static bool HasShellShebang(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 256);
            Span<byte> buffer = stackalloc byte[128];
            int read = stream.Read(buffer);
            var line = System.Text.Encoding.UTF8.GetString(buffer[..read]);
            int newline = line.IndexOf('\n', StringComparison.Ordinal);
            return FileClassifier.IsShellShebang(newline < 0 ? line : line[..newline].TrimEnd('\r'));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A folder still to walk: its full path and its path relative to the root.</summary>
    private sealed record PendingFolder(string Full, string Relative);
}
