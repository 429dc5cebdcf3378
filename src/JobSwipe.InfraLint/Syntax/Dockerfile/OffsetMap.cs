using System.Runtime.InteropServices;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>
/// A map from the offsets of a logical text (continuations joined, comment lines left out) to source offsets, kept as
/// runs: a logical text is a few stretches of consecutive source text, so a run per stretch replaces an offset per
/// character (4 bytes for every character of every RUN, live for the whole run).
/// </summary>
internal sealed class OffsetMap
{
    // Pairs (logical start, source start), logical starts ascending from 0.
    private readonly List<int> _runs = [];
    private int _lastSource = int.MinValue;

    /// <summary>The number of logical offsets mapped.</summary>
    public int Count { get; private set; }

    /// <summary>Maps the next logical offset to <paramref name="source"/>.</summary>
    public void Add(int source)
    {
        if (Count == 0 || source != _lastSource + 1)
        {
            _runs.Add(Count);
            _runs.Add(source);
        }

        _lastSource = source;
        Count++;
    }

    /// <summary>Maps the next <paramref name="count"/> logical offsets to <paramref name="sourceStart"/>, <paramref name="sourceStart"/> + 1, ...</summary>
    public void AddRun(int sourceStart, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Add(sourceStart);
        _lastSource = sourceStart + count - 1;
        Count += count - 1;
    }

    /// <summary>The source offset of a logical offset in [0, <see cref="Count"/>).</summary>
    public int this[int logical] => Lookup(CollectionsMarshal.AsSpan(_runs), logical);

    /// <summary>The runs as an array, for a <see cref="ShellSource"/> to keep.</summary>
    public int[] ToRuns() => [.. _runs];

    /// <summary>The source offset of <paramref name="logical"/> in runs from <see cref="ToRuns"/>.</summary>
    public static int Lookup(ReadOnlySpan<int> runs, int logical)
    {
        if (runs.Length == 0)
        {
            return 0;
        }

        // The last run whose logical start is at most the offset.
        int lo = 0;
        int hi = (runs.Length / 2) - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (runs[2 * mid] <= logical)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return runs[(2 * lo) + 1] + (logical - runs[2 * lo]);
    }
}
