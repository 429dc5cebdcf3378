using System.Globalization;
using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Toml;

/// <summary>
/// Reads the common shape of a TOML file straight into the model, without Tomlyn's syntax tree (its tokens, trivia
/// lists and nodes were three quarters of what a <c>fly.toml</c> cost to parse): headers, bare and quoted keys,
/// one-line basic and literal strings with the usual escapes, decimal integers, booleans, arrays and one-line inline
/// tables, comments. Anything else (multi-line strings, floats, dates, other integer forms, rare escapes, control
/// characters, and every syntax error) makes it give up, and <see cref="TomlParser"/> reads the file with Tomlyn
/// instead, so both give the same model for every file the reader accepts.
/// </summary>
internal sealed class TomlReader
{
    /// <summary>Deeper nesting, or keys with more parts, are left to Tomlyn (its limits and errors apply there).</summary>
    private const int MaxNesting = 32;

    private readonly string _s;
    private readonly TomlModelBuilder _model;
    private readonly List<TomlKeySegment> _segments = [];
    private StringBuilder? _escaped;
    private int _pos;

    private TomlReader(SourceText text)
    {
        _s = text.Content;
        _model = new TomlModelBuilder(text);
    }

    /// <summary>The model of <paramref name="text"/>, or null when the file needs Tomlyn.</summary>
    public static TomlDocument? TryRead(SourceText text)
    {
        if (!HasPlainCharacters(text.Content))
        {
            return null;
        }

        var reader = new TomlReader(text);
        return reader.ReadDocument() ? reader._model.Finish() : null;
    }

