using System.Buffers.Binary;
using System.Text;

namespace JobSwipe.InfraLint.Workspace.Git;

/// <summary>One entry of the git index: the path (relative to the work tree, '/'-separated), the mode bits and the merge stage.</summary>
public readonly record struct GitIndexEntry(string Path, int Mode, int Stage)
{
    /// <summary>0100644 / 0100755 regular file (not a symlink or submodule).</summary>
    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

    /// <summary>Mode 100755: git checks it out executable.</summary>
    public bool IsExecutable => IsRegularFile && (Mode & 0x49) != 0;

    public override string ToString() => $"{Convert.ToString(Mode, 8)} {Path}";
}

/// <summary>
/// A reader of git's binary index (<c>.git/index</c>, "DIRC" format versions 2, 3 and 4; v4 prefix-compresses paths).
/// It reads only what rules need: each entry's mode and path. It never runs git. Malformed input gives null from
/// <see cref="TryParse"/>, never an exception.
/// </summary>
public sealed class GitIndex
{
    private readonly Dictionary<string, GitIndexEntry> _byPath;

    private GitIndex(int version, IReadOnlyList<GitIndexEntry> entries)
    {
        Version = version;
        Entries = entries;
        _byPath = new Dictionary<string, GitIndexEntry>(StringComparer.Ordinal);
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

    /// <summary>The entry of a path relative to the work tree, or null when it is not tracked.</summary>
    public GitIndexEntry? Find(string path) => _byPath.TryGetValue(path, out var entry) ? entry : null;

    /// <summary>Parses index bytes; <paramref name="hashLength"/> is 20 (SHA-1) or 32 (SHA-256 repositories). Null when malformed.</summary>
    public static GitIndex? TryParse(ReadOnlySpan<byte> data, int hashLength = 20)
    {
        if (data.Length < 12 || !data[..4].SequenceEqual("DIRC"u8))
        {
            return null;
        }

        int version = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        uint count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (version is < 2 or > 4 || count > (uint)(data.Length / 40))
        {
            return null;
        }

        var entries = new List<GitIndexEntry>((int)count);
        int offset = 12;
        int fixedLength = 40 + hashLength + 2; // ctime 8, mtime 8, dev, ino, mode, uid, gid, size 4 each = 40; hash; flags 2
        byte[] previous = [];
        for (uint i = 0; i < count; i++)
        {
            int start = offset;
            if (offset + fixedLength > data.Length)
            {
                return null;
            }

            int mode = (int)BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 24)..]);
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 40 + hashLength)..]);
            offset += fixedLength;
            bool extended = (flags & 0x4000) != 0;
            if (extended)
            {
                if (version < 3 || offset + 2 > data.Length)
                {
                    return null;
                }

                offset += 2;
            }

            int stage = (flags >> 12) & 0x3;
            byte[] path;
            if (version == 4)
            {
                if (!TryReadVarint(data, ref offset, out long strip) || strip > previous.Length)
                {
                    return null;
                }

                int nul = data[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    return null;
                }

                path = [.. previous.AsSpan(0, previous.Length - (int)strip), .. data.Slice(offset, nul)];
                offset += nul + 1;
            }
            else
            {
                int nul = data[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    return null;
                }

                path = data.Slice(offset, nul).ToArray();
                offset += nul + 1;

                // Entries are padded with 1-8 NULs to a multiple of 8 bytes from the entry's start.
                int length = offset - start;
                int padded = (length + 7) & ~7;
                offset = start + padded;
                if (offset > data.Length)
                {
                    return null;
                }
            }

            previous = path;
            entries.Add(new GitIndexEntry(Encoding.UTF8.GetString(path), mode, stage));
        }

        return new GitIndex(version, entries);
    }

    /// <summary>Reads and parses an index file; null when it is missing, unreadable or malformed.</summary>
    public static GitIndex? TryRead(string indexPath)
    {
        try
        {
            var info = new FileInfo(indexPath);
            if (!info.Exists || info.Length > 256L * 1024 * 1024)
            {
                return null;
            }

            byte[] bytes = File.ReadAllBytes(indexPath);
            return TryParse(bytes) ?? TryParse(bytes, 32);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Finds the git checkout holding <paramref name="rootFullPath"/> (walking up to a <c>.git</c> folder, or a <c>.git</c> file
    /// of a worktree or submodule naming its git directory) and reads its index. <c>Prefix</c> is the root's path inside the
    /// work tree ("" at the top, else ending in '/'), to prepend to root-relative paths for <see cref="Find"/>.
    /// </summary>
    public static (GitIndex Index, string Prefix)? ForRoot(string rootFullPath)
    {
        ArgumentNullException.ThrowIfNull(rootFullPath);
        try
        {
            var dir = new DirectoryInfo(rootFullPath);
            var segments = new List<string>();
            while (dir is not null)
            {
                string dotGit = Path.Combine(dir.FullName, ".git");
                string? gitDir = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? ReadGitFile(dotGit, dir.FullName) : null;
                if (gitDir is not null)
                {
                    segments.Reverse();
                    string prefix = segments.Count == 0 ? "" : string.Join('/', segments) + "/";
                    return TryRead(Path.Combine(gitDir, "index")) is { } index ? (index, prefix) : null;
                }

                segments.Add(dir.Name);
                dir = dir.Parent;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private static string? ReadGitFile(string path, string workTree)
    {
        string text = File.ReadAllText(path).Trim();
        if (!text.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return null;
        }

        string target = text[7..].Trim();
        return Path.IsPathRooted(target) ? target : Path.GetFullPath(Path.Combine(workTree, target));
    }

    // Git's offset varint: 7 bits per byte, high bit = more, and each continuation adds one before shifting.
    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int offset, out long value)
    {
        value = 0;
        if (offset >= data.Length)
        {
            return false;
        }

        byte b = data[offset++];
        value = b & 0x7F;
        int guard = 0;
        while ((b & 0x80) != 0)
        {
            if (offset >= data.Length || ++guard > 9)
            {
                return false;
            }

            b = data[offset++];
            value = ((value + 1) << 7) | (long)(b & 0x7F);
        }

        return true;
    }
}
