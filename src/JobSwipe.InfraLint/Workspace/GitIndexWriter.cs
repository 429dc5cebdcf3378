using System.Buffers.Binary;
using System.Security.Cryptography;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Sets the execute bit of tracked files in the git index, as <c>git update-index --chmod=+x</c> does, without running
/// git: under git's own lock (<c>index.lock</c>, created exclusively, renamed over the index), with the trailing checksum
/// recomputed. Only the mode word of each entry changes. The optional extensions that describe the old contents (the
/// cache tree, the untracked cache, the fsmonitor token, the offset tables) are dropped, which git allows and rebuilds;
/// the resolve-undo data is kept. An index git itself marks as needing special handling (a split or sparse index,
/// merge conflicts on the path, a checksum that does not verify) is left alone and the reason returned.
/// </summary>
public static class GitIndexWriter
{
    private const int RegularExecutable = 0x81ED; // 0100755

    /// <summary>
    /// Marks <paramref name="relativePaths"/> (relative to <paramref name="rootFullPath"/>) executable in the index of the checkout
    /// holding the root. Untracked paths and paths already executable are ignored. True when the index was updated or
    /// had nothing to update (no checkout, untracked files); false, with <paramref name="problem"/>, when it was left alone.
    /// </summary>
    public static bool TrySetExecutable(string rootFullPath, IReadOnlyList<string> relativePaths, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        problem = null;
        if (GitIndex.FindCheckout(Path.GetFullPath(rootFullPath)) is not { } checkout)
        {
            return true;
        }

        string index = Path.Combine(checkout.GitDirectory, "index");
        if (!File.Exists(index))
        {
            return true;
        }

        string lockPath = index + ".lock";
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            problem = $"the git index is locked ({lockPath} exists: is git running?); the execute bit was set on disk only. Run: git update-index --chmod=+x {string.Join(' ', relativePaths)}";
            return false;
        }

        bool moved = false;
        try
        {
            using (stream)
            {
                byte[] data = File.ReadAllBytes(index);
                byte[]? updated = Update(data, GitIndex.GetHashLength(checkout.GitDirectory), [.. relativePaths.Select(p => checkout.Prefix + p)], out problem);
                if (updated is null)
                {
                    if (problem is not null)
                    {
                        problem = $"the git index was not changed: {problem}; the execute bit was set on disk only. Run: git update-index --chmod=+x {string.Join(' ', relativePaths)}";
                        return false;
                    }

                    return true;
                }

                stream.Write(updated);
                stream.Flush(flushToDisk: true);
            }

            File.Move(lockPath, index, overwrite: true);
            moved = true;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"the git index could not be updated ({ex.Message}); run: git update-index --chmod=+x {string.Join(' ', relativePaths)}";
            return false;
        }
        finally
        {
            if (!moved)
            {
                try
                {
                    File.Delete(lockPath);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>
    /// The index <paramref name="data"/> with <paramref name="paths"/> (work-tree paths) set to mode 100755, or null when
    /// nothing changes (<paramref name="problem"/> null) or the index must be left alone (<paramref name="problem"/> says why).
    /// </summary>
    public static byte[]? Update(byte[] data, int hashLength, IReadOnlyCollection<string> paths, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(data);
        problem = null;
        var offsets = new List<int>();
        GitIndexEntries entries;
        int entriesEnd;
        try
        {
            entries = GitIndex.ParseEntries(data, hashLength, offsets, out entriesEnd);
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
            return null;
        }

        int bodyLength = data.Length - hashLength;
        if (bodyLength < entriesEnd)
        {
            problem = "the index is truncated";
            return null;
        }

        ReadOnlySpan<byte> checksum = data.AsSpan(bodyLength);
        bool skipHash = !checksum.ContainsAnyExcept((byte)0);
        if (!skipHash && !checksum.SequenceEqual(Hash(data.AsSpan(0, bodyLength), hashLength)))
        {
            problem = "its checksum does not match its contents";
            return null;
        }

        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var change = new List<int>();
        for (int i = 0; i < entries.Entries.Count; i++)
        {
            var entry = entries.Entries[i];
            if (!wanted.Contains(entry.Path))
            {
                continue;
            }

            if (entry.Stage != 0)
            {
                problem = $"{entry.Path} has merge conflicts";
                return null;
            }

            if (entry.IsRegularFile && !entry.IsExecutable)
            {
                change.Add(offsets[i]);
            }
        }

        if (change.Count == 0)
        {
            return null;
        }

        // Extensions: a lower-case signature is one git requires to be understood (split index "link", sparse "sdir").
        var kept = new List<(int Start, int Length)>();
        int offset = entriesEnd;
        while (offset < bodyLength)
        {
            if (offset + 8 > bodyLength)
            {
                problem = "an index extension is truncated";
                return null;
            }

            ReadOnlySpan<byte> signature = data.AsSpan(offset, 4);
            uint size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + 4));
            if (size > (uint)(bodyLength - offset - 8))
            {
                problem = "an index extension is truncated";
                return null;
            }

            if (signature[0] is < (byte)'A' or > (byte)'Z')
            {
                problem = $"it uses the '{System.Text.Encoding.ASCII.GetString(signature)}' extension (a split or sparse index), which InfraLint does not rewrite";
                return null;
            }

            if (signature.SequenceEqual("REUC"u8))
            {
                kept.Add((offset, 8 + (int)size));
            }

            offset += 8 + (int)size;
        }

        var output = new MemoryStream(data.Length);
        output.Write(data, 0, entriesEnd);
        foreach (var (start, length) in kept)
        {
            output.Write(data, start, length);
        }

        byte[] body = output.ToArray();
        foreach (int entry in change)
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(entry + 24), RegularExecutable);
        }

        byte[] trailer = skipHash ? new byte[hashLength] : Hash(body, hashLength);
        return [.. body, .. trailer];
    }

    private static byte[] Hash(ReadOnlySpan<byte> data, int hashLength) => hashLength == 32 ? SHA256.HashData(data) : SHA1.HashData(data);
}
