using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Yaml;

/// <summary>How a scalar is written in the source.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// A node of a YAML document with its exact source span. Nodes reached through an alias share the anchored
/// node's children (whose spans point at the anchor's definition) and carry <see cref="AliasSpan"/>.
/// </summary>
public abstract class YamlNode
{
    // Anchors, tags and alias spans are rare: they share one side object, so a plain node (most of a model's
    // objects, alive for the whole run) carries one reference for the three.
    private readonly Properties? _properties;
    private int _size = 1;

    private protected YamlNode(TextSpan span, string? anchor, string? tag, TextSpan? aliasSpan)
    {
        Span = span;
        if (anchor is not null || tag is not null || aliasSpan.HasValue)
        {
            _properties = new Properties(anchor, tag, aliasSpan);
        }
    }

    /// <summary>The node's text in the source (for an alias-derived node: the anchored node's text).</summary>
    public TextSpan Span { get; }

    /// <summary>The anchor name (<c>&amp;name</c>) on the node, if any.</summary>
    public string? Anchor => _properties?.Anchor;

    /// <summary>The resolved tag (e.g. <c>tag:yaml.org,2002:str</c> for <c>!!str</c>, or <c>!Ref</c>), if any.</summary>
    public string? Tag => _properties?.Tag;

    /// <summary>For a node reached through an alias (<c>*name</c>): the span of the alias.</summary>
    public TextSpan? AliasSpan => _properties?.AliasSpan;

    /// <summary>True when this node was reached through an alias.</summary>
    public bool IsAlias => _properties?.AliasSpan is not null;

    /// <summary>Where a rule should point: the alias when the node came from one, else the node itself.</summary>
    public TextSpan ReportSpan => _properties?.AliasSpan ?? Span;

    /// <summary>
    /// Number of nodes in this subtree (expanded), used for the alias budget. Kept as an int that saturates: the
    /// parser stops at <see cref="YamlParser.MaxAliasExpansion"/>, far below.
    /// </summary>
    internal long Size
    {
        get => _size;
        private protected set => _size = (int)Math.Min(value, int.MaxValue);
    }

    internal abstract YamlNode WithAlias(TextSpan aliasSpan);

    private sealed record Properties(string? Anchor, string? Tag, TextSpan? AliasSpan);
}

/// <summary>A scalar value.</summary>
public sealed class YamlScalar : YamlNode
{
    private readonly SourceText? _text;
    private readonly byte _style;

    internal YamlScalar(SourceText? text, string value, YamlScalarStyle style, TextSpan span, string? anchor, string? tag, TextSpan? aliasSpan = null)
        : base(span, anchor, tag, aliasSpan)
    {
        _text = text;
        Value = value;
        _style = (byte)style;
    }

    /// <summary>The scalar's value after YAML unquoting and folding.</summary>
    public string Value { get; }

    public YamlScalarStyle Style => (YamlScalarStyle)_style;

