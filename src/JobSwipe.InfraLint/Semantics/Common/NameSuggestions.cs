namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>The edit distance behind every "did you mean" of the rules (unknown Fly keys, stage names, service names).</summary>
public static class NameSuggestions
{
    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours each count
    /// one edit. Work stops early once the distance must exceed <paramref name="limit"/>; the result is then
    /// <paramref name="limit"/> + 1.
    /// </summary>
    public static int Distance(string a, string b, int limit = 64)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return Math.Min(d[a.Length, b.Length], limit + 1);
    }
}
