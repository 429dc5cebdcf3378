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
    public static IReadOnlySet<string> Parse(ReadOnlySpan<byte> data, int hashLength = 20)
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
        var paths = new HashSet<string>(StringComparer.Ordinal);
        int offset = 12;
        byte[] previous = [];
        for (uint n = 0; n < count; n++)
        {
            int entryStart = offset;
            int flagsOffset = offset + 40 + hashLength;
            if (flagsOffset + 2 > data.Length)
            {
                throw new FormatException("truncated git index entry");
            }

            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(data[flagsOffset..]);
            offset = flagsOffset + 2;
            if (version >= 3 && (flags & 0x4000) != 0)
            {
                offset += 2;
            }

            byte[] path;
            if (version == 4)
            {
                // Prefix compression: a varint of bytes to drop from the previous path, then the NUL-terminated rest.
                long drop = ReadOffsetVarint(data, ref offset);
                int keep = previous.Length - (int)drop;
                if (keep < 0)
                {
                    throw new FormatException("bad path compression in git index");
                }

                int nul = data[offset..].IndexOf((byte)0);
                if (nul < 0)
                {
                    throw new FormatException("unterminated path in git index");
                }

                path = [.. previous.AsSpan(0, keep), .. data.Slice(offset, nul)];
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
            }

            paths.Add(Encoding.UTF8.GetString(path));
            previous = path;
        }

        return paths;
    }

    private static long ReadOffsetVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        // git's offset encoding (varint.c): each continuation adds one before shifting.
        byte c = data[offset++];
        long value = c & 0x7f;
        while ((c & 0x80) != 0)
        {
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
