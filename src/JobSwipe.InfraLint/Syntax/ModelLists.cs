namespace JobSwipe.InfraLint.Syntax;

/// <summary>How models keep the lists their parsers built.</summary>
internal static class ModelLists
{
    /// <summary>
    /// A parser's list as an array of its exact size (the shared empty array when empty); any other list as it is. Every
    /// file's model lives for the whole run, and a list's own object and spare capacity were a fifth of a script model.
    /// The parser must not change the list afterwards (it is copied).
    /// </summary>
    public static IReadOnlyList<T> Compact<T>(IReadOnlyList<T> list) => list is List<T> parsed ? (parsed.Count == 0 ? [] : parsed.ToArray()) : list;
}
