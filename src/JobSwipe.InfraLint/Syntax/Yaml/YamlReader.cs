using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Yaml;

/// <summary>
/// Reads the common shape of a YAML file straight into the model, without YamlDotNet's tokens and events (most of
/// what a compose file cost to parse): one document of block mappings and block sequences (indentless ones too),
/// one-line plain and quoted scalars, one-line flow sequences of scalars, empty values and comments. Anything else
/// (block scalars, multi-line scalars, flow mappings, anchors, aliases, tags, escapes, tabs, document markers, and
/// every syntax error) makes it give up, and <see cref="YamlParser"/> reads the file with YamlDotNet instead, so both
/// give the same model for every file the reader accepts.
/// </summary>
internal sealed class YamlReader
{
    /// <summary>Deeper nesting is left to YamlDotNet (its limit and error apply there).</summary>
    private const int MaxNesting = 64;

    /// <summary>YamlDotNet's simple keys stop at 1,024 characters; longer keys are left to it.</summary>
    private const int MaxKeyLength = 1000;

    private readonly SourceText _text;
    private readonly string _s;
    private readonly YamlParser.YamlModelBuilder _model;
    private readonly List<SyntaxComment> _comments = [];
    private int _pos;
    private int _col;
    private int _depth;

    private YamlReader(SourceText text)
    {
        _text = text;
        _s = text.Content;
        _model = new YamlParser.YamlModelBuilder(text);
    }

    /// <summary>The model of <paramref name="text"/>, or null when the file needs YamlDotNet.</summary>
    public static YamlStream? TryRead(SourceText text)
    {
        // The parser refuses runaway bracket nesting up front, even in a plain scalar: so does the reader.
        if (!HasPlainCharacters(text.Content) || YamlParser.FindRunawayFlowNesting(text) is not null)
        {
            return null;
        }

        var reader = new YamlReader(text);
        return reader.ReadStream() ? new YamlStream(text, reader._model.Documents, reader._comments) : null;
    }

