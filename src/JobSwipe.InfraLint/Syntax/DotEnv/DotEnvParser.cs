using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.DotEnv;

/// <summary>
/// Parses .env files the way docker compose's env_file reader and python-dotenv read them:
/// <c>[export ]KEY=value</c> (also <c>KEY: value</c>), unquoted values with <c># comments</c> after whitespace,
/// literal single-quoted values, double-quoted values with escapes; both quoted forms may span lines.
/// Lines that are not assignments become <see cref="DotEnvDocument.InvalidLines"/>; an unterminated quote is a syntax error.
/// </summary>
public static class DotEnvParser
{
    public static ParseResult<DotEnvDocument> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new Reader(text).Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var empty = new DotEnvDocument(text, [], [], []);
            return ParseResult<DotEnvDocument>.Failure(new SyntaxError("The .env file could not be read: " + ex.Message, new TextSpan(0, Math.Min(1, text.Length))), empty);
        }
    }

    internal static bool IsBlank(char c) => c is ' ' or '\t' or '\f' or '\v' or '\u00a0' or '\ufeff';

    internal static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private sealed class Reader(SourceText text)
    {
        private readonly string _s = text.Content;
        private readonly List<DotEnvEntry> _entries = [];
        private readonly List<DotEnvInvalidLine> _invalid = [];
        private readonly List<SyntaxComment> _comments = [];
        private readonly List<SyntaxError> _errors = [];
        private int _noDoubleCloseFrom = text.Length;
        private int _noSingleCloseFrom = text.Length;

        public ParseResult<DotEnvDocument> Read()
        {
            int pos = 0;
            while (pos < _s.Length)
            {
                pos = ReadLine(pos);
            }

            return new ParseResult<DotEnvDocument>(new DotEnvDocument(text, _entries, _invalid, _comments), _errors);
        }

        private int LineEnd(int pos)
        {
            int i = _s.IndexOfAny(['\r', '\n'], pos);
            return i < 0 ? _s.Length : i;
        }

        private int NextLine(int lineEnd)
        {
            if (lineEnd >= _s.Length)
            {
                return _s.Length;
            }

            return _s[lineEnd] == '\r' && lineEnd + 1 < _s.Length && _s[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }

        private int SkipBlanks(int i, int end)
        {
            while (i < end && IsBlank(_s[i]))
            {
                i++;
            }

            return i;
        }

        private void Invalid(int start, int end, string reason)
        {
            int trimmedEnd = end;
            while (trimmedEnd > start && IsBlank(_s[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            var span = TextSpan.FromBounds(start, trimmedEnd);
            _invalid.Add(new DotEnvInvalidLine(text.GetText(span), span, reason));
        }

        private SyntaxComment Comment(int hash, int end)
        {
            int trimmedEnd = end;
            while (trimmedEnd > hash && IsBlank(_s[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            var comment = new SyntaxComment(TextSpan.FromBounds(hash, trimmedEnd), _s[(hash + 1)..trimmedEnd].Trim());
            _comments.Add(comment);
            return comment;
        }

        private int ReadLine(int lineStart)
        {
            int lineEnd = LineEnd(lineStart);
            int next = NextLine(lineEnd);
            int i = SkipBlanks(lineStart, lineEnd);
            if (i == lineEnd)
            {
                return next;
            }

            if (_s[i] == '#')
            {
                Comment(i, lineEnd);
                return next;
            }

            int entryStart = i;
            TextSpan? exportSpan = null;
            if (string.CompareOrdinal(_s, i, "export", 0, 6) == 0 && i + 6 < lineEnd && IsBlank(_s[i + 6]))
            {
                int afterExport = SkipBlanks(i + 6, lineEnd);
                if (afterExport < lineEnd && _s[afterExport] != '=')
                {
                    exportSpan = new TextSpan(i, 6);
                    i = afterExport;
                }
            }

            int keyStart = i;
            while (i < lineEnd && _s[i] != '=' && _s[i] != ':' && !IsBlank(_s[i]))
            {
                i++;
            }

            int keyEnd = i;
            string key = _s[keyStart..keyEnd];
            int sep = SkipBlanks(i, lineEnd);
            bool keyValid = key.Length > 0 && key.All(IsKeyChar);

            bool colon = sep < lineEnd && _s[sep] == ':' && (sep + 1 == lineEnd || IsBlank(_s[sep + 1]));
            if (sep == lineEnd || (_s[sep] == '#' && sep > keyEnd))
            {
                // A bare KEY: compose passes the variable through from the environment.
                if (!keyValid)
                {
                    Invalid(lineStart, lineEnd, "This line is not a KEY=value assignment.");
                    return next;
                }

                SyntaxComment? bareComment = sep < lineEnd ? Comment(sep, lineEnd) : null;
                _entries.Add(new DotEnvEntry(key, TextSpan.FromBounds(keyStart, keyEnd), null, new TextSpan(keyEnd, 0), DotEnvQuote.None, exportSpan, TextSpan.FromBounds(entryStart, keyEnd), bareComment, []));
                return next;
            }

            if (_s[sep] != '=' && !colon)
            {
                Invalid(lineStart, lineEnd, "This line is not a KEY=value assignment: expected '=' after the name.");
                return next;
            }

            if (!keyValid)
            {
                Invalid(lineStart, lineEnd, key.Length == 0
                    ? "The assignment has no variable name before '='."
                    : $"'{key}' is not a valid variable name (use letters, digits, '_', '.' or '-').");
                return next;
            }

            var keySpan = TextSpan.FromBounds(keyStart, keyEnd);
            int v = SkipBlanks(sep + 1, lineEnd);
            if (v < lineEnd && (_s[v] == '"' || _s[v] == '\''))
            {
                return ReadQuoted(key, keySpan, exportSpan, entryStart, v, lineEnd, next);
            }

            // Unquoted: up to a '#' preceded by whitespace, trailing blanks trimmed.
            int k = v;
            int commentAt = -1;
            while (k < lineEnd)
            {
                if (_s[k] == '#' && k > sep + 1 && IsBlank(_s[k - 1]))
                {
                    commentAt = k;
                    break;
                }

                k++;
            }

            int valueEnd = commentAt >= 0 ? commentAt : lineEnd;
            while (valueEnd > v && IsBlank(_s[valueEnd - 1]))
            {
                valueEnd--;
            }

            SyntaxComment? inline = commentAt >= 0 ? Comment(commentAt, lineEnd) : null;
            var valueSpan = TextSpan.FromBounds(v, valueEnd);
            _entries.Add(new DotEnvEntry(key, keySpan, _s[v..valueEnd], valueSpan, DotEnvQuote.None, exportSpan, TextSpan.FromBounds(entryStart, Math.Max(valueEnd, keyEnd)), inline, References(v, valueEnd, false)));
            return next;
        }

        private int ReadQuoted(string key, TextSpan keySpan, TextSpan? exportSpan, int entryStart, int open, int lineEnd, int next)
        {
            char quote = _s[open];
            bool isDouble = quote == '"';
            int close = -1;
            int scanEnd = isDouble ? _noDoubleCloseFrom : _noSingleCloseFrom;
            for (int k = open + 1; k < scanEnd; k++)
            {
                char c = _s[k];
                if (isDouble && c == '\\' && k + 1 < _s.Length)
                {
                    k++;
                    continue;
                }

                if (c == quote)
                {
                    close = k;
                    break;
                }
            }

            DotEnvQuote kind = isDouble ? DotEnvQuote.Double : DotEnvQuote.Single;
            if (close < 0)
            {
                // Nothing closes after here: remember it so many unterminated quotes stay linear.
                if (isDouble)
                {
                    _noDoubleCloseFrom = Math.Min(_noDoubleCloseFrom, open);
                }
                else
                {
                    _noSingleCloseFrom = Math.Min(_noSingleCloseFrom, open);
                }

                string what = isDouble ? "double-quoted" : "single-quoted";
                _errors.Add(new SyntaxError($"Unterminated {what} value for {key}: the closing {quote} is missing.", TextSpan.FromBounds(open, lineEnd)));
                var partial = TextSpan.FromBounds(open, lineEnd);
                _entries.Add(new DotEnvEntry(key, keySpan, _s[(open + 1)..lineEnd], partial, kind, exportSpan, TextSpan.FromBounds(entryStart, lineEnd), null, isDouble ? References(open + 1, lineEnd, true) : []));
                return next;
            }

            string raw = _s[(open + 1)..close];
            string value = isDouble ? Unescape(raw) : raw;
            bool multiline = raw.Contains('\n') || raw.Contains('\r');
            int closeLineEnd = LineEnd(close + 1);
            int after = SkipBlanks(close + 1, closeLineEnd);
            SyntaxComment? inline = null;
            if (after < closeLineEnd)
            {
                if (_s[after] == '#')
                {
                    inline = Comment(after, closeLineEnd);
                }
                else
                {
                    Invalid(after, closeLineEnd, $"Unexpected text after the closing quote of {key}'s value.");
                }
            }

            var valueSpan = TextSpan.FromBounds(open, close + 1);
            _entries.Add(new DotEnvEntry(key, keySpan, value, valueSpan, kind, exportSpan, TextSpan.FromBounds(entryStart, close + 1), inline, isDouble ? References(open + 1, close, true) : [])
            {
                IsMultiline = multiline,
            });
            return NextLine(closeLineEnd);
        }

        private static string Unescape(string raw)
        {
            if (!raw.Contains('\\'))
            {
                return raw;
            }

            var sb = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c != '\\' || i + 1 >= raw.Length)
                {
                    sb.Append(c);
                    continue;
                }

                char e = raw[++i];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case '$': sb.Append('$'); break;
                    default: sb.Append('\\').Append(e); break;
                }
            }

            return sb.ToString();
        }

        private List<DotEnvReference> References(int start, int end, bool escapes)
        {
            var refs = new List<DotEnvReference>();
            for (int i = start; i < end; i++)
            {
                char c = _s[i];
                if (escapes && c == '\\')
                {
                    i++;
                    continue;
                }

                if (c != '$' || i + 1 >= end)
                {
                    continue;
                }

                char d = _s[i + 1];
                if (d == '$')
                {
                    i++;
                    continue;
                }

                if (d == '{')
                {
                    int nameStart = i + 2;
                    int n = nameStart;
                    while (n < end && (char.IsAsciiLetterOrDigit(_s[n]) || _s[n] == '_'))
                    {
                        n++;
                    }

                    if (n == nameStart)
                    {
                        continue;
                    }

                    int closeBrace = _s.IndexOf('}', n, end - n);
                    if (closeBrace < 0)
                    {
                        // No closing brace anywhere after: no further braced reference can close either.
                        break;
                    }

                    string? modifier = closeBrace > n ? _s[n..closeBrace] : null;
                    refs.Add(new DotEnvReference(_s[nameStart..n], TextSpan.FromBounds(i, closeBrace + 1), TextSpan.FromBounds(nameStart, n), true, modifier));
                    i = closeBrace;
                }
                else if (char.IsAsciiLetter(d) || d == '_')
                {
                    int n = i + 1;
                    while (n < end && (char.IsAsciiLetterOrDigit(_s[n]) || _s[n] == '_'))
                    {
                        n++;
                    }

                    refs.Add(new DotEnvReference(_s[(i + 1)..n], TextSpan.FromBounds(i, n), TextSpan.FromBounds(i + 1, n), false, null));
                    i = n - 1;
                }
            }

            return refs;
        }
    }
}
