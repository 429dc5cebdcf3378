using System.Buffers.Binary;
using System.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// The paths tracked by a git checkout, read from its index file (<c>.git/index</c>, formats 2, 3 and 4) without
/// running git. <c>.git</c> may be a folder or a <c>gitdir:</c> file (worktrees, submodules).
/// </summary>
public static class GitIndex
{
    /// <summary>The tracked paths of the checkout at <paramref name="root"/>, or null when it is not a checkout or the index cannot be read.</summary>
    public static IReadOnlySet<string>? TryReadTrackedPaths(string root)
    {
        try
        {
            string? gitDir = FindGitDirectory(root);
            if (gitDir is null)
            {
                return null;
            }

            string index = Path.Combine(gitDir, "index");
            if (!File.Exists(index))
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }

            int hashLength = IsSha256(gitDir) ? 32 : 20;
            return Parse(File.ReadAllBytes(index), hashLength);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The paths of an index file's entries (stage 0 and conflict stages alike).</summary>
    public static IReadOnlySet<string> Parse(ReadOnlySpan<byte> data, int hashLength = 20) =>
        new HashSet<string>(ParseEntries(data, hashLength).Entries.Select(e => e.Path), StringComparer.Ordinal);

    /// <summary>The entries of an index file with their modes and merge stages; malformed data throws <see cref="FormatException"/>.</summary>
    public static GitIndexEntries ParseEntries(ReadOnlySpan<byte> data, int hashLength = 20) => ParseEntries(data, hashLength, null, out _);

    /// <summary>
    /// The entries, and where each entry starts in <paramref name="data"/> (into <paramref name="entryOffsets"/> when
    /// given) and where the entries end (the first extension, or the checksum): what <see cref="GitIndexWriter"/> edits.
    /// </summary>
    internal static GitIndexEntries ParseEntries(ReadOnlySpan<byte> data, int hashLength, List<int>? entryOffsets, out int entriesEnd)
    {
        if (data.Length < 12 || !data[..4].SequenceEqual("DIRC"u8))
        {
            throw new FormatException("not a git index (no DIRC signature)");
        }

        uint version = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (version is < 2 or > 4)
        {
            throw new FormatException($"unsupported git index version {version}");
        }

        uint count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (count > (uint)(data.Length / 40))
        {
            throw new FormatException("git index entry count exceeds its size");
        }

        var entries = new List<GitIndexEntry>((int)count);
        int offset = 12;
        byte[] previous = [];
        for (uint n = 0; n < count; n++)
        {
            int entryStart = offset;
            entryOffsets?.Add(entryStart);
            int flagsOffset = offset + 40 + hashLength;
            if (flagsOffset + 2 > data.Length)
            {
                throw new FormatException("truncated git index entry");
            }

            int mode = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 24)..]);
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(data[flagsOffset..]);
            offset = flagsOffset + 2;
            if (version >= 3 && (flags & 0x4000) != 0)
            {
                offset += 2;
            }

            if (offset > data.Length)
            {
                throw new FormatException("truncated git index entry");
            }

            byte[] path;
            if (version == 4)
            {
                // Prefix compression: a varint of bytes to drop from the previous path, then the NUL-terminated rest.
                long drop = ReadOffsetVarint(data, ref offset);
                long keep = previous.Length - drop;
                if (keep < 0)
                {
                    throw new FormatException("bad path compression in git index");
                }

                int nul = data[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    throw new FormatException("unterminated path in git index");
                }

                path = [.. previous.AsSpan(0, (int)keep), .. data.Slice(offset, nul)];
                offset += nul + 1;
            }
            else
            {
                int nul = data[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    throw new FormatException("unterminated path in git index");
                }

                path = data.Slice(offset, nul).ToArray();
                offset += nul + 1;

                // Entries are padded with 1–8 NULs to a multiple of eight bytes.
                int length = offset - entryStart;
                offset = entryStart + ((length + 7) & ~7);
                if (offset > data.Length)
                {
                    throw new FormatException("truncated git index entry");
                }
            }

