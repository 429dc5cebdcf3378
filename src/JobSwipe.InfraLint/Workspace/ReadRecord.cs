using System.Collections.Concurrent;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Who read each file of a run (the flags of <see cref="Repository"/>: read, by its own per-file action, by anything
/// else). The files are known when the run begins, so each has a slot in one array, set with an atomic OR: recording a
/// read takes no lock, and a second read with the same flags writes nothing. A path outside that list (a file a later
/// snapshot added) falls back to a concurrent dictionary.
/// </summary>
internal sealed class ReadRecord
{
    private readonly Dictionary<string, int> _slots;
    private readonly int[] _flags;
    private readonly ConcurrentDictionary<string, byte> _others = new(StringComparer.Ordinal);

    public ReadRecord(IReadOnlyList<WorkspaceFile> files)
    {
        _slots = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            _slots.TryAdd(files[i].RelativePath, _slots.Count);
        }

        _flags = new int[_slots.Count];
    }

    /// <summary>Adds <paramref name="flags"/> to the file's.</summary>
    public void Add(string relativePath, byte flags)
    {
        if (_slots.TryGetValue(relativePath, out int slot))
        {
            if ((Volatile.Read(ref _flags[slot]) & flags) != flags)
            {
                Interlocked.Or(ref _flags[slot], flags);
            }

            return;
        }

        if (_others.TryGetValue(relativePath, out byte known) && (known & flags) == flags)
        {
            return;
        }

        _others.AddOrUpdate(relativePath, static (_, add) => add, static (_, old, add) => (byte)(old | add), flags);
    }

    /// <summary>The file's flags, or false when nothing read it.</summary>
    public bool TryGet(string relativePath, out byte flags)
    {
        if (_slots.TryGetValue(relativePath, out int slot))
        {
            flags = (byte)Volatile.Read(ref _flags[slot]);
            return flags != 0;
        }

        return _others.TryGetValue(relativePath, out flags);
    }
}
