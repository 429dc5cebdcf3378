using JobSwipe.InfraLint.Text;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace JobSwipe.InfraLint.Syntax.Toml;

/// <summary>
/// Parses TOML into a <see cref="TomlDocument"/> with exact spans. Tomlyn's full-fidelity syntax parser
/// does the lexing; semantic checks (duplicate keys and tables) are done here and recorded in the model
/// instead of being reported as syntax errors.
/// </summary>
public static class TomlParser
{
    /// <summary>The deepest nesting of arrays and inline tables accepted.</summary>
    public const int MaxDepth = 256;

    public static ParseResult<TomlDocument> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text.Content, new TomlSerializerOptions { MaxDepth = MaxDepth }, null, false);
        }
        catch (TomlException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return Failure(text, $"The TOML nesting is deeper than {MaxDepth} levels.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failure(text, "The TOML file could not be read: " + ex.Message);
        }

        try
        {
            var builder = new Builder(text);
            TomlDocument model = builder.Build(document);
            if (!document.HasErrors && builder.Errors.Count == 0)
            {
                return new ParseResult<TomlDocument>(model, []);
            }

            var errors = new List<SyntaxError>();
            var seen = new HashSet<(int, string)>();
            foreach (DiagnosticMessage message in document.Diagnostics)
            {
                if (message.Kind != DiagnosticMessageKind.Error)
                {
                    continue;
                }

                TextSpan span = ClampSpan(text, message.Span.Offset, message.Span.Length);
                string plain = PlainMessage(message.Message);
                if (seen.Add((span.Start, plain)))
                {
                    errors.Add(new SyntaxError(plain, span));
                }
            }

            errors.AddRange(builder.Errors);
            return new ParseResult<TomlDocument>(model, errors);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failure(text, "The TOML file could not be read: " + ex.Message);
        }
    }

    private static ParseResult<TomlDocument> Failure(SourceText text, string message)
    {
        var root = new TomlTableNode(TomlTableKind.Root, [], new TextSpan(0, text.Length), null, null);
        var model = new TomlDocument(text, root, [root], [], []);
        return ParseResult<TomlDocument>.Failure(new SyntaxError(message, new TextSpan(0, Math.Min(1, text.Length))), model);
    }

    internal static TextSpan ClampSpan(SourceText text, int offset, int length)
    {
        int start = Math.Clamp(offset, 0, text.Length);
        int end = Math.Clamp(offset + Math.Max(0, length), start, text.Length);
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Rewrites Tomlyn's messages in plain words.</summary>
    internal static string PlainMessage(string message)
    {
        string m = message.Replace("␤", "end of line", StringComparison.Ordinal);
        if (m.StartsWith("Invalid End-Of-File found on string", StringComparison.Ordinal))
        {
            return "Unterminated string: the string is not closed before the end of the file.";
        }

        if (m.StartsWith("Invalid newline in a string", StringComparison.Ordinal))
        {
            return "Unterminated string: a single-line string must be closed on the same line (use \"\"\" or ''' for a multi-line string).";
        }

        if (m.StartsWith("Invalid \\r not followed by \\n", StringComparison.Ordinal))
        {
            return "A carriage return must be followed by a line feed in TOML.";
        }

        return m.EndsWith('.') ? m : m + ".";
    }

    private sealed class Builder(SourceText text)
    {
        private readonly List<TomlTableNode> _allTables = [];
        private readonly List<TomlDuplicate> _duplicates = [];
        private readonly List<SyntaxComment> _comments = [];

        public List<SyntaxError> Errors { get; } = [];

        public TomlDocument Build(DocumentSyntax document)
        {
            var root = new TomlTableNode(TomlTableKind.Root, [], new TextSpan(0, text.Length), null, null);
            _allTables.Add(root);
            foreach (KeyValueSyntax kv in document.KeyValues)
            {
                AddKeyValue(root, kv, 0);
            }

            foreach (TableSyntaxBase table in document.Tables)
            {
                TomlTableNode? target = DefineHeader(root, table);
                if (target is null)
                {
                    continue;
                }

                foreach (KeyValueSyntax kv in table.Items)
                {
                    AddKeyValue(target, kv, 0);
                }
            }

            CollectComments(document);
            _comments.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            return new TomlDocument(text, root, _allTables, _duplicates, _comments);
        }

        /// <summary>
        /// Collects the comment trivia of the tree: the same nodes, in the same order, as Tomlyn's
        /// <c>Descendants(true)</c>, without its nested iterators (one per node, which cost more than the tree).
        /// </summary>
        private void CollectComments(SyntaxNode node)
        {
            AddComments(node.LeadingTrivia);
            int count = node.ChildrenCount;
            for (int i = 0; i < count; i++)
            {
                SyntaxNode? child = node.GetChild(i);
                if (child is SyntaxList list)
                {
                    int items = list.ChildrenCount;
                    for (int j = 0; j < items; j++)
                    {
                        if (list.GetChild(j) is { } item)
                        {
                            CollectComments(item);
                        }
                    }
                }
                else if (child is not null)
                {
                    CollectComments(child);
                }
            }

            AddComments(node.TrailingTrivia);
        }

        private void AddComments(List<SyntaxTrivia>? trivia)
        {
            if (trivia is null)
            {
                return;
            }

            foreach (SyntaxTrivia item in trivia)
            {
                if (item.Kind == TokenKind.Comment)
                {
                    TextSpan span = SpanOf(item);
                    ReadOnlySpan<char> body = text.Content.AsSpan(span.Start, span.Length);
                    body = body.StartsWith('#') ? body[1..] : body;
                    _comments.Add(new SyntaxComment(span, body.Trim().ToString()));
                }
            }
        }

        private TextSpan SpanOf(SyntaxNodeBase? node)
        {
            if (node is null)
            {
                return new TextSpan(text.Length, 0);
            }

            int start = node.Span.Start.Offset;
            int end = node.Span.End.Offset;
            if (start < 0)
            {
                return new TextSpan(Math.Clamp(end, 0, text.Length), 0);
            }

            return ClampSpan(text, start, Math.Max(0, end - start + 1));
        }

        private TomlKey? KeyOf(KeySyntax? key)
        {
            if (key?.Key is null)
            {
                return null;
            }

            if (key.DotKeys.ChildrenCount >= MaxDepth)
            {
                Errors.Add(new SyntaxError($"The dotted key has more than {MaxDepth} parts.", SpanOf(key)));
                return null;
            }

            // An exact-size array: the key lives in the model for the whole run.
            var segments = new TomlKeySegment[1 + key.DotKeys.ChildrenCount];
            segments[0] = Segment(key.Key);
            int count = 1;
            foreach (DottedKeyItemSyntax item in key.DotKeys)
            {
                if (item.Key is null)
                {
                    return null;
                }

                segments[count++] = Segment(item.Key);
            }

            return new TomlKey(segments, TextSpan.FromBounds(segments[0].Span.Start, segments[^1].Span.End));
        }

        private TomlKeySegment Segment(BareKeyOrStringValueSyntax part)
        {
            string name = part switch
            {
                BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
                StringValueSyntax s => s.Value ?? string.Empty,
                _ => string.Empty,
            };
            return new TomlKeySegment(name, SpanOf(part));
        }

        private TomlTableNode NewTable(TomlTableKind kind, IReadOnlyList<string> path, TextSpan span, TextSpan nameSpan, TomlKey? headerKey = null, TextSpan? headerSpan = null)
        {
            var table = new TomlTableNode(kind, path, span, headerKey, headerSpan) { NameSpan = nameSpan };
            _allTables.Add(table);
            return table;
        }

        private static IReadOnlyList<string> Append(IReadOnlyList<string> path, string name) => [.. path, name];

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

        private TomlTableNode? DefineHeader(TomlTableNode root, TableSyntaxBase syntax)
        {
            TomlKey? key = KeyOf(syntax.Name);
            if (key is null || key.Segments.Count == 0)
            {
                return null;
            }

            TextSpan headerSpan = TextSpan.FromBounds(SpanOf(syntax.OpenBracket).Start, syntax.CloseBracket is null ? key.Span.End : SpanOf(syntax.CloseBracket).End);
            TomlTableNode parent = root;
            for (int i = 0; i < key.Segments.Count - 1; i++)
            {
                parent = Step(parent, key.Segments[i], TomlTableKind.Implicit);
            }

            TomlKeySegment last = key.Segments[^1];
            IReadOnlyList<string> path = Append(parent.Path, last.Name);
            TomlNode? member = parent.Member(last.Name);
            TextSpan firstSpan = SpanOfMember(parent, last.Name);

            if (syntax is TableArraySyntax)
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

        private void AddKeyValue(TomlTableNode table, KeyValueSyntax syntax, int depth)
        {
            TomlKey? key = KeyOf(syntax.Key);
            if (key is null || key.Segments.Count == 0 || syntax.Value is null)
            {
                return;
            }

            TomlTableNode target = table;
            for (int i = 0; i < key.Segments.Count - 1; i++)
            {
                target = Step(target, key.Segments[i], TomlTableKind.DottedKey);
            }

            TomlKeySegment last = key.Segments[^1];
            IReadOnlyList<string> path = Append(target.Path, last.Name);
            TomlValueNode? value = ConvertValue(syntax.Value, path, last.Span, depth);
            if (value is null)
            {
                return;
            }

            TomlNode? member = target.Member(last.Name);
            if (member is TomlValueNode)
            {
                _duplicates.Add(new TomlDuplicate(TomlDuplicateKind.Key, path, target.ChildEntry(last.Name)?.Key.Span ?? default, key.Span));
            }
            else if (member is not null)
            {
                Conflict(path, SpanOfMember(target, last.Name), key.Span);
            }

            TextSpan span = TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End));
            target.AddEntry(new TomlKeyValueNode(key, value, span, path));
        }

        private TomlValueNode? ConvertValue(ValueSyntax syntax, IReadOnlyList<string> path, TextSpan nameSpan, int depth)
        {
            if (depth > MaxDepth)
            {
                Errors.Add(new SyntaxError($"The TOML nesting is deeper than {MaxDepth} levels.", SpanOf(syntax)));
                return null;
            }

            TextSpan span = SpanOf(syntax);
            switch (syntax)
            {
                case StringValueSyntax s:
                    TomlStringKind kind = s.Token?.TokenKind switch
                    {
                        TokenKind.StringMulti => TomlStringKind.MultilineBasic,
                        TokenKind.StringLiteral => TomlStringKind.Literal,
                        TokenKind.StringLiteralMulti => TomlStringKind.MultilineLiteral,
                        _ => TomlStringKind.Basic,
                    };
                    return new TomlStringValue(s.Value ?? string.Empty, kind, span);
                case IntegerValueSyntax i:
                    return new TomlIntegerValue(i.Value, i.Token?.Text ?? text.GetText(span), span);
                case FloatValueSyntax f:
                    return new TomlFloatValue(f.Value, f.Token?.Text ?? text.GetText(span), span);
                case BooleanValueSyntax b:
                    return new TomlBooleanValue(b.Value, span);
                case DateTimeValueSyntax d:
                    TomlValueKind dtKind = d.Value.Kind switch
                    {
                        TomlDateTimeKind.LocalDate => TomlValueKind.LocalDate,
                        TomlDateTimeKind.LocalTime => TomlValueKind.LocalTime,
                        TomlDateTimeKind.LocalDateTime => TomlValueKind.LocalDateTime,
                        _ => TomlValueKind.OffsetDateTime,
                    };
                    return new TomlDateTimeValue(dtKind, d.Value.DateTime, d.Token?.Text ?? text.GetText(span), span);
                case ArraySyntax a:
                    var items = new List<TomlValueNode>();
                    foreach (ArrayItemSyntax item in a.Items)
                    {
                        if (item.Value is not null && ConvertValue(item.Value, path, nameSpan, depth + 1) is { } v)
                        {
                            items.Add(v);
                        }
                    }

                    return new TomlArrayValue(items, span);
                case InlineTableSyntax t:
                    TomlTableNode table = NewTable(TomlTableKind.Inline, path, span, nameSpan);
                    foreach (InlineTableItemSyntax item in t.Items)
                    {
                        if (item.KeyValue is not null)
                        {
                            AddKeyValue(table, item.KeyValue, depth + 1);
                        }
                    }

                    return new TomlInlineTableValue(table, span);
                default:
                    return null;
            }
        }
    }
}
