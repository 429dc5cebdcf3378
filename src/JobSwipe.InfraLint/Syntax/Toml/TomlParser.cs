using JobSwipe.InfraLint.Text;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace JobSwipe.InfraLint.Syntax.Toml;

/// <summary>
/// Parses TOML into a <see cref="TomlDocument"/> with exact spans. <see cref="TomlReader"/> reads the common forms
/// straight into the model; every other file goes through Tomlyn's full-fidelity syntax parser. Semantic checks
/// (duplicate keys and tables, in <see cref="TomlModelBuilder"/>) are recorded in the model instead of being
/// reported as syntax errors.
/// </summary>
public static class TomlParser
{
    /// <summary>The deepest nesting of arrays and inline tables accepted.</summary>
    public const int MaxDepth = 256;

    public static ParseResult<TomlDocument> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TomlReader.TryRead(text) is { } model ? new ParseResult<TomlDocument>(model, []) : ParseWithTomlyn(text);
    }

    /// <summary>
    /// Reads <paramref name="text"/> through Tomlyn's syntax tree: the files <see cref="TomlReader"/> leaves (syntax
    /// errors, rarer forms), and the tests' oracle for the files it reads.
    /// </summary>
    internal static ParseResult<TomlDocument> ParseWithTomlyn(SourceText text)
    {
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

    /// <summary>Reads Tomlyn's syntax tree into the model (files the direct reader leaves to Tomlyn).</summary>
    private sealed class Builder(SourceText text)
    {
        private readonly TomlModelBuilder _model = new(text);

        public IReadOnlyList<SyntaxError> Errors => _model.Errors;

        public TomlDocument Build(DocumentSyntax document)
        {
            foreach (KeyValueSyntax kv in document.KeyValues)
            {
                AddKeyValue(_model.Root, kv, 0);
            }

            foreach (TableSyntaxBase table in document.Tables)
            {
                TomlTableNode? target = DefineHeader(table);
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
            return _model.Finish();
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
                    _model.AddComment(SpanOf(item));
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
                _model.AddError(new SyntaxError($"The dotted key has more than {MaxDepth} parts.", SpanOf(key)));
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

        private TomlTableNode? DefineHeader(TableSyntaxBase syntax)
        {
            TomlKey? key = KeyOf(syntax.Name);
            if (key is null || key.Segments.Count == 0)
            {
                return null;
            }

            TextSpan headerSpan = TextSpan.FromBounds(SpanOf(syntax.OpenBracket).Start, syntax.CloseBracket is null ? key.Span.End : SpanOf(syntax.CloseBracket).End);
            return _model.DefineHeader(key, headerSpan, syntax is TableArraySyntax);
        }

        private void AddKeyValue(TomlTableNode table, KeyValueSyntax syntax, int depth)
        {
            TomlKey? key = KeyOf(syntax.Key);
            if (key is null || key.Segments.Count == 0 || syntax.Value is null)
            {
                return;
            }

            TomlTableNode target = _model.OpenEntry(table, key, out IReadOnlyList<string> path);
            if (ConvertValue(syntax.Value, path, key.Segments[^1].Span, depth) is { } value)
            {
                _model.CloseEntry(target, key, path, value);
            }
        }

        private TomlValueNode? ConvertValue(ValueSyntax syntax, IReadOnlyList<string> path, TextSpan nameSpan, int depth)
        {
            if (depth > MaxDepth)
            {
                _model.AddError(new SyntaxError($"The TOML nesting is deeper than {MaxDepth} levels.", SpanOf(syntax)));
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
                    TomlTableNode table = _model.NewTable(TomlTableKind.Inline, path, span, nameSpan);
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
