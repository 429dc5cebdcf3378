using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Toml;

/// <summary>
/// Builds a <see cref="TomlDocument"/> from a document's headers, keys, values and comments, given in source order:
/// the tables, the implicit tables of dotted keys and headers, duplicates and conflicts. Both readers feed it (the
/// direct reader of <see cref="TomlReader"/> and the Tomlyn syntax tree of <see cref="TomlParser"/>), so the model's
/// rules live here once.
/// </summary>
internal sealed class TomlModelBuilder
{
    private readonly SourceText _text;
    private readonly List<TomlTableNode> _allTables = [];
    private readonly List<TomlDuplicate> _duplicates = [];
    private readonly List<SyntaxComment> _comments = [];
    private List<SyntaxError>? _errors;

    public TomlModelBuilder(SourceText text)
    {
        _text = text;
        Root = new TomlTableNode(TomlTableKind.Root, [], new TextSpan(0, text.Length), null, null);
        _allTables.Add(Root);
    }

    public TomlTableNode Root { get; }

    /// <summary>The errors the model found itself (too deep, too many key parts); empty for most files.</summary>
    public IReadOnlyList<SyntaxError> Errors => (IReadOnlyList<SyntaxError>?)_errors ?? [];

    public void AddError(SyntaxError error) => (_errors ??= []).Add(error);

    /// <summary>The document; comments are sorted by position.</summary>
    public TomlDocument Finish()
    {
        _comments.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TomlDocument(_text, Root, _allTables, _duplicates, _comments);
    }

    /// <summary>A comment from its <c>#</c> to the end of its line (the line break excluded).</summary>
    public void AddComment(TextSpan span)
    {
        ReadOnlySpan<char> body = _text.Content.AsSpan(span.Start, span.Length);
        body = body.StartsWith('#') ? body[1..] : body;
        _comments.Add(new SyntaxComment(span, body.Trim().ToString()));
    }

    public TomlTableNode NewTable(TomlTableKind kind, IReadOnlyList<string> path, TextSpan span, TextSpan nameSpan, TomlKey? headerKey = null, TextSpan? headerSpan = null)
    {
        var table = new TomlTableNode(kind, path, span, headerKey, headerSpan) { NameSpan = nameSpan };
        _allTables.Add(table);
        return table;
    }

    /// <summary>The path one level down, as an exact-size array (a collection expression over the list made an enumerator and a wrapper too).</summary>
    private static IReadOnlyList<string> Append(IReadOnlyList<string> path, string name)
    {
        var result = new string[path.Count + 1];
        for (int i = 0; i < path.Count; i++)
        {
            result[i] = path[i];
        }

        result[^1] = name;
        return result;
    }

    /// <summary>Steps from <paramref name="table"/> into the member <paramref name="segment"/>, creating an implicit table when needed.</summary>
    private TomlTableNode Step(TomlTableNode table, TomlKeySegment segment, TomlTableKind implicitKind)
    {
        TomlNode? member = table.Member(segment.Name);
        TextSpan firstSpan = SpanOfMember(table, segment.Name);
        switch (member)
        {
            case TomlTableNode sub:
                return sub;
            case TomlTableArrayNode array when array.Elements.Count > 0:
                if (implicitKind == TomlTableKind.DottedKey)
                {
                    Conflict(Append(table.Path, segment.Name), firstSpan, segment.Span);
                }

                return array.Elements[^1];
            case TomlInlineTableValue inline:
                Conflict(Append(table.Path, segment.Name), firstSpan, segment.Span);
                return inline.Table;
            case null:
                break;
            default:
                // A scalar, an array value or an empty array: the name is taken. Keep going in a separate table.
                TomlTableNode? existing = table.ChildTable(segment.Name);
                if (existing is not null)
                {
                    return existing;
                }

                Conflict(Append(table.Path, segment.Name), firstSpan, segment.Span);
                break;
        }

        TomlTableNode created = NewTable(implicitKind, Append(table.Path, segment.Name), segment.Span, segment.Span);
        table.AddTable(created);
        return created;
    }