    /// <summary>True for a plain empty, <c>~</c> or <c>null</c> scalar (or one tagged <c>!!null</c>).</summary>
    public bool IsNull =>
        Tag == "tag:yaml.org,2002:null"
        || (Style == YamlScalarStyle.Plain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL");

    public bool IsQuoted => Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted;

    /// <summary>The YAML 1.2 core-schema boolean value of a plain scalar (<c>true</c>/<c>false</c> in any case), else null.</summary>
    public bool? AsBoolean() =>
        Style != YamlScalarStyle.Plain ? null
        : Value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : Value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>
    /// Maps an offset inside <see cref="Value"/> to an offset in the source. Exact for single-line plain scalars,
    /// quoted scalars without escapes and literal block scalars (line by line); otherwise the scalar's start.
    /// </summary>
    public int MapValueOffsetToSource(int valueOffset)
    {
        valueOffset = Math.Clamp(valueOffset, 0, Value.Length);
        if (_text is null || IsAlias)
        {
            return Span.Start;
        }

        ReadOnlySpan<char> raw = _text.AsSpan(Span);
        switch (Style)
        {
            case YamlScalarStyle.Plain when raw.SequenceEqual(Value):
                return Span.Start + valueOffset;
            case YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted
                when raw.Length == Value.Length + 2 && raw.Slice(1, Value.Length).SequenceEqual(Value):
                return Span.Start + 1 + valueOffset;
            case YamlScalarStyle.Literal:
                return MapLiteral(valueOffset);
            default:
                return Span.Start;
        }
    }

    /// <summary>Maps a range inside <see cref="Value"/> to a source span (see <see cref="MapValueOffsetToSource"/>).</summary>
    public TextSpan MapValueSpanToSource(int valueStart, int length)
    {
        int start = MapValueOffsetToSource(valueStart);
        int end = MapValueOffsetToSource(valueStart + length);
        return end > start ? TextSpan.FromBounds(start, end) : new TextSpan(start, 0);
    }

    private int MapLiteral(int valueOffset)
    {
        var text = _text!;
        int lineIndex = 0;
        int lineStartInValue = 0;
        for (int i = 0; i < valueOffset; i++)
        {
            if (Value[i] == '\n')
            {
                lineIndex++;
                lineStartInValue = i + 1;
            }
        }

        int headerLine = text.GetPosition(Span.Start).Line;
        int sourceLine = headerLine + 1 + lineIndex;
        if (sourceLine > text.LineCount)
        {
            return Span.End;
        }

        int lineEndInValue = Value.IndexOf('\n', lineStartInValue);
        string valueLine = lineEndInValue < 0 ? Value[lineStartInValue..] : Value[lineStartInValue..lineEndInValue];
        string sourceLineText = text.GetLineText(sourceLine);
        int lineStart = text.GetLineStart(sourceLine);
        int column = valueOffset - lineStartInValue;
        if (valueLine.Length > 0 && sourceLineText.EndsWith(valueLine, StringComparison.Ordinal))
        {
            return lineStart + sourceLineText.Length - valueLine.Length + column;
        }

        return Math.Min(lineStart + sourceLineText.Length, text.GetLineEnd(sourceLine));
    }

    internal override YamlNode WithAlias(TextSpan aliasSpan) => new YamlScalar(_text, Value, Style, Span, Anchor, Tag, aliasSpan);

    public override string ToString() => Value;
}

/// <summary>One key/value pair of a mapping.</summary>
public sealed class YamlMappingEntry
{
    internal YamlMappingEntry(YamlNode key, YamlNode value, bool isMerged, TextSpan? mergeOrigin)
    {
        Key = key;
        Value = value;
        IsMerged = isMerged;
        MergeOrigin = mergeOrigin;
    }

    public YamlNode Key { get; }

    public YamlNode Value { get; }

    /// <summary>The key as a string when it is a scalar, else null.</summary>
    public string? KeyText => (Key as YamlScalar)?.Value;

    /// <summary>True when the entry came from a merge key (<c>&lt;&lt;: *base</c>); its key and value spans point at the merged source.</summary>
    public bool IsMerged { get; }

    /// <summary>For a merged entry: the span of the merge value (the alias or mapping) that brought it in.</summary>
    public TextSpan? MergeOrigin { get; }

    /// <summary>True for a <c>&lt;&lt;</c> merge-key entry as written.</summary>
    public bool IsMergeKey => !IsMerged && Key is YamlScalar { Style: YamlScalarStyle.Plain, Value: "<<" };

    /// <summary>From the key's start to the value's end (the key alone when the value comes from an alias elsewhere).</summary>
    public TextSpan Span => Value.IsAlias || Value.Span.End < Key.Span.Start ? Key.ReportSpan : TextSpan.FromBounds(Key.Span.Start, Math.Max(Key.Span.End, Value.Span.End));
}

/// <summary>A mapping. Duplicate keys are kept, each with its own position.</summary>
public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(IReadOnlyList<YamlMappingEntry> entries, IReadOnlyList<YamlMappingEntry> resolved, bool isFlow, TextSpan span, string? anchor, string? tag, TextSpan? aliasSpan = null)
        : base(span, anchor, tag, aliasSpan)
    {
        Entries = entries;
        ResolvedEntries = resolved;
        IsFlow = isFlow;
        long size = 1;
        foreach (var e in resolved)
        {
            size += e.Key.Size + e.Value.Size;
        }

        Size = size;
    }

    /// <summary>The entries as written, in order, including <c>&lt;&lt;</c> merge keys and duplicates.</summary>
    public IReadOnlyList<YamlMappingEntry> Entries { get; }

    /// <summary>
    /// The entries after merge-key resolution: the written entries except <c>&lt;&lt;</c>, then the merged entries
    /// whose keys are not written explicitly (<see cref="YamlMappingEntry.IsMerged"/>).
    /// </summary>
    public IReadOnlyList<YamlMappingEntry> ResolvedEntries { get; }

