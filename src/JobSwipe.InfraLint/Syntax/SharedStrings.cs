namespace JobSwipe.InfraLint.Syntax;

/// <summary>
/// One string object for each short piece of text that parsers keep again and again (a shell word, a variable name, a
/// key): every file's model lives for the whole run, and the same words (<c>echo</c>, <c>-y</c>, <c>install</c>) come
/// back in thousands of files. A fixed table of the last string seen per hash slot, shared by all threads without a
/// lock (a slot holds a whole string or another one: a lost race only costs a new string). Strings are immutable, so
/// who shares one cannot tell.
/// </summary>
internal static class SharedStrings
{
    private const int MaxLength = 40;
    private const int Size = 1 << 14;
    private static readonly string?[] Table = new string?[Size];

    /// <summary>The text <paramref name="source"/>[<paramref name="start"/>..+<paramref name="length"/>] as a string, shared when short.</summary>
    public static string Get(string source, int start, int length)
    {
        if (length <= 0)
        {
            return "";
        }

        if (length > MaxLength)
        {
            return source.Substring(start, length);
        }

        ReadOnlySpan<char> text = source.AsSpan(start, length);
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        ref string? slot = ref Table[(int)(hash & (Size - 1))];
        string? existing = Volatile.Read(ref slot);
        if (existing is not null && text.SequenceEqual(existing))
        {
            return existing;
        }

        string created = text.ToString();
        Volatile.Write(ref slot, created);
        return created;
    }
}