    private static TextSpan SpanOfMember(TomlTableNode table, string name) => table.Member(name) switch
    {
        TomlTableNode t => t.HeaderSpan ?? t.NameSpan,
        TomlTableArrayNode a => a.Span,
        TomlValueNode => table.ChildEntry(name)?.Key.Span ?? default,
        _ => default,
    };

    private void Conflict(IReadOnlyList<string> path, TextSpan first, TextSpan second) =>
        _duplicates.Add(new TomlDuplicate(TomlDuplicateKind.Conflict, path, first, second));

    /// <summary>
    /// A <c>[header]</c> (or <c>[[header]]</c> when <paramref name="isArray"/>) with at least one key segment: the table
    /// its key/value lines go into.
    /// </summary>
    public TomlTableNode DefineHeader(TomlKey key, TextSpan headerSpan, bool isArray)
    {
        TomlTableNode parent = Root;
        for (int i = 0; i < key.Segments.Count - 1; i++)
        {
            parent = Step(parent, key.Segments[i], TomlTableKind.Implicit);
        }

        TomlKeySegment last = key.Segments[^1];
        IReadOnlyList<string> path = Append(parent.Path, last.Name);
        TomlNode? member = parent.Member(last.Name);
        TextSpan firstSpan = SpanOfMember(parent, last.Name);

        if (isArray)
        {
            TomlTableArrayNode? array = parent.ChildArray(last.Name);
            if (array is null)
            {
                if (member is not null)
                {
                    Conflict(path, firstSpan, headerSpan);
                }

                array = new TomlTableArrayNode(last.Name, path, headerSpan);
                parent.AddArray(array);
            }

            TomlTableNode element = NewTable(TomlTableKind.ArrayElement, path, headerSpan, last.Span, key, headerSpan);
            array.Add(element);
            return element;
        }

        TomlTableNode? table = parent.ChildTable(last.Name);
        if (table is not null)
        {
            if (table.Kind == TomlTableKind.Implicit)
            {
                // [a.b] then [a]: the implicit table gets its header.
                table.Kind = TomlTableKind.Header;
                table.HeaderKey = key;
                table.HeaderSpan = headerSpan;
                table.NameSpan = last.Span;
            }
            else if (table.Kind == TomlTableKind.Header)
            {
                _duplicates.Add(new TomlDuplicate(TomlDuplicateKind.Table, path, table.HeaderSpan ?? table.NameSpan, headerSpan));
            }
            else
            {
                Conflict(path, table.NameSpan, headerSpan);
            }

            return table;
        }

        if (member is not null)
        {
            if (member is TomlInlineTableValue inline)
            {
                Conflict(path, firstSpan, headerSpan);
                return inline.Table;
            }

            Conflict(path, firstSpan, headerSpan);
        }

        table = NewTable(TomlTableKind.Header, path, headerSpan, last.Span, key, headerSpan);
        parent.AddTable(table);
        return table;
    }

    /// <summary>
    /// The first half of a <c>key = value</c> in <paramref name="table"/>, before its value is read: the table the
    /// entry goes into (the implicit tables of a dotted key are made here) and the entry's absolute path.
    /// </summary>
    public TomlTableNode OpenEntry(TomlTableNode table, TomlKey key, out IReadOnlyList<string> path)
    {
        TomlTableNode target = table;
        for (int i = 0; i < key.Segments.Count - 1; i++)
        {
            target = Step(target, key.Segments[i], TomlTableKind.DottedKey);
        }

        path = Append(target.Path, key.Segments[^1].Name);
        return target;
    }

    /// <summary>The second half: the entry with its value, after <see cref="OpenEntry"/> gave <paramref name="target"/> and <paramref name="path"/>.</summary>
    public void CloseEntry(TomlTableNode target, TomlKey key, IReadOnlyList<string> path, TomlValueNode value)
    {
        string name = key.Segments[^1].Name;
        TomlNode? member = target.Member(name);
        if (member is TomlValueNode)
        {
            _duplicates.Add(new TomlDuplicate(TomlDuplicateKind.Key, path, target.ChildEntry(name)?.Key.Span ?? default, key.Span));
        }
        else if (member is not null)
        {
            Conflict(path, SpanOfMember(target, name), key.Span);
        }

        TextSpan span = TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End));
        target.AddEntry(new TomlKeyValueNode(key, value, span, path));
    }
}