    public bool IsFlow { get; }

    /// <summary>The last resolved entry with this scalar key (the value YAML loaders keep), or null.</summary>
    public YamlMappingEntry? Find(string key)
    {
        for (int i = ResolvedEntries.Count - 1; i >= 0; i--)
        {
            if (ResolvedEntries[i].KeyText == key)
            {
                return ResolvedEntries[i];
            }
        }

        return null;
    }

    /// <summary>The first resolved entry with this scalar key, or null.</summary>
    public YamlMappingEntry? FindFirst(string key)
    {
        foreach (var entry in ResolvedEntries)
        {
            if (entry.KeyText == key)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The value of <see cref="Find"/>, or null.</summary>
    public YamlNode? this[string key] => Find(key)?.Value;

    /// <summary>All resolved entries with this scalar key, in order.</summary>
    public IEnumerable<YamlMappingEntry> FindAll(string key) => ResolvedEntries.Where(e => e.KeyText == key);

    /// <summary>Scalar value of a key (null when missing or not a scalar).</summary>
    public YamlScalar? GetScalar(string key) => Find(key)?.Value as YamlScalar;

    /// <summary>
    /// Pairs (first, later) of explicitly written entries with the same scalar key. A key written three times
    /// yields (first, second) and (first, third).
    /// </summary>
    public IReadOnlyList<(YamlMappingEntry First, YamlMappingEntry Duplicate)> Duplicates
    {
        get
        {
            // Most mappings are small and have no duplicate: compare keys pairwise and allocate only for a find.
            if (Entries.Count > 16)
            {
                return DuplicatesByDictionary();
            }

            List<(YamlMappingEntry, YamlMappingEntry)>? result = null;
            for (int i = 1; i < Entries.Count; i++)
            {
                var entry = Entries[i];
                if (entry.IsMergeKey || entry.KeyText is not { } key)
                {
                    continue;
                }

                for (int j = 0; j < i; j++)
                {
                    var first = Entries[j];
                    if (!first.IsMergeKey && first.KeyText == key)
                    {
                        (result ??= []).Add((first, entry));
                        break;
                    }
                }
            }

            return (IReadOnlyList<(YamlMappingEntry, YamlMappingEntry)>?)result ?? [];
        }
    }

    private List<(YamlMappingEntry First, YamlMappingEntry Duplicate)> DuplicatesByDictionary()
    {
        var firsts = new Dictionary<string, YamlMappingEntry>(StringComparer.Ordinal);
        var result = new List<(YamlMappingEntry, YamlMappingEntry)>();
        foreach (var entry in Entries)
        {
            if (entry.IsMergeKey || entry.KeyText is not { } key)
            {
                continue;
            }

            if (firsts.TryGetValue(key, out var first))
            {
                result.Add((first, entry));
            }
            else
            {
                firsts[key] = entry;
            }
        }

        return result;
    }

    internal override YamlNode WithAlias(TextSpan aliasSpan) => new YamlMapping(Entries, ResolvedEntries, IsFlow, Span, Anchor, Tag, aliasSpan);
}

/// <summary>A sequence.</summary>
public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(IReadOnlyList<YamlNode> items, bool isFlow, TextSpan span, string? anchor, string? tag, TextSpan? aliasSpan = null)
        : base(span, anchor, tag, aliasSpan)
    {
        Items = items;
        IsFlow = isFlow;
        long size = 1;
        foreach (var item in items)
        {
            size += item.Size;
        }

        Size = size;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public bool IsFlow { get; }

    public int Count => Items.Count;

    public YamlNode this[int index] => Items[index];

    internal override YamlNode WithAlias(TextSpan aliasSpan) => new YamlSequence(Items, IsFlow, Span, Anchor, Tag, aliasSpan);
}

/// <summary>One document of a YAML stream.</summary>
public sealed record YamlDocument(YamlNode? Root, TextSpan Span);

/// <summary>A parsed YAML stream: its documents (usually one) and its comments.</summary>
public sealed class YamlStream : ISyntaxModel
{
    internal YamlStream(SourceText text, IReadOnlyList<YamlDocument> documents, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Documents = documents;
        Comments = comments;
    }

    public SourceText Text { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>The root node of the first document, or null for an empty stream.</summary>
    public YamlNode? Root => Documents.Count > 0 ? Documents[0].Root : null;
}
