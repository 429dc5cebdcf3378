using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.DotEnv;

/// <summary>How a .env value was quoted.</summary>
public enum DotEnvQuote
{
    None,
    Single,
    Double,
}

/// <summary>A variable reference in a value: <c>${NAME}</c>, <c>${NAME:-default}</c> or <c>$NAME</c>.</summary>
/// <param name="Name">The referenced variable.</param>
/// <param name="Span">The whole reference (<c>${...}</c> or <c>$NAME</c>).</param>
/// <param name="NameSpan">The variable name only.</param>
/// <param name="Braced">True for <c>${...}</c>.</param>
/// <param name="Modifier">What follows the name inside the braces (<c>:-default</c>, <c>?error</c>), or null.</param>
public sealed record DotEnvReference(string Name, TextSpan Span, TextSpan NameSpan, bool Braced, string? Modifier);

/// <summary>One <c>KEY=value</c> assignment.</summary>
public sealed class DotEnvEntry
{
    internal DotEnvEntry(string key, TextSpan keySpan, string? value, TextSpan valueSpan, DotEnvQuote quote, TextSpan? exportSpan, TextSpan span, SyntaxComment? inlineComment, IReadOnlyList<DotEnvReference> references)
    {
        Key = key;
        KeySpan = keySpan;
        Value = value;
        ValueSpan = valueSpan;
        Quote = quote;
        ExportSpan = exportSpan;
        Span = span;
        InlineComment = inlineComment;
        References = references;
    }

    public string Key { get; }

    public TextSpan KeySpan { get; }

    /// <summary>The decoded value (quotes removed, escapes of double-quoted values resolved); null for a bare <c>KEY</c> line without <c>=</c>.</summary>
    public string? Value { get; }

    /// <summary>The value as written, quotes included (empty span right after <c>=</c> for an empty value).</summary>
    public TextSpan ValueSpan { get; }

    public DotEnvQuote Quote { get; }

    /// <summary>The span of the <c>export</c> keyword, when the line starts with it.</summary>
    public TextSpan? ExportSpan { get; }

    public bool HasExport => ExportSpan is not null;

    /// <summary>True when the line has no <c>=</c> (compose then takes the value from the environment).</summary>
    public bool HasValue => Value is not null;

    /// <summary>True when a quoted value spans several lines.</summary>
    public bool IsMultiline { get; init; }

    /// <summary>From the key (or <c>export</c>) to the end of the value.</summary>
    public TextSpan Span { get; }

    /// <summary>A <c># comment</c> after the value on the same line, if any.</summary>
    public SyntaxComment? InlineComment { get; }

    /// <summary>Variable references in the value (none for single-quoted values, which are literal).</summary>
    public IReadOnlyList<DotEnvReference> References { get; }
}

/// <summary>A line that is not an assignment or a comment. Kept, not fatal, as docker compose and python-dotenv skip such lines with a warning.</summary>
public sealed record DotEnvInvalidLine(string Text, TextSpan Span, string Reason);

/// <summary>A key assigned twice: the earlier and the later entry.</summary>
public sealed record DotEnvDuplicate(DotEnvEntry First, DotEnvEntry Second);

/// <summary>A parsed .env file.</summary>
public sealed class DotEnvDocument : ISyntaxModel
{
    internal DotEnvDocument(SourceText text, IReadOnlyList<DotEnvEntry> entries, IReadOnlyList<DotEnvInvalidLine> invalidLines, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Entries = entries;
        InvalidLines = invalidLines;
        Comments = comments;
    }

    public SourceText Text { get; }

    /// <summary>The assignments in order, duplicates included.</summary>
    public IReadOnlyList<DotEnvEntry> Entries { get; }

    public IReadOnlyList<DotEnvInvalidLine> InvalidLines { get; }

    /// <summary>Whole-line comments and inline comments, in order.</summary>
    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>The effective entry for a key: the last assignment wins, as in docker compose and python-dotenv.</summary>
    public DotEnvEntry? Get(string key) => Entries.LastOrDefault(e => e.Key == key);

    /// <summary>Each later assignment of a key paired with the assignment before it.</summary>
    public IReadOnlyList<DotEnvDuplicate> Duplicates
    {
        get
        {
            var last = new Dictionary<string, DotEnvEntry>(StringComparer.Ordinal);
            var result = new List<DotEnvDuplicate>();
            foreach (DotEnvEntry entry in Entries)
            {
                if (last.TryGetValue(entry.Key, out DotEnvEntry? previous))
                {
                    result.Add(new DotEnvDuplicate(previous, entry));
                }

                last[entry.Key] = entry;
            }

            return result;
        }
    }
}
