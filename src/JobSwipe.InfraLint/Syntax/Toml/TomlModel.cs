using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Toml;

/// <summary>How a TOML table came to exist in the document.</summary>
public enum TomlTableKind
{
    /// <summary>The document's root table.</summary>
    Root,

    /// <summary>A <c>[table]</c> header.</summary>
    Header,

    /// <summary>One <c>[[array.of.tables]]</c> element.</summary>
    ArrayElement,

    /// <summary>An inline table <c>{ ... }</c>.</summary>
    Inline,

    /// <summary>Implicitly created by a dotted key (<c>a.b = 1</c> creates <c>a</c>).</summary>
    DottedKey,

    /// <summary>Implicitly created by a sub-table header (<c>[a.b]</c> creates <c>a</c>).</summary>
    Implicit,
}

/// <summary>The kind of a TOML value.</summary>
public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
    Array,
    InlineTable,
}

/// <summary>How a TOML string was written.</summary>
public enum TomlStringKind
{
    Basic,
    Literal,
    MultilineBasic,
    MultilineLiteral,
}

/// <summary>One segment of a (possibly dotted) key: its decoded name and its span in the source (quotes included).</summary>
public sealed record TomlKeySegment(string Name, TextSpan Span);

/// <summary>A key as written: one segment, or several for a dotted key (<c>a.b.c</c>).</summary>
public sealed class TomlKey
{
    internal TomlKey(IReadOnlyList<TomlKeySegment> segments, TextSpan span)
    {
        Segments = ModelLists.Compact(segments);
        Span = span;
    }

    public IReadOnlyList<TomlKeySegment> Segments { get; }

    /// <summary>The span of the whole key, from the first to the last segment.</summary>
    public TextSpan Span { get; }

    public IReadOnlyList<string> Path => [.. Segments.Select(s => s.Name)];

    public bool IsDotted => Segments.Count > 1;

    /// <summary>The last segment's name.</summary>
    public string Name => Segments.Count == 0 ? string.Empty : Segments[^1].Name;

    /// <summary>The key in dotted form (segments are not re-quoted).</summary>
    public override string ToString() => string.Join('.', Segments.Select(s => s.Name));
}

/// <summary>Base of every node a rule can point at in a TOML document.</summary>
public abstract class TomlNode
{
    private protected TomlNode(TextSpan span) => Span = span;

    public TextSpan Span { get; private protected set; }

    /// <summary>This node as a table: a table itself, or the table of an inline table value; otherwise null.</summary>
    public TomlTableNode? AsTable() => this switch
    {
        TomlTableNode t => t,
        TomlInlineTableValue i => i.Table,
        _ => null,
    };

    /// <summary>The value as a string when it is a string; otherwise null.</summary>
    public string? AsString() => (this as TomlStringValue)?.Value;

    /// <summary>The value as an integer when it is an integer; otherwise null.</summary>
    public long? AsInteger() => (this as TomlIntegerValue)?.Value;

    /// <summary>The value as a boolean when it is a boolean; otherwise null.</summary>
    public bool? AsBoolean() => (this as TomlBooleanValue)?.Value;

    /// <summary>The value as a number when it is an integer or a float; otherwise null.</summary>
    public double? AsNumber() => this switch
    {
        TomlIntegerValue i => i.Value,
        TomlFloatValue f => f.Value,
        _ => null,
    };

    /// <summary>
    /// The tables this node stands for: the elements of an array of tables, the inline tables of an array,
    /// or the table itself (so <c>[mounts]</c> and <c>[[mounts]]</c> read alike).
    /// </summary>
    public IReadOnlyList<TomlTableNode> AsTables() => this switch
    {
        TomlTableArrayNode a => a.Elements,
        TomlArrayValue v => [.. v.Items.Select(i => i.AsTable()).OfType<TomlTableNode>()],
        _ => AsTable() is { } t ? [t] : [],
    };
}

/// <summary>A TOML value with its span (the literal as written, quotes included).</summary>
public abstract class TomlValueNode : TomlNode
{
    private protected TomlValueNode(TomlValueKind kind, TextSpan span)
        : base(span) => Kind = kind;

    public TomlValueKind Kind { get; }
}

public sealed class TomlStringValue : TomlValueNode
{
    internal TomlStringValue(string value, TomlStringKind stringKind, TextSpan span)
        : base(TomlValueKind.String, span)
    {
        Value = value;
        StringKind = stringKind;
    }

