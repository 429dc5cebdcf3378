namespace JobSwipe.InfraLint.Workspace;

/// <summary>Paths kept in ordinal order: those under one folder (starting with one prefix) are one run of them.</summary>
internal static class SortedPaths
{
    /// <summary>The index of the first item whose path is not ordinally before <paramref name="prefix"/>: where the run of paths starting with it begins.</summary>
    public static int LowerBound<T>(IReadOnlyList<T> sorted, Func<T, string> path, string prefix)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (string.CompareOrdinal(path(sorted[middle]), prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