    /// <summary>No tab, no control character but LF and CRLF, no other line break YAML knows, no BOM, no surrogate.</summary>
    private static bool HasPlainCharacters(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < ' ')
            {
                if (c == '\n' || (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n'))
                {
                    continue;
                }

                return false;
            }

            if (c >= '\u007F' && (c <= '\u009F' || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD' or '\uFFFE' or '\uFFFF' || (c >= '\uD800' && c <= '\uDFFF')))
            {
                return false;
            }
        }

        return true;
    }

    private bool AtEnd => _pos >= _s.Length;

    private char Current => _pos < _s.Length ? _s[_pos] : '\0';

    private bool ReadStream()
    {
        if (!NextContent())
        {
            return false;
        }

        if (AtEnd)
        {
            return true;
        }

        if (_col != 0)
        {
            return false;
        }

        _model.StartDocument(_pos);
        if (!ReadBlockNode() || !AtEnd)
        {
            return false;
        }

        _model.EndDocument(_s.Length);
        return true;
    }

    private static bool IsBreak(char c) => c is '\n' or '\r';

    private bool IsBreakAt(int i) => i >= _s.Length || IsBreak(_s[i]);

    private void SkipSpaces()
    {
        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }
    }

    /// <summary>
    /// From the end of a line (or the start of the text): past line breaks, blank lines and comment lines, to the first
    /// character of the next content line (its column in <see cref="_col"/>) or the end. False at a document marker.
    /// </summary>
    private bool NextContent()
    {
        while (true)
        {
            if (_pos < _s.Length && _s[_pos] == '\r')
            {
                _pos++;
            }

            if (_pos < _s.Length && _s[_pos] == '\n')
            {
                _pos++;
            }

            int lineStart = _pos;
            SkipSpaces();
            if (AtEnd)
            {
                return true;
            }

            char c = _s[_pos];
            if (IsBreak(c))
            {
                continue;
            }

            if (c == '#')
            {
                ReadComment();
                continue;
            }

            _col = _pos - lineStart;
            return _col != 0 || !(_s.AsSpan(_pos).StartsWith("---", StringComparison.Ordinal) || _s.AsSpan(_pos).StartsWith("...", StringComparison.Ordinal));
        }
    }

    /// <summary>A comment from its <c>#</c> to the end of the line (the line break excluded).</summary>
    private void ReadComment()
    {
        int start = _pos;
        int end = _s.AsSpan(_pos).IndexOfAny('\r', '\n');
        _pos = end < 0 ? _s.Length : _pos + end;
        _comments.Add(new SyntaxComment(TextSpan.FromBounds(start, _pos), _s.AsSpan(start + 1, _pos - start - 1).Trim().ToString()));
    }

    /// <summary>After a value: spaces, a comment after at least one space, the line's end; then on to the next content line.</summary>
    private bool FinishLine()
    {
        int before = _pos;
        SkipSpaces();
        if (Current == '#' && _pos > before)
        {
            ReadComment();
        }

        return IsBreakAt(_pos) && NextContent();
    }

    private bool IsBlockEntry(int i) => i < _s.Length && _s[i] == '-' && IsBreakOrSpaceAt(i + 1);

    private bool IsBreakOrSpaceAt(int i) => IsBreakAt(i) || _s[i] == ' ';

    /// <summary>A block collection starting at the current content line's first character.</summary>
    private bool ReadBlockNode()
    {
        if (++_depth > MaxNesting)
        {
            return false;
        }

        bool read = IsBlockEntry(_pos) ? ReadBlockSequence(_col, indentless: false) : FindKeyColon(_pos) >= 0 && ReadBlockMapping(_col);
        _depth--;
        return read;
    }

    private bool ReadBlockMapping(int col)
    {
        if (_model.Push(true, false, _pos, _pos, null, null) is not null)
        {
            return false;
        }

        while (true)
        {
            if (!ReadKey())
            {
                return false;
            }

            int valueMark = _pos;
            if (!ReadValueAfterIndicator(col, valueMark, allowIndentless: true))
            {
                return false;
            }

            if (AtEnd || _col < col)
            {
                break;
            }

            if (_col > col || IsBlockEntry(_pos))
            {
                return false;
            }
        }

        return _model.Pop(_pos) is null;
    }

    private bool ReadBlockSequence(int col, bool indentless)
    {
        if (_model.Push(false, false, _pos, _pos, null, null) is not null)
        {
            return false;
        }

        while (true)
        {
            _pos++;
            int entryMark = _pos;
            SkipSpaces();
            if (!AtEnd && !IsBreak(Current) && Current != '#' && FindKeyColon(_pos) >= 0)
            {
                // "- key: value": a mapping whose keys are in the column of this first key.
                _depth++;
                bool read = _depth <= MaxNesting && ReadBlockMapping(_pos - LineStart(_pos));
                _depth--;
                if (!read)
                {
                    return false;
                }
            }
            else if (IsBlockEntry(_pos) || !ReadValueAfterIndicator(col, entryMark, allowIndentless: false))
            {
                return false;
            }

            if (AtEnd || _col < col)
            {
                break;
            }

            if (_col > col)
            {
                return false;
            }

            if (!IsBlockEntry(_pos))
            {
                if (indentless)
                {
                    break;
                }

                return false;
            }
        }

        return _model.Pop(_pos) is null;
    }

    private int LineStart(int i)
    {
        int previous = _s.LastIndexOf('\n', i - 1, i);
        return previous + 1;
    }

    /// <summary>
    /// The value after a key's <c>:</c> or an entry's <c>-</c> (whose end is <paramref name="mark"/>) of a collection in
    /// column <paramref name="col"/>: on the same line, a nested block on the lines below, or empty. Ends at the next
    /// content line.
    /// </summary>
    private bool ReadValueAfterIndicator(int col, int mark, bool allowIndentless)
    {
        int before = _pos;
        SkipSpaces();
        if (Current == '#' && _pos == before)
        {
            return false;
        }

        if (AtEnd || IsBreak(Current) || Current == '#')
        {
            if (!FinishLine())
            {
                return false;
            }

            if (!AtEnd && _col > col)
            {
                return ReadBlockNode();
            }

            if (allowIndentless && !AtEnd && _col == col && IsBlockEntry(_pos))
            {
                _depth++;
                bool read = _depth <= MaxNesting && ReadBlockSequence(col, indentless: true);
                _depth--;
                return read;
            }

            _model.Add(new YamlScalar(_text, string.Empty, YamlScalarStyle.Plain, new TextSpan(mark, 0), null, null));
            return true;
        }

        if (Current == '[')
        {
            if (!ReadFlowSequence())
            {
                return false;
            }
        }
        else if (!ReadScalar(inFlow: false))
        {
            return false;
        }

        // A deeper line after a one-line value would continue it (or be an error): left to YamlDotNet.
        return FinishLine() && (AtEnd || _col <= col);
    }

    /// <summary>The colon of a simple key starting at <paramref name="i"/> (plain or quoted, on one line), or -1.</summary>
    private int FindKeyColon(int i)
    {
        if (i >= _s.Length)
        {
            return -1;
        }

        char c = _s[i];
        if (c is '"' or '\'')
        {
            int close = QuotedEnd(i);
            return close > 0 && close < _s.Length && _s[close] == ':' && IsBreakOrSpaceAt(close + 1) ? close : -1;
        }

        if (!IsPlainStart(i))
        {
            return -1;
        }

        for (int j = i; j < _s.Length && j - i <= MaxKeyLength; j++)
        {
            char k = _s[j];
            if (IsBreak(k) || (k == '#' && _s[j - 1] == ' '))
            {
                return -1;
            }

            if (k == ':' && IsBreakOrSpaceAt(j + 1))
            {
                return j;
            }
        }

        return -1;
    }

    private bool ReadKey()
    {
        int colon = FindKeyColon(_pos);
        if (colon < 0)
        {
            return false;
        }

        if (_s[_pos] is '"' or '\'')
        {
            if (!ReadScalar(inFlow: false) || _pos != colon)
            {
                return false;
            }
        }
        else
        {
            int end = colon;
            while (end > _pos && _s[end - 1] == ' ')
            {
                end--;
            }

            AddPlain(_pos, end);
        }

        _pos = colon + 1;
        return true;
    }

    /// <summary>
    /// Whether a plain scalar may start at <paramref name="i"/>: not an indicator, except <c>-</c>, <c>?</c> and
    /// <c>:</c> followed by a non-space.
    /// </summary>
    private bool IsPlainStart(int i)
    {
        char c = _s[i];
        if (c is '-' or '?' or ':')
        {
            return !IsBreakOrSpaceAt(i + 1);
        }

        return c is not (',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ');
    }

    /// <summary>The index after the closing quote of a one-line quoted scalar at <paramref name="i"/> without escapes, or -1.</summary>
    private int QuotedEnd(int i)
    {
        char quote = _s[i];
        for (int j = i + 1; j < _s.Length; j++)
        {
            char c = _s[j];
            if (IsBreak(c) || c == '\\' && quote == '"')
            {
                return -1;
            }

            if (c == quote)
            {
                if (quote == '\'' && j + 1 < _s.Length && _s[j + 1] == '\'')
                {
                    j++;
                    continue;
                }

                return j + 1;
            }
        }

        return -1;
    }

    /// <summary>A one-line quoted scalar, or a plain scalar up to the line's end, a comment or (in a flow) a delimiter.</summary>
    private bool ReadScalar(bool inFlow)
    {
        int start = _pos;
        char c = _s[start];
        if (c is '"' or '\'')
        {
            int end = QuotedEnd(start);
            if (end < 0)
            {
                return false;
            }

            string value = c == '\'' && _s.AsSpan(start + 1, end - start - 2).Contains('\'')
                ? _s.Substring(start + 1, end - start - 2).Replace("''", "'", StringComparison.Ordinal)
                : SharedStrings.Get(_s, start + 1, end - start - 2);
            _model.Add(new YamlScalar(_text, value, c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, TextSpan.FromBounds(start, end), null, null));
            _pos = end;
            return true;
        }

        if (!IsPlainStart(start))
        {
            return false;
        }

        int i = start;
        int last = start;
        for (; i < _s.Length; i++)
        {
            char k = _s[i];
            if (IsBreak(k) || (k == '#' && _s[i - 1] == ' '))
            {
                break;
            }

            if (k == ':' && (IsBreakOrSpaceAt(i + 1) || inFlow))
            {
                return false;
            }

            if (inFlow && k is ',' or '[' or ']' or '{' or '}' or '#' or '"' or '\'')
            {
                if (k is ',' or ']')
                {
                    break;
                }

                return false;
            }

            if (k != ' ')
            {
                last = i + 1;
            }
        }

        AddPlain(start, last);
        _pos = last;
        return true;
    }

    private void AddPlain(int start, int end) =>
        _model.Add(new YamlScalar(_text, SharedStrings.Get(_s, start, end - start), YamlScalarStyle.Plain, TextSpan.FromBounds(start, end), null, null));

    /// <summary>A one-line flow sequence of scalars: <c>["CMD", "curl", -f]</c>.</summary>
    private bool ReadFlowSequence()
    {
        if (++_depth > MaxNesting || _model.Push(false, true, _pos, _pos, null, null) is not null)
        {
            return false;
        }

        _pos++;
        SkipSpaces();
        if (Current != ']')
        {
            while (true)
            {
                if (AtEnd || IsBreak(Current) || !ReadScalar(inFlow: true))
                {
                    return false;
                }

                SkipSpaces();
                if (Current == ']')
                {
                    break;
                }

                if (Current != ',')
                {
                    return false;
                }

                _pos++;
                SkipSpaces();
                if (Current == ']')
                {
                    return false;
                }
            }
        }

        _depth--;
        bool closed = _model.Pop(_pos) is null;
        _pos++;
        return closed;
    }
}