    /// <summary>The decoded string (escapes resolved).</summary>
    public string Value { get; }

    public TomlStringKind StringKind { get; }

    /// <summary>The span of the string's content, quotes excluded.</summary>
    public TextSpan ContentSpan => StringKind switch
    {
        TomlStringKind.MultilineBasic or TomlStringKind.MultilineLiteral when Span.Length >= 6 => new TextSpan(Span.Start + 3, Span.Length - 6),
        _ when Span.Length >= 2 => new TextSpan(Span.Start + 1, Span.Length - 2),
        _ => Span,
    };
}

public sealed class TomlIntegerValue : TomlValueNode
{
    internal TomlIntegerValue(long value, string text, TextSpan span)
        : base(TomlValueKind.Integer, span)
    {
        Value = value;
        Text = text;
    }

    public long Value { get; }

    /// <summary>The literal as written (<c>0x1F</c>, <c>1_000</c>).</summary>
    public string Text { get; }
}

public sealed class TomlFloatValue : TomlValueNode
{
    internal TomlFloatValue(double value, string text, TextSpan span)
        : base(TomlValueKind.Float, span)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; }

    public string Text { get; }
}

public sealed class TomlBooleanValue : TomlValueNode
{
    internal TomlBooleanValue(bool value, TextSpan span)
        : base(TomlValueKind.Boolean, span) => Value = value;

    public bool Value { get; }
}

/// <summary>An offset date-time, local date-time, local date or local time.</summary>
public sealed class TomlDateTimeValue : TomlValueNode
{
    internal TomlDateTimeValue(TomlValueKind kind, DateTimeOffset value, string text, TextSpan span)
        : base(kind, span)
    {
        Value = value;
        Text = text;
    }

    /// <summary>The parsed value; local kinds carry a zero offset, a local time carries the date 0001-01-01.</summary>
    public DateTimeOffset Value { get; }

    public string Text { get; }
}

public sealed class TomlArrayValue : TomlValueNode
{
    internal TomlArrayValue(IReadOnlyList<TomlValueNode> items, TextSpan span)
        : base(TomlValueKind.Array, span) => Items = items;

    public IReadOnlyList<TomlValueNode> Items { get; }

    /// <summary>The items that are strings, in order (other items are skipped).</summary>
    public IEnumerable<TomlStringValue> Strings => Items.OfType<TomlStringValue>();
}

public sealed class TomlInlineTableValue : TomlValueNode
{
    internal TomlInlineTableValue(TomlTableNode table, TextSpan span)
        : base(TomlValueKind.InlineTable, span) => Table = table;

    public TomlTableNode Table { get; }
}

/// <summary>A <c>key = value</c> line (or inline-table item). The key is kept as written, with every segment.</summary>
public sealed class TomlKeyValueNode
{
    internal TomlKeyValueNode(TomlKey key, TomlValueNode value, TextSpan span, IReadOnlyList<string> fullPath)
    {
        Key = key;
        Value = value;
        Span = span;
        FullPath = fullPath;
    }

    public TomlKey Key { get; }

    public TomlValueNode Value { get; }

    /// <summary>From the key's first character to the value's last.</summary>
    public TextSpan Span { get; }

    /// <summary>The last key segment: the name this entry has in the table that holds it.</summary>
    public string Name => Key.Name;

    /// <summary>The absolute path from the root (array-of-tables elements contribute their array's name, no index).</summary>
    public IReadOnlyList<string> FullPath { get; }
}

/// <summary>An array of tables (<c>[[services]]</c>): its elements in order.</summary>
public sealed class TomlTableArrayNode : TomlNode
{
    private readonly List<TomlTableNode> _elements = [];

    internal TomlTableArrayNode(string name, IReadOnlyList<string> path, TextSpan span)
        : base(span)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    public IReadOnlyList<string> Path { get; }

    public IReadOnlyList<TomlTableNode> Elements => _elements;

    internal void Add(TomlTableNode element) => _elements.Add(element);
}

/// <summary>
/// A table: the root, a <c>[header]</c> table, an array element, an inline table or an implicit table.
/// A table defined twice (a duplicate) is one node whose entries come from both definitions; the
/// duplicate itself is listed in <see cref="TomlDocument.Duplicates"/>.
/// </summary>
public sealed class TomlTableNode : TomlNode
{
    // Members by name: one slot per distinct name in order of first appearance, holding the first definition
    // (a value member holds its entry). Tables have a handful of members, so a linear search beats a dictionary; a
    // table with many members gets an index, built on first need. The lists are created with the first item.
    private const int IndexThreshold = 16;