            entries.Add(new GitIndexEntry(Encoding.UTF8.GetString(path), mode, (flags >> 12) & 0x3));
            previous = path;
        }

        entriesEnd = offset;
        return new GitIndexEntries((int)version, entries);
    }

    /// <summary>Like <see cref="ParseEntries(ReadOnlySpan{byte}, int)"/>, but null instead of an exception for malformed data.</summary>
    public static GitIndexEntries? TryParseEntries(ReadOnlySpan<byte> data, int hashLength = 20)
    {
        try
        {
            return ParseEntries(data, hashLength);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The index entries of the checkout holding <paramref name="rootFullPath"/>, found by walking up to a <c>.git</c> folder or
    /// <c>gitdir:</c> file. <c>Prefix</c> is the root's path inside the work tree ("" at the top, else ending in '/'), to
    /// prepend to root-relative paths for <see cref="GitIndexEntries.Find"/>. Null when there is no checkout or no readable index.
    /// </summary>
    public static (GitIndexEntries Index, string Prefix)? TryReadEntriesForRoot(string rootFullPath)
    {
        ArgumentNullException.ThrowIfNull(rootFullPath);
        try
        {
            if (FindCheckout(rootFullPath) is not { } checkout)
            {
                return null;
            }

            string index = Path.Combine(checkout.GitDirectory, "index");
            var info = new FileInfo(index);
            if (!info.Exists || info.Length > 256L * 1024 * 1024)
            {
                return null;
            }

            return TryParseEntries(File.ReadAllBytes(index), GetHashLength(checkout.GitDirectory)) is { } entries ? (entries, checkout.Prefix) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }

        return null;
    }

    /// <summary>
    /// The git directory of the checkout holding <paramref name="rootFullPath"/> (walking up to a <c>.git</c> folder or
    /// <c>gitdir:</c> file) and the root's path inside the work tree ("" at the top, else ending in '/'); null outside a checkout.
    /// </summary>
    internal static (string GitDirectory, string Prefix)? FindCheckout(string rootFullPath)
    {
        var dir = new DirectoryInfo(rootFullPath);
        var segments = new List<string>();
        while (dir is not null)
        {
            if (FindGitDirectory(dir.FullName) is { } gitDir)
            {
                segments.Reverse();
                return (gitDir, segments.Count == 0 ? "" : string.Join('/', segments) + "/");
            }

            segments.Add(dir.Name);
            dir = dir.Parent;
        }

        return null;
    }

    /// <summary>The length of the repository's object hashes: 32 for a SHA-256 repository, else 20.</summary>
    internal static int GetHashLength(string gitDir) => IsSha256(gitDir) ? 32 : 20;

    private static long ReadOffsetVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        // git's offset encoding (varint.c): each continuation adds one before shifting.
        if (offset >= data.Length)
        {
            throw new FormatException("truncated path compression in git index");
        }

        byte c = data[offset++];
        long value = c & 0x7f;
        int guard = 0;
        while ((c & 0x80) != 0)
        {
            if (offset >= data.Length || ++guard > 9)
            {
                throw new FormatException("bad path compression in git index");
            }

            c = data[offset++];
            value = ((value + 1) << 7) | (long)(c & 0x7f);
        }

        return value;
    }

    private static string? FindGitDirectory(string root)
    {
        string dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit))
        {
            return dotGit;
        }

        if (File.Exists(dotGit))
        {
            string first = File.ReadLines(dotGit).FirstOrDefault() ?? string.Empty;
            if (first.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                string target = first[7..].Trim();
                string full = Path.IsPathRooted(target) ? target : Path.GetFullPath(Path.Combine(root, target));
                return Directory.Exists(full) ? full : null;
            }
        }

        return null;
    }

    private static bool IsSha256(string gitDir)
    {
        string config = Path.Combine(gitDir, "config");
        if (!File.Exists(config))
        {
            // A worktree's gitdir has a commondir file pointing at the main repository.
            string common = Path.Combine(gitDir, "commondir");
            if (File.Exists(common))
            {
                config = Path.Combine(Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(common).Trim())), "config");
            }
        }

        return File.Exists(config) && File.ReadAllText(config).Contains("objectformat = sha256", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One entry of the git index: the path (relative to the work tree, '/'-separated), the mode bits and the merge stage.</summary>
public readonly record struct GitIndexEntry(string Path, int Mode, int Stage)
{
    /// <summary>0100644 / 0100755: a regular file (not a symlink or a submodule).</summary>
    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

    /// <summary>Mode 100755: git checks it out executable.</summary>
    public bool IsExecutable => IsRegularFile && (Mode & 0x49) != 0;

    public override string ToString() => $"{Convert.ToString(Mode, 8)} {Path}";
}

/// <summary>The entries of a git index with their modes, by path.</summary>
public sealed class GitIndexEntries
{
    private readonly Dictionary<string, GitIndexEntry> _byPath = new(StringComparer.Ordinal);

    public GitIndexEntries(int version, IReadOnlyList<GitIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Version = version;
        Entries = entries;
        foreach (GitIndexEntry entry in entries)
        {
            if (entry.Stage == 0 || !_byPath.ContainsKey(entry.Path))
            {
                _byPath[entry.Path] = entry;
            }
        }
    }

    public int Version { get; }

    public IReadOnlyList<GitIndexEntry> Entries { get; }

    /// <summary>The entry of a path relative to the work tree (stage 0, or the first conflict stage), or null when untracked.</summary>
    public GitIndexEntry? Find(string path) => _byPath.TryGetValue(path, out var entry) ? entry : null;
}
