namespace JobSwipe.InfraLint.Text;

/// <summary>
/// Every "did you mean" of InfraLint: the closest known name to a mistyped one (unknown Fly keys and process groups,
/// COPY --from stage names, compose service names) and the edit distance behind it (also the CLI's rule IDs).
/// </summary>
public static class NameSuggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="name"/>, or null when none is close. Names compare without case and with
    /// <c>-</c> and <c>_</c> alike (so <c>auto-stop</c> finds <c>auto_stop</c> at distance 0); a candidate is close within
    /// one edit per three characters of the shorter name (at least one, at most three). With
    /// <paramref name="allowContained"/>, also when one name of four or more characters contains the other: right for
    /// abbreviated keys (<c>auto_stop</c> for <c>auto_stop_machines</c>), wrong for names of distinct things (a missing
    /// <c>mongo</c> service is not <c>mongo-webui</c>). The first of equally close candidates wins.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates, bool allowContained = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        static string Fold(string s) => s.ToLowerInvariant().Replace('-', '_');
        string target = Fold(name);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            string normal = Fold(candidate);
            int limit = Math.Max(1, Math.Min(3, Math.Min(target.Length, normal.Length) / 3));
            int distance = Distance(target, normal, limit);
            bool contains = allowContained && target.Length >= 4 && normal.Length >= 4 && (normal.Contains(target, StringComparison.Ordinal) || target.Contains(normal, StringComparison.Ordinal));
            if (contains && distance > limit)
            {
                distance = limit;
            }

            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours each count
    /// one edit. Work stops early once the distance must exceed <paramref name="limit"/>; the result is then
    /// <paramref name="limit"/> + 1.
    /// </summary>
    public static int Distance(string a, string b, int limit = 64)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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