    private List<TomlKeyValueNode>? _entries;
    private List<TomlTableNode>? _tables;
    private List<TomlTableArrayNode>? _arrays;
    private List<string>? _names;
    private List<object>? _slots;
    private Dictionary<string, int>? _index;

    internal TomlTableNode(TomlTableKind kind, IReadOnlyList<string> path, TextSpan span, TomlKey? headerKey, TextSpan? headerSpan)
        : base(span)
    {
        Kind = kind;
        Path = path;
        HeaderKey = headerKey;
        HeaderSpan = headerSpan;
    }

    /// <summary>How the table was first written (an implicit table later given a header becomes <see cref="TomlTableKind.Header"/>).</summary>
    public TomlTableKind Kind { get; internal set; }

    public bool IsImplicit => Kind is TomlTableKind.DottedKey or TomlTableKind.Implicit;

    /// <summary>The absolute path (empty for the root).</summary>
    public IReadOnlyList<string> Path { get; }

    public string Name => Path.Count == 0 ? string.Empty : Path[^1];

    /// <summary>The key of the header (<c>[a.b]</c>, <c>[[a.b]]</c>) with each segment's span; null when there is no header.</summary>
    public TomlKey? HeaderKey { get; internal set; }

    /// <summary>The whole header, brackets included; null when there is no header.</summary>
    public TextSpan? HeaderSpan { get; internal set; }

    /// <summary>Where the table is named: the header's last key segment, the key of an inline table, or the dotted-key segment that created it.</summary>
    public TextSpan NameSpan { get; internal set; }

    /// <summary>The key/value entries written directly in this table, in source order, duplicates included.</summary>
    public IReadOnlyList<TomlKeyValueNode> Entries => (IReadOnlyList<TomlKeyValueNode>?)_entries ?? [];

    /// <summary>Sub-tables (header, implicit or dotted-key tables; not inline tables, which are values).</summary>
    public IReadOnlyList<TomlTableNode> Tables => (IReadOnlyList<TomlTableNode>?)_tables ?? [];

    /// <summary>Arrays of tables defined under this table.</summary>
    public IReadOnlyList<TomlTableArrayNode> TableArrays => (IReadOnlyList<TomlTableArrayNode>?)_arrays ?? [];

    /// <summary>The distinct member names in order of first appearance.</summary>
    public IReadOnlyList<string> Keys => (IReadOnlyList<string>?)_names ?? [];

    /// <summary>
    /// The member named <paramref name="name"/>: a value (<see cref="TomlValueNode"/>), a table or an array of tables.
    /// With duplicates, the first definition.
    /// </summary>
    public TomlNode? Get(string name) => Slot(name) switch
    {
        null => null,
        TomlKeyValueNode entry => entry.Value,
        var node => (TomlNode)node,
    };

    /// <summary>The entry (key and value) named <paramref name="name"/>, when the member is a value.</summary>
    public TomlKeyValueNode? GetEntry(string name) => Slot(name) switch
    {
        null => null,
        TomlKeyValueNode entry => entry,
        _ => FirstNamed(_entries, name, static e => e.Name),
    };

    /// <summary>Walks a path through tables, inline tables and (the last element of) arrays of tables.</summary>
    public TomlNode? GetPath(params string[] path)
    {
        TomlNode? node = this;
        foreach (string segment in path)
        {
            TomlTableNode? table = node switch
            {
                TomlTableArrayNode a => a.Elements.Count > 0 ? a.Elements[^1] : null,
                _ => node?.AsTable(),
            };
            if (table is null)
            {
                return null;
            }

            node = table.Get(segment);
        }

        return node;
    }

    /// <summary>The entry at a path (the last segment names a value).</summary>
    public TomlKeyValueNode? GetEntryPath(params string[] path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        return GetPath(path[..^1])?.AsTable()?.GetEntry(path[^1]);
    }

    /// <summary>The value named <paramref name="name"/>, or null when absent or not a value.</summary>
    public TomlValueNode? GetValue(string name) => Get(name) as TomlValueNode;

    /// <summary>The string value named <paramref name="name"/>, or null.</summary>
    public string? GetString(string name) => GetValue(name)?.AsString();

    /// <summary>The table named <paramref name="name"/> (header, implicit or inline), or null.</summary>
    public TomlTableNode? GetTable(string name) => Get(name)?.AsTable();

