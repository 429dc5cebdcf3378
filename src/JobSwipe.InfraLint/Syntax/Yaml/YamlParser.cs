using JobSwipe.InfraLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace JobSwipe.InfraLint.Syntax.Yaml;

/// <summary>
/// Builds a <see cref="YamlStream"/>: <see cref="YamlReader"/> reads the common forms directly, every other file goes
/// through YamlDotNet's event stream. Duplicate keys are kept, aliases are
/// shared (not copied) and counted against an expansion budget, merge keys are resolved, nesting is capped, and
/// every failure becomes a <see cref="SyntaxError"/>.
/// </summary>
public static class YamlParser
{
    /// <summary>Maximum nesting of mappings and sequences.</summary>
    public const int MaxDepth = 256;

    /// <summary>Maximum number of nodes that aliases and merge keys may expand to in one stream.</summary>
    public const long MaxAliasExpansion = 100_000;

    private const string MergeKey = "<<";

    public static ParseResult<YamlStream> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (YamlReader.TryRead(text) is { } stream)
        {
            return ParseResult<YamlStream>.Success(stream);
        }

        return ParseWithYamlDotNet(text);
    }

    /// <summary>
    /// Reads <paramref name="text"/> through YamlDotNet's scanner and parser: the files <see cref="YamlReader"/> leaves
    /// (syntax errors, rarer forms), and the tests' oracle for the files it reads.
    /// </summary>
    internal static ParseResult<YamlStream> ParseWithYamlDotNet(SourceText text)
    {
        if (FindRunawayFlowNesting(text) is { } runaway)
        {
            // YamlDotNet's scanner slows down quadratically on very deep flow nesting; refuse it up front.
            return ParseResult<YamlStream>.Failure(
                new SyntaxError($"The YAML is nested more than {MaxDepth} levels deep.", new TextSpan(runaway, 1)),
                new YamlStream(text, [], []));
        }

        // One pass: the scanner keeps comments and hands the parser every other token. A file that does not parse
        // cleanly (or whose scan meets an error token) is read again the two-pass way, so its error and its comments
        // are exactly those of a parser that never saw a comment token.
        var scanner = new CommentCollectingScanner(text);
        var builder = new Builder(text, scanner);
        SyntaxError? error = Run(text, builder);
        if (error is null && !scanner.Unsure)
        {
            return ParseResult<YamlStream>.Success(new YamlStream(text, builder.Documents, scanner.Comments));
        }

        var comments = CollectComments(text);
        builder = new Builder(text, new Scanner(new StringReader(text.Content), skipComments: true));
        error = Run(text, builder);
        var model = new YamlStream(text, builder.Documents, comments);
        return error is null ? ParseResult<YamlStream>.Success(model) : ParseResult<YamlStream>.Failure(error, model);
    }

    private static SyntaxError? Run(SourceText text, Builder builder)
    {
        try
        {
            return builder.Run();
        }
        catch (YamlException ex)
        {
            return FromYamlException(text, ex, builder.LastOffset);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new SyntaxError($"The YAML could not be read: {ex.Message}", new TextSpan(Math.Min(builder.LastOffset, text.Length), 0));
        }
    }

    /// <summary>
    /// A scanner that keeps the comment tokens to itself (as <see cref="SyntaxComment"/>s, like <see cref="CollectComments"/>)
    /// and gives the parser the other tokens, as a scanner that skips comments would.
    /// </summary>
    private sealed class CommentCollectingScanner(SourceText text) : IScanner
    {
        private readonly Scanner _inner = new(new StringReader(text.Content), skipComments: false);
        private long _budget = MaxEvents(text);

        public List<SyntaxComment> Comments { get; } = [];

        /// <summary>True when the scan met an error token or ran past the token budget: the caller reads the file again.</summary>
        public bool Unsure { get; private set; }

        public Mark CurrentPosition => _inner.CurrentPosition;

        public YamlDotNet.Core.Tokens.Token? Current => _inner.Current;

        public bool MoveNext()
        {
            if (_inner.Current is not null)
            {
                _inner.ConsumeCurrent();
            }

            return MoveNextWithoutConsuming();
        }

        public bool MoveNextWithoutConsuming()
        {
            while (_inner.MoveNextWithoutConsuming())
            {
                if (--_budget <= 0 || _inner.Current is YamlDotNet.Core.Tokens.Error)
                {
                    Unsure = true;
                }

                if (_inner.Current is not YamlDotNet.Core.Tokens.Comment comment)
                {
                    return true;
                }

                var span = TextSpan.FromBounds(Clamp(text, comment.Start.Index), Clamp(text, comment.End.Index));
                Comments.Add(new SyntaxComment(span, comment.Value.Trim()));
                _inner.ConsumeCurrent();
            }

            return false;
        }

        public void ConsumeCurrent() => _inner.ConsumeCurrent();
    }

    private static List<SyntaxComment> CollectComments(SourceText text)
    {
        var comments = new List<SyntaxComment>();
        try
        {
            var scanner = new Scanner(new StringReader(text.Content), skipComments: false);
            long budget = MaxEvents(text);
            while (scanner.MoveNext() && --budget > 0)
            {
                // After an error the scanner yields Error tokens forever: stop at the first.
                if (scanner.Current is YamlDotNet.Core.Tokens.Error)
                {
                    break;
                }

                if (scanner.Current is YamlDotNet.Core.Tokens.Comment comment)
                {
                    var span = TextSpan.FromBounds(Clamp(text, comment.Start.Index), Clamp(text, comment.End.Index));
                    comments.Add(new SyntaxComment(span, comment.Value.Trim()));
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parse pass reports the error; keep the comments found before it.
        }

        return comments;
    }

    /// <summary>
    /// A cheap, conservative pre-check: the offset where unclosed '[' / '{' (outside quotes and comments) exceed
    /// four times <see cref="MaxDepth"/>, or null. Real files never come close; the parser reports exact errors.
    /// </summary>
    internal static int? FindRunawayFlowNesting(SourceText text)
    {
        int depth = 0;
        char quote = '\0';
        bool comment = false;
        string s = text.Content;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '\n' or '\r')
            {
                comment = false;
                continue;
            }

            if (comment)
            {
                continue;
            }

            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '#' when i == 0 || char.IsWhiteSpace(s[i - 1]):
                    comment = true;
                    break;
                case '"' or '\'' when depth > 0:
                    quote = c;
                    break;
                case '[' or '{':
                    if (++depth > 4 * MaxDepth)
                    {
                        return i;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>A safety cap on tokens/events: far above what any text of this length can produce.</summary>
    private static long MaxEvents(SourceText text) => (4L * text.Length) + 64;

    private static int Clamp(SourceText text, long index) => (int)Math.Clamp(index, 0, text.Length);

    private static SyntaxError FromYamlException(SourceText text, YamlException ex, int lastOffset)
    {
        string message = ex.Message;
        // Older YamlDotNet messages start with "(Line: 1, Col: 2, Idx: 3) - (…): ".
        int prefix = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && prefix > 0)
        {
            message = message[(prefix + 3)..];
        }

        message = message.Trim();
        if (message.Length > 0 && char.IsUpper(message[0]) && message.StartsWith("While ", StringComparison.Ordinal))
        {
            message = "while " + message[6..];
        }

        int start = Clamp(text, ex.Start.Index);
        int end = Clamp(text, ex.End.Index);
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && end <= start)
        {
            int tab = FindIndentationTab(text, lastOffset);
            if (tab >= 0)
            {
                return new SyntaxError("Invalid YAML: a tab is used for indentation; YAML indentation must use spaces.", new TextSpan(tab, 1));
            }
        }

        if (end < start)
        {
            end = start;
        }

        return new SyntaxError($"Invalid YAML: {message}", TextSpan.FromBounds(start, end));
    }

    private static int FindIndentationTab(SourceText text, int from)
    {
        int line = text.GetPosition(Math.Clamp(from, 0, text.Length)).Line;
        for (; line <= text.LineCount; line++)
        {
            int start = text.GetLineStart(line);
            int end = text.GetLineEnd(line);
            for (int i = start; i < end; i++)
            {
                if (text[i] == '\t')
                {
                    return i;
                }

                if (text[i] != ' ')
                {
                    break;
                }
            }
        }

        return -1;
    }

    /// <summary>An open mapping or sequence. Frames and their child lists are reused within a parse.</summary>
    private sealed class Frame
    {
        /// <summary>Where the node's content starts (after its anchor and tag).</summary>
        public int Start { get; set; }

        public bool IsMapping { get; set; }

        public bool IsFlow { get; set; }

        public string? Anchor { get; set; }

        public string? Tag { get; set; }

        public List<YamlNode> Children { get; } = [];
    }

    /// <summary>Reads YamlDotNet's events into a <see cref="YamlModelBuilder"/>.</summary>
    private sealed class Builder(SourceText text, IScanner scanner)
    {
        private readonly YamlModelBuilder _model = new(text);

        public List<YamlDocument> Documents => _model.Documents;

        public int LastOffset { get; private set; }

        public SyntaxError? Run()
        {
            var parser = new Parser(scanner);
            long budget = MaxEvents(text);
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                if (--budget < 0)
                {
                    return new SyntaxError("The YAML could not be read: the parser did not make progress.", new TextSpan(Clamp(text, ev.Start.Index), 0));
                }

                LastOffset = Clamp(text, ev.Start.Index);
                SyntaxError? error = ev switch
                {
                    DocumentStart ds => _model.StartDocument(Clamp(text, ds.Start.Index)),
                    DocumentEnd de => _model.EndDocument(Clamp(text, de.End.Index)),
                    MappingStart or SequenceStart => Push((NodeEvent)ev),
                    MappingEnd or SequenceEnd => _model.Pop(Clamp(text, ev.Start.Index)),
                    Scalar scalar => _model.Add(MakeScalar(scalar)),
                    AnchorAlias alias => _model.Alias(alias.Value.Value, TextSpan.FromBounds(Clamp(text, alias.Start.Index), Clamp(text, alias.End.Index))),
                    _ => null,
                };
                if (error is not null)
                {
                    _model.FlushPartialDocument();
                    return error;
                }
            }

            return null;
        }

        private SyntaxError? Push(NodeEvent start)
        {
            int at = Clamp(text, start.Start.Index);
            bool isFlow = start is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
            return _model.Push(start is MappingStart, isFlow, at, SkipProperties(start, at, text.Length), start.Anchor.IsEmpty ? null : start.Anchor.Value, TagOf(start.Tag));
        }

        private YamlScalar MakeScalar(Scalar scalar)
        {
            int scalarEnd = Clamp(text, scalar.End.Index);
            var span = TextSpan.FromBounds(SkipProperties(scalar, Clamp(text, scalar.Start.Index), scalarEnd), scalarEnd);
            var style = scalar.Style switch
            {
                ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                ScalarStyle.Literal => YamlScalarStyle.Literal,
                ScalarStyle.Folded => YamlScalarStyle.Folded,
                _ => YamlScalarStyle.Plain,
            };
            if (style is YamlScalarStyle.Literal or YamlScalarStyle.Folded)
            {
                // The block scalar's end mark sits after its trailing line breaks; stop at the last content character.
                int end = span.End;
                while (end > span.Start && text[end - 1] is '\n' or '\r' or ' ')
                {
                    end--;
                }

                span = TextSpan.FromBounds(span.Start, end);
            }

            return new YamlScalar(text, scalar.Value, style, span, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, TagOf(scalar.Tag));
        }

        /// <summary>Event start marks include the node's anchor and tag; the node's span starts at its content.</summary>
        private int SkipProperties(NodeEvent ev, int start, int limit)
        {
            if (ev.Anchor.IsEmpty && ev.Tag.IsEmpty)
            {
                return start;
            }

            int i = start;
            while (i < limit && text[i] is '&' or '!')
            {
                if (text[i] == '!' && i + 1 < limit && text[i + 1] == '<')
                {
                    while (i < limit && text[i] != '>')
                    {
                        i++;
                    }

                    i++;
                }

                while (i < limit && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                while (i < limit && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }

            return Math.Min(i, limit);
        }

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;
    }

    /// <summary>
    /// Builds the documents from a stream of document, collection, scalar and alias events in source order: both
    /// readers feed it (<see cref="YamlReader"/> directly, YamlDotNet's parser through <see cref="Builder"/>), so
    /// anchors, aliases, merge keys, nesting and expansion limits are handled once.
    /// </summary>
    internal sealed class YamlModelBuilder(SourceText text)
    {
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private readonly Stack<Frame> _spare = new();
        private long _expanded;
        private YamlNode? _root;
        private int _documentStart;

        public List<YamlDocument> Documents { get; } = [];

        public SyntaxError? StartDocument(int start)
        {
            _anchors.Clear();
            _root = null;
            _documentStart = start;
            return null;
        }

        public SyntaxError? EndDocument(int endIndex)
        {
            int end = Math.Max(_documentStart, endIndex);
            Documents.Add(new YamlDocument(_root, TextSpan.FromBounds(_documentStart, end)));
            _root = null;
            return null;
        }

        public void FlushPartialDocument()
        {
            if (_root is not null)
            {
                Documents.Add(new YamlDocument(_root, TextSpan.FromBounds(_documentStart, Math.Max(_documentStart, _root.Span.End))));
                _root = null;
            }
        }

        /// <summary>A mapping or sequence opens: <paramref name="at"/> is its event's start, <paramref name="contentStart"/> where its content starts.</summary>
        public SyntaxError? Push(bool isMapping, bool isFlow, int at, int contentStart, string? anchor, string? tag)
        {
            if (_stack.Count >= MaxDepth)
            {
                return new SyntaxError($"The YAML is nested more than {MaxDepth} levels deep.", new TextSpan(at, 1));
            }

            var frame = _spare.Count > 0 ? _spare.Pop() : new Frame();
            frame.Start = contentStart;
            frame.IsMapping = isMapping;
            frame.IsFlow = isFlow;
            frame.Anchor = anchor;
            frame.Tag = tag;
            _stack.Push(frame);
            return null;
        }

        /// <summary>The innermost open collection closes; <paramref name="close"/> is its end event's start (a flow collection's bracket).</summary>
        public SyntaxError? Pop(int close)
        {
            var frame = _stack.Pop();
            int startOffset = frame.Start;
            string? anchor = frame.Anchor;
            string? tag = frame.Tag;
            bool isFlow = frame.IsFlow;
            int endOffset;
            if (isFlow)
            {
                endOffset = close < text.Length && text[close] is '}' or ']' ? close + 1 : close;
            }
            else
            {
                endOffset = startOffset;
                foreach (var child in frame.Children)
                {
                    if (!child.IsAlias && child.Span.End > endOffset)
                    {
                        endOffset = child.Span.End;
                    }
                    else if (child.AliasSpan is { } a && a.End > endOffset)
                    {
                        endOffset = a.End;
                    }
                }
            }

            var span = TextSpan.FromBounds(startOffset, Math.Max(startOffset, endOffset));
            var children = frame.Children;
            YamlNode node;
            if (frame.IsMapping)
            {
                // Exact-size arrays: the model lives for the whole run.
                var entries = children.Count < 2 ? [] : new YamlMappingEntry[children.Count / 2];
                bool hasMergeKey = false;
                for (int i = 0; i < entries.Length; i++)
                {
                    var entry = new YamlMappingEntry(children[2 * i], children[(2 * i) + 1], false, null);
                    hasMergeKey |= entry.IsMergeKey;
                    entries[i] = entry;
                }

                Recycle(frame);
                IReadOnlyList<YamlMappingEntry> resolved = entries;
                if (hasMergeKey)
                {
                    (resolved, var error) = ResolveMerges(entries);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                node = new YamlMapping(entries, resolved, isFlow, span, anchor, tag);
            }
            else
            {
                YamlNode[] items = children.Count == 0 ? [] : children.ToArray();
                Recycle(frame);
                node = new YamlSequence(items, isFlow, span, anchor, tag);
            }

            return Add(node);
        }

        private void Recycle(Frame frame)
        {
            frame.Children.Clear();
            frame.Anchor = null;
            frame.Tag = null;
            _spare.Push(frame);
        }

        private (IReadOnlyList<YamlMappingEntry> Resolved, SyntaxError? Error) ResolveMerges(YamlMappingEntry[] entries)
        {

            var resolved = new List<YamlMappingEntry>(entries.Length);
            var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!entry.IsMergeKey)
                {
                    resolved.Add(entry);
                    if (entry.KeyText is { } k)
                    {
                        explicitKeys.Add(k);
                    }
                }
            }

            var seen = new HashSet<string>(explicitKeys, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!entry.IsMergeKey)
                {
                    continue;
                }

                var sources = entry.Value switch
                {
                    YamlMapping m => [m],
                    YamlSequence s => s.Items.OfType<YamlMapping>().ToList(),
                    _ => new List<YamlMapping>(),
                };
                foreach (var source in sources)
                {
                    var origin = source.AliasSpan ?? source.Span;
                    foreach (var merged in source.ResolvedEntries)
                    {
                        if (merged.KeyText is { } key && !seen.Add(key))
                        {
                            continue;
                        }

                        _expanded += merged.Key.Size + merged.Value.Size;
                        if (_expanded > MaxAliasExpansion)
                        {
                            return (resolved, BombError(origin));
                        }

                        resolved.Add(new YamlMappingEntry(merged.Key, merged.Value, true, merged.MergeOrigin ?? origin));
                    }
                }
            }

            return (resolved, null);
        }

        private static SyntaxError BombError(TextSpan at) =>
            new("Alias expansion limit exceeded (possible alias bomb): aliases and merge keys expand to more than " + MaxAliasExpansion + " nodes.", at);

        public SyntaxError? Alias(string name, TextSpan span)
        {
            if (!_anchors.TryGetValue(name, out var target))
            {
                return new SyntaxError($"The alias '*{name}' refers to an anchor '&{name}' that is not defined before it.", span);
            }

            _expanded += target.Size;
            if (_expanded > MaxAliasExpansion)
            {
                return BombError(span);
            }

            return Add(target.WithAlias(span));
        }

        public SyntaxError? Add(YamlNode node)
        {
            if (node.Anchor is { } anchor && !node.IsAlias)
            {
                _anchors[anchor] = node;
            }

            if (_stack.Count == 0)
            {
                _root = node;
            }
            else
            {
                _stack.Peek().Children.Add(node);
            }

            return null;
        }
    }
}