    /// <summary>
    /// No control character but tab and CRLF/LF line breaks, no DEL, no surrogate, no replacement character and no byte
    /// order mark: what Tomlyn reports or decodes specially is left to it.
    /// </summary>
    private static bool HasPlainCharacters(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < ' ')
            {
                if (c == '\t' || c == '\n' || (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n'))
                {
                    continue;
                }

                return false;
            }

            if (c == '\u007F' || (c >= '\uD800' && c <= '\uDFFF') || c == '\uFFFD' || c == '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    private char Current => _pos < _s.Length ? _s[_pos] : '\0';

    private bool ReadDocument()
    {
        TomlTableNode table = _model.Root;
        while (true)
        {
            SkipSpaces();
            if (_pos >= _s.Length)
            {
                return true;
            }

            switch (_s[_pos])
            {
                case '\n':
                    _pos++;
                    continue;
                case '\r':
                    _pos += 2; // always CRLF here
                    continue;
                case '#':
                    ReadComment();
                    continue;
                case '[':
                    if (ReadHeader() is not { } header)
                    {
                        return false;
                    }

                    table = header;
                    break;
                default:
                    if (!ReadKeyValue(table, 0))
                    {
                        return false;
                    }

                    break;
            }

            if (!ReadEndOfLine())
            {
                return false;
            }
        }
    }

    private void SkipSpaces()
    {
        while (_pos < _s.Length && (_s[_pos] == ' ' || _s[_pos] == '\t'))
        {
            _pos++;
        }
    }

    private void ReadComment()
    {
        int start = _pos;
        int end = _s.AsSpan(_pos).IndexOfAny('\r', '\n');
        _pos = end < 0 ? _s.Length : _pos + end;
        _model.AddComment(new TextSpan(start, _pos - start));
    }

    /// <summary>Spaces, a comment, then a line break or the end of the file.</summary>
    private bool ReadEndOfLine()
    {
        SkipSpaces();
        if (Current == '#')
        {
            ReadComment();
        }

        if (_pos >= _s.Length)
        {
            return true;
        }

        if (_s[_pos] == '\n')
        {
            _pos++;
            return true;
        }

        if (_s[_pos] == '\r')
        {
            _pos += 2;
            return true;
        }

        return false;
    }

    /// <summary>Spaces, line breaks and comments, as an array's items may have between them.</summary>
    private void SkipBlank()
    {
        while (_pos < _s.Length)
        {
            switch (_s[_pos])
            {
                case ' ' or '\t' or '\n':
                    _pos++;
                    break;
                case '\r':
                    _pos += 2;
                    break;
                case '#':
                    ReadComment();
                    break;
                default:
                    return;
            }
        }
    }

    private TomlTableNode? ReadHeader()
    {
        int open = _pos;
        bool isArray = _pos + 1 < _s.Length && _s[_pos + 1] == '[';
        _pos += isArray ? 2 : 1;
        SkipSpaces();
        if (ReadKey() is not { } key)
        {
            return null;
        }

        if (isArray)
        {
            if (!_s.AsSpan(_pos).StartsWith("]]", StringComparison.Ordinal))
            {
                return null;
            }

            _pos += 2;
        }
        else
        {
            if (Current != ']' || (_pos + 1 < _s.Length && _s[_pos + 1] == ']'))
            {
                return null;
            }

            _pos++;
        }

        return _model.DefineHeader(key, TextSpan.FromBounds(open, _pos), isArray);
    }

    /// <summary>A key (spaces after it skipped), or null.</summary>
    private TomlKey? ReadKey()
    {
        _segments.Clear();
        while (true)
        {
            if (ReadKeySegment() is not { } segment || _segments.Count == MaxNesting)
            {
                return null;
            }

            _segments.Add(segment);
            SkipSpaces();
            if (Current != '.')
            {
                break;
            }

            _pos++;
            SkipSpaces();
        }

        // Tomlyn reads what follows a key as another token: only these may follow it here.
        if (Current is not ('=' or ']'))
        {
            return null;
        }

        TomlKeySegment[] segments = [.. _segments];
        return new TomlKey(segments, TextSpan.FromBounds(segments[0].Span.Start, segments[^1].Span.End));
    }

    private TomlKeySegment? ReadKeySegment()
    {
        int start = _pos;
        char c = Current;
        if (c == '"' || c == '\'')
        {
            return ReadString(c) is { } quoted ? new TomlKeySegment(quoted, TextSpan.FromBounds(start, _pos)) : null;
        }

        while (_pos < _s.Length && IsBareKeyChar(_s[_pos]))
        {
            _pos++;
        }

        return _pos == start ? null : new TomlKeySegment(SharedStrings.Get(_s, start, _pos - start), TextSpan.FromBounds(start, _pos));
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

    private bool ReadKeyValue(TomlTableNode table, int depth)
    {
        if (ReadKey() is not { } key || Current != '=')
        {
            return false;
        }

        _pos++;
        SkipSpaces();
        TomlTableNode target = _model.OpenEntry(table, key, out IReadOnlyList<string> path);
        if (ReadValue(path, key.Segments[^1].Span, depth) is not { } value)
        {
            return false;
        }

        _model.CloseEntry(target, key, path, value);
        return true;
    }

    private TomlValueNode? ReadValue(IReadOnlyList<string> path, TextSpan nameSpan, int depth)
    {
        if (depth > MaxNesting || _pos >= _s.Length)
        {
            return null;
        }

        int start = _pos;
        char c = _s[_pos];
        switch (c)
        {
            case '"' or '\'':
                if (_s.AsSpan(_pos).StartsWith(c == '"' ? "\"\"\"" : "'''", StringComparison.Ordinal) || ReadString(c) is not { } value)
                {
                    return null;
                }

                return new TomlStringValue(value, c == '"' ? TomlStringKind.Basic : TomlStringKind.Literal, TextSpan.FromBounds(start, _pos));
            case '[':
                return ReadArray(path, nameSpan, depth);
            case '{':
                return ReadInlineTable(path, nameSpan, depth);
            case 't' or 'f':
                string word = c == 't' ? "true" : "false";
                if (!_s.AsSpan(_pos).StartsWith(word, StringComparison.Ordinal))
                {
                    return null;
                }

                _pos += word.Length;
                return EndsToken() ? new TomlBooleanValue(c == 't', TextSpan.FromBounds(start, _pos)) : null;
            default:
                return ReadInteger();
        }
    }

    /// <summary>Whether a number or boolean ends here as Tomlyn's token would: at a space, a line break, a comment or a delimiter.</summary>
    private bool EndsToken() => _pos >= _s.Length || _s[_pos] is ' ' or '\t' or '\r' or '\n' or '#' or ',' or ']' or '}';

    /// <summary>A decimal integer of at most 18 digits (no underscores, no leading zero); anything else is left to Tomlyn.</summary>
    private TomlIntegerValue? ReadInteger()
    {
        int start = _pos;
        if (Current is '+' or '-')
        {
            _pos++;
        }

        int digits = _pos;
        while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos]))
        {
            _pos++;
        }

        int count = _pos - digits;
        if (count == 0 || count > 18 || (count > 1 && _s[digits] == '0') || !EndsToken())
        {
            return null;
        }

        long value = long.Parse(_s.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new TomlIntegerValue(value, SharedStrings.Get(_s, start, _pos - start), TextSpan.FromBounds(start, _pos));
    }

    private TomlArrayValue? ReadArray(IReadOnlyList<string> path, TextSpan nameSpan, int depth)
    {
        int start = _pos++;
        List<TomlValueNode>? items = null;
        while (true)
        {
            SkipBlank();
            if (Current == ']')
            {
                break;
            }

            if (ReadValue(path, nameSpan, depth + 1) is not { } item)
            {
                return null;
            }

            (items ??= []).Add(item);
            SkipBlank();
            if (Current == ',')
            {
                _pos++;
                continue;
            }

            if (Current != ']')
            {
                return null;
            }

            break;
        }

        _pos++;
        return new TomlArrayValue(items is null ? [] : items.ToArray(), TextSpan.FromBounds(start, _pos));
    }

    /// <summary>A one-line inline table without a trailing comma (TOML 1.0's form).</summary>
    private TomlInlineTableValue? ReadInlineTable(IReadOnlyList<string> path, TextSpan nameSpan, int depth)
    {
        int start = _pos++;
        TomlTableNode table = _model.NewTable(TomlTableKind.Inline, path, new TextSpan(start, 0), nameSpan);
        SkipSpaces();
        if (Current != '}')
        {
            while (true)
            {
                if (!ReadKeyValue(table, depth + 1))
                {
                    return null;
                }

                SkipSpaces();
                if (Current == '}')
                {
                    break;
                }

                if (Current != ',')
                {
                    return null;
                }

                _pos++;
                SkipSpaces();
                if (Current == '}')
                {
                    return null;
                }
            }
        }

        _pos++;
        var span = TextSpan.FromBounds(start, _pos);
        table.SetSpan(span);
        return new TomlInlineTableValue(table, span);
    }

    /// <summary>
    /// A one-line basic (<paramref name="quote"/> <c>"</c>) or literal (<c>'</c>) string from its opening quote, decoded;
    /// null for an escape this reader leaves to Tomlyn or a string not closed on its line.
    /// </summary>
    private string? ReadString(char quote)
    {
        int contentStart = _pos + 1;
        ReadOnlySpan<char> rest = _s.AsSpan(contentStart);
        int end = quote == '"' ? rest.IndexOfAny('"', '\\', '\n') : rest.IndexOfAny('\'', '\n');
        if (end < 0 || rest[end] == '\n')
        {
            return null;
        }

        if (rest[end] == quote)
        {
            _pos = contentStart + end + 1;
            return SharedStrings.Get(_s, contentStart, end);
        }

        StringBuilder builder = _escaped ??= new StringBuilder();
        builder.Clear();
        int i = 0;
        while (true)
        {
            if (i >= rest.Length || rest[i] == '\n')
            {
                return null;
            }

            char c = rest[i];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= rest.Length)
            {
                return null;
            }

            char escape = rest[i + 1];
            i += 2;
            switch (escape)
            {
                case 'b': builder.Append('\b'); break;
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'f': builder.Append('\f'); break;
                case 'r': builder.Append('\r'); break;
                case 'e': builder.Append('\u001B'); break;
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case 'u':
                    if (i + 4 > rest.Length || !int.TryParse(rest.Slice(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        return null;
                    }

                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        _pos = contentStart + i + 1;
        return builder.ToString();
    }
}