    /// <summary>
    /// The tables under <paramref name="name"/>: each element of <c>[[name]]</c>, the inline tables of
    /// <c>name = [{...}]</c>, or the single <c>[name]</c> table.
    /// </summary>
    public IReadOnlyList<TomlTableNode> GetTables(string name) => Get(name)?.AsTables() ?? [];

    /// <summary>An inline table's span, known once its closing brace is read.</summary>
    internal void SetSpan(TextSpan span) => Span = span;

    internal void AddEntry(TomlKeyValueNode entry)
    {
        (_entries ??= []).Add(entry);
        Register(entry.Name, entry);
    }

    internal void AddTable(TomlTableNode table)
    {
        (_tables ??= []).Add(table);
        Register(table.Name, table);
    }

    internal void AddArray(TomlTableArrayNode array)
    {
        (_arrays ??= []).Add(array);
        Register(array.Name, array);
    }

    internal TomlNode? Member(string name) => Get(name);

    /// <summary>The first sub-table named <paramref name="name"/> (the member, unless another kind of member came first).</summary>
    internal TomlTableNode? ChildTable(string name) => Slot(name) switch
    {
        null => null,
        TomlTableNode table => table,
        _ => FirstNamed(_tables, name, static t => t.Name),
    };

    /// <summary>The first array of tables named <paramref name="name"/>.</summary>
    internal TomlTableArrayNode? ChildArray(string name) => Slot(name) switch
    {
        null => null,
        TomlTableArrayNode array => array,
        _ => FirstNamed(_arrays, name, static a => a.Name),
    };

    /// <summary>The first entry named <paramref name="name"/>.</summary>
    internal TomlKeyValueNode? ChildEntry(string name) => GetEntry(name);

    private static T? FirstNamed<T>(List<T>? items, string name, Func<T, string> nameOf)
        where T : class
    {
        if (items is not null)
        {
            foreach (T item in items)
            {
                if (nameOf(item) == name)
                {
                    return item;
                }
            }
        }

        return null;
    }

    private object? Slot(string name)
    {
        if (_names is null)
        {
            return null;
        }

        if (_index is not null)
        {
            return _index.TryGetValue(name, out int at) ? _slots![at] : null;
        }

        for (int i = 0; i < _names.Count; i++)
        {
            if (_names[i] == name)
            {
                return _slots![i];
            }
        }

        return null;
    }

    private void Register(string name, object member)
    {
        if (Slot(name) is not null)
        {
            return;
        }

        _names ??= [];
        _slots ??= [];
        _names.Add(name);
        _slots.Add(member);
        if (_index is not null)
        {
            _index.Add(name, _names.Count - 1);
        }
        else if (_names.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_names.Count * 2, StringComparer.Ordinal);
            for (int i = 0; i < _names.Count; i++)
            {
                _index.Add(_names[i], i);
            }
        }
    }
}

/// <summary>What kind of redefinition a <see cref="TomlDuplicate"/> is.</summary>
public enum TomlDuplicateKind
{
    /// <summary>The same key assigned twice in one table.</summary>
    Key,

    /// <summary>The same <c>[table]</c> header twice.</summary>
    Table,

    /// <summary>A name used both as a value and as a table (or a table and an array of tables, or an inline table extended).</summary>
    Conflict,
}

/// <summary>A redefinition TOML forbids. Kept in the model (not a syntax error) so a rule can report it with both places.</summary>
public sealed record TomlDuplicate(TomlDuplicateKind Kind, IReadOnlyList<string> Path, TextSpan FirstSpan, TextSpan SecondSpan)
{
    public string DottedPath => string.Join('.', Path);
}

/// <summary>A parsed TOML document: the root table, every table in source order, duplicates and comments.</summary>
public sealed class TomlDocument : ISyntaxModel
{
    internal TomlDocument(SourceText text, TomlTableNode root, IReadOnlyList<TomlTableNode> allTables, IReadOnlyList<TomlDuplicate> duplicates, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Root = root;
        AllTables = allTables;
        Duplicates = duplicates;
        Comments = comments;
    }

    public SourceText Text { get; }

    public TomlTableNode Root { get; }

    /// <summary>Every table (root first, then in order of creation), inline and implicit tables included.</summary>
    public IReadOnlyList<TomlTableNode> AllTables { get; }

    /// <summary>Duplicate keys, duplicate tables and key/table conflicts, each with both places.</summary>
    public IReadOnlyList<TomlDuplicate> Duplicates { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }
}
