using System.Runtime.InteropServices;
using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

internal enum TokenKind
{
    Word,
    Operator,
    Newline,
    IoNumber,
    Eof,
}

/// <summary>
/// A token: a small value (the parser recurses once per nesting level, so its frames stay small) with the word, or the
/// word and the heredoc it opens, as its one reference payload.
/// </summary>
internal readonly struct Token(TokenKind kind, TextSpan span, string text, object? payload = null)
{
    private readonly object? _payload = payload;

    public TokenKind Kind { get; } = kind;

    public TextSpan Span { get; } = span;

    public string Text { get; } = text;

    public ShellWord? Word => _payload as ShellWord ?? (_payload as HeredocWord)?.Word;

    /// <summary>The file descriptor of an <see cref="TokenKind.IoNumber"/> token.</summary>
    public int IoNumber => int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);

    public ShellHeredoc? Heredoc => (_payload as HeredocWord)?.Heredoc;
}

/// <summary>The payload of a heredoc delimiter word's token.</summary>
internal sealed record HeredocWord(ShellWord Word, ShellHeredoc Heredoc);

/// <summary>The tokenizer: words with their parts, operators, newlines (which read pending heredoc bodies) and comments.</summary>
internal sealed partial class ShellParserCore
{
    private readonly List<ShellHeredoc> _pendingHeredocs = [];
    private TextSpan? _heredocOperator;
    private long _arithmeticBudget;
    private int _noBracketCloseUntil = -1;
    private int _nameRunStart = -1;
    private int _nameRunEnd;
    private int _noDollarBracketCloseAfter = int.MaxValue;

    private Token Peek() => _peeked ??= Lex();

    private Token Next()
    {
        Token tok = Peek();
        _peeked = null;
        return tok;
    }

    private Token EofToken() => new(TokenKind.Eof, new TextSpan(Math.Min(_pos, _limit), 0), "");

    private Token Lex()
    {
        if (_aborted)
        {
            return EofToken();
        }

        SkipBlanksAndComments();
        if (_pos >= _limit)
        {
            if (_pendingHeredocs.Count > 0)
            {
                ReportUnterminatedHeredoc(_pendingHeredocs[0]);
            }

            return EofToken();
        }

        int start = _pos;
        char c = _s[_pos];
        if (c == '\n')
        {
            _pos++;
            var newline = new Token(TokenKind.Newline, new TextSpan(start, 1), "\n");
            if (_pendingHeredocs.Count > 0)
            {
                ReadHeredocBodies();
            }

            return newline;
        }

        if ((c == '<' || c == '>') && At(_pos + 1) == '(')
        {
            return LexWord(start);
        }

        string? op = MatchOperator(c);
        if (op is not null)
        {
            _pos += op.Length;
            var tok = new Token(TokenKind.Operator, new TextSpan(start, op.Length), op);
            if (op is "<<" or "<<-")
            {
                _heredocOperator = tok.Span;
            }

            return tok;
        }

        if (char.IsAsciiDigit(c))
        {
            int i = _pos;
            while (i < _limit && char.IsAsciiDigit(_s[i]))
            {
                i++;
            }

            if (i < _limit && (_s[i] == '<' || _s[i] == '>') && At(i + 1) != '(' && i - _pos <= 9)
            {
                _pos = i;
                return new Token(TokenKind.IoNumber, TextSpan.FromBounds(start, i), SharedStrings.Get(_s, start, i - start));
            }
        }

        return LexWord(start);
    }

    private char At(int index) => index < _limit ? _s[index] : '\0';

    private string? MatchOperator(char c)
    {
        char n = At(_pos + 1);
        char n2 = At(_pos + 2);
        return c switch
        {
            '&' => n == '&' ? "&&" : n == '>' ? (n2 == '>' ? "&>>" : "&>") : "&",
            '|' => n == '|' ? "||" : n == '&' ? "|&" : "|",
            ';' => n == ';' ? (n2 == '&' ? ";;&" : ";;") : n == '&' ? ";&" : ";",
            '(' => "(",
            ')' => ")",
            '<' => n == '<' ? (n2 == '<' ? "<<<" : n2 == '-' ? "<<-" : "<<") : n == '&' ? "<&" : n == '>' ? "<>" : "<",
            '>' => n == '>' ? ">>" : n == '&' ? ">&" : n == '|' ? ">|" : ">",
            _ => null,
        };
    }

    private void SkipBlanksAndComments()
    {
        while (_pos < _limit)
        {
            char c = _s[_pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
            {
                _pos++;
            }
            else if (c == '\r' && (At(_pos + 1) == '\n' || _pos + 1 >= _limit))
            {
                _pos++;
            }
            else if (c == '\\' && At(_pos + 1) == '\n')
            {
                _pos += 2;
            }
            else if (c == '\\' && At(_pos + 1) == '\r' && At(_pos + 2) == '\n')
            {
                _pos += 3;
            }
            else if (c == '#')
            {
                int start = _pos;
                while (_pos < _limit && _s[_pos] != '\n')
                {
                    _pos++;
                }

                int end = _pos;
                if (end > start && _s[end - 1] == '\r')
                {
                    end--;
                }

                _comments.Add(new SyntaxComment(TextSpan.FromBounds(start, end), _s.AsSpan((start + 1)..end).Trim().ToString()));
            }
            else
            {
                break;
            }
        }
    }

    // ---- heredocs -------------------------------------------------------------------------------------------

    private void ReportUnterminatedHeredoc(ShellHeredoc heredoc) =>
        Error($"the heredoc started here is never closed: add a line containing only '{heredoc.Delimiter}'", heredoc.OperatorSpan);

    private void ReadHeredocBodies()
    {
        var pending = _pendingHeredocs.ToList();
        _pendingHeredocs.Clear();
        foreach (ShellHeredoc heredoc in pending)
        {
            int bodyStart = _pos;
            var body = new StringBuilder();
            bool found = false;
            while (_pos < _limit)
            {
                int lineStart = _pos;
                int lineEnd = _s.IndexOf('\n', lineStart, _limit - lineStart);
                int next = lineEnd < 0 ? _limit : lineEnd + 1;
                if (lineEnd < 0)
                {
                    lineEnd = _limit;
                }

                int contentEnd = lineEnd > lineStart && _s[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                int contentStart = lineStart;
                if (heredoc.StripsTabs)
                {
                    while (contentStart < contentEnd && _s[contentStart] == '\t')
                    {
                        contentStart++;
                    }
                }

                if (contentEnd - contentStart == heredoc.Delimiter.Length
                    && string.CompareOrdinal(_s, contentStart, heredoc.Delimiter, 0, heredoc.Delimiter.Length) == 0)
                {
                    heredoc.BodySpan = TextSpan.FromBounds(bodyStart, lineStart);
                    heredoc.Body = body.ToString();
                    heredoc.EndSpan = TextSpan.FromBounds(lineStart, contentEnd);
                    heredoc.IsTerminated = true;
                    _pos = next;
                    found = true;
                    if (!heredoc.IsDelimiterQuoted && lineStart > bodyStart)
                    {
                        heredoc.Parts = ReadHeredocExpansions(bodyStart, lineStart);
                    }

                    break;
                }

                body.Append(_s, contentStart, next - contentStart);
                _pos = next;
            }

            if (!found)
            {
                heredoc.BodySpan = TextSpan.FromBounds(bodyStart, _pos);
                heredoc.Body = body.ToString();
                heredoc.EndSpan = new TextSpan(_pos, 0);
                ReportUnterminatedHeredoc(heredoc);
                return;
            }
        }
    }

    /// <summary>
    /// The expansions of an unquoted heredoc body. Bash expands the body only when the heredoc is used, so a
    /// malformed expansion there is not a syntax error: on failure the expansions are dropped and the parse goes on.
    /// </summary>
    private IReadOnlyList<ShellWordPart> ReadHeredocExpansions(int start, int end)
    {
        int savedPos = _pos;
        int savedLimit = _limit;
        int errorCount = _errors.Count;
        int commentCount = _comments.Count;
        int pendingCount = _pendingHeredocs.Count;
        int depth = _depth;
        TextSpan? savedHeredocOperator = _heredocOperator;
        var parts = new List<ShellWordPart>();
        try
        {
            _heredocOperator = null;
            _limit = end;
            _pos = start;
            while (_pos < _limit && !_aborted)
            {
                char c = _s[_pos];
                if (c == '\\')
                {
                    _pos += 2;
                }
                else if (c == '$')
                {
                    ShellWordPart? part = ReadDollar(quoted: true);
                    if (part is null)
                    {
                        _pos++;
                    }
                    else
                    {
                        parts.Add(part);
                    }
                }
                else if (c == '`')
                {
                    ShellWordPart? part = ReadBacktick(quoted: true);
                    if (part is not null)
                    {
                        parts.Add(part);
                    }
                }
                else
                {
                    _pos++;
                }
            }

            if (_aborted)
            {
                _errors.RemoveRange(errorCount, _errors.Count - errorCount);
                _comments.RemoveRange(commentCount, _comments.Count - commentCount);
                if (_pendingHeredocs.Count > pendingCount)
                {
                    _pendingHeredocs.RemoveRange(pendingCount, _pendingHeredocs.Count - pendingCount);
                }

                _aborted = false;
                _depth = depth;
                return [];
            }

            return parts;
        }
        finally
        {
            _limit = savedLimit;
            _pos = savedPos;
            _heredocOperator = savedHeredocOperator;
            _peeked = null;
        }
    }

    // ---- words ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Collects a word's parts. A literal run that is the source text unchanged (most are: no escape, no quote
    /// removal inside the run) is kept as a source range and becomes a shared string; only a run with escapes is
    /// copied into the builder. Builders are reused within a parse (<see cref="RentBuilder"/>).
    /// </summary>
    private sealed class WordBuilder
    {
        public readonly List<ShellWordPart> Parts = [];
        private readonly StringBuilder _literal = new();
        private string _s = "";
        private int _textStart = -1;
        private int _textEnd;
        public int Start;
        public int LiteralStart = -1;
        public bool LiteralQuoted;
        public bool SawQuote;
        public int AssignmentPartIndex = -1;
        public int AssignmentEquals = -1;
        public bool AssignmentAppend;

        public void Reset(string source, int start)
        {
            _s = source;
            Parts.Clear();
            _literal.Clear();
            _textStart = -1;
            Start = start;
            LiteralStart = -1;
            LiteralQuoted = false;
            SawQuote = false;
            AssignmentPartIndex = -1;
            AssignmentEquals = -1;
            AssignmentAppend = false;
        }

        public bool IsEmpty(int pos) => pos == Start;

        public void Append(char c, bool quoted, int at)
        {
            if (LiteralStart >= 0 && LiteralQuoted != quoted)
            {
                Flush(at);
            }

            if (LiteralStart < 0)
            {
                LiteralStart = at;
                LiteralQuoted = quoted;
            }

            if (_textStart >= 0)
            {
                if (at == _textEnd && at < _s.Length && _s[at] == c)
                {
                    _textEnd++;
                    return;
                }

                _literal.Append(_s, _textStart, _textEnd - _textStart);
                _textStart = -1;
            }
            else if (_literal.Length == 0 && at < _s.Length && _s[at] == c)
            {
                _textStart = at;
                _textEnd = at + 1;
                return;
            }

            _literal.Append(c);
        }

        public void Flush(int end, bool keepEmpty = false)
        {
            if (LiteralStart >= 0)
            {
                string? text = _textStart >= 0 ? SharedStrings.Get(_s, _textStart, _textEnd - _textStart) : _literal.Length > 0 ? _literal.ToString() : keepEmpty ? "" : null;
                if (text is not null)
                {
                    Parts.Add(new ShellLiteralPart(TextSpan.FromBounds(LiteralStart, end), text, LiteralQuoted));
                }
            }

            _literal.Clear();
            _textStart = -1;
            LiteralStart = -1;
        }

        public void Add(ShellWordPart part, int start)
        {
            Flush(start);
            Parts.Add(part);
        }

        /// <summary>
        /// The word's text when the word is nothing but unquoted source text from <see cref="Start"/> to
        /// <paramref name="end"/> (no quote, escape, expansion, glob or assignment): the common plain word.
        /// </summary>
        public string? PlainText(int end) =>
            Parts.Count == 0 && !SawQuote && AssignmentPartIndex < 0 && LiteralStart == Start && !LiteralQuoted && _textStart == Start && _textEnd == end
                ? SharedStrings.Get(_s, Start, end - Start)
                : null;
    }

    private WordBuilder RentBuilder(int start)
    {
        WordBuilder b = _scratch.Builders.Count > 0 ? _scratch.Builders.Pop() : new WordBuilder();
        b.Reset(_s, start);
        return b;
    }

    private void ReturnBuilder(WordBuilder b) => _scratch.Builders.Push(b);

    private static bool IsMeta(char c) => c is ' ' or '\t' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')' or '\f' or '\v';

    private Token LexWord(int start)
    {
        TextSpan? heredocOperator = _heredocOperator;
        _heredocOperator = null;
        WordBuilder b = RentBuilder(start);
        ReadWordInto(b);
        var span = TextSpan.FromBounds(start, _pos);
        ShellWord word;
        if (b.PlainText(_pos) is { } plain)
        {
            word = new ShellWord(span, plain);
        }
        else
        {
            b.Flush(_pos);
            word = new ShellWord(span, SharedStrings.Get(_s, start, _pos - start), b.Parts, b.SawQuote);
        }

        if (b.AssignmentPartIndex >= 0)
        {
            ShellWordPart[] valueParts = CollectionsMarshal.AsSpan(b.Parts)[b.AssignmentPartIndex..].ToArray();
            var valueSpan = TextSpan.FromBounds(b.AssignmentEquals + 1, _pos);
            bool valueQuoted = false;
            foreach (ShellWordPart p in valueParts)
            {
                valueQuoted |= p is ShellLiteralPart { IsQuoted: true } || (p is ShellVariablePart v && v.IsQuoted) || (p is ShellCommandSubstitutionPart cs && cs.IsQuoted);
            }

            var value = new ShellWord(valueSpan, SharedStrings.Get(_s, valueSpan.Start, valueSpan.Length), valueParts, valueQuoted);
            int nameEnd = b.AssignmentAppend ? b.AssignmentEquals - 1 : b.AssignmentEquals;
            var nameSpan = TextSpan.FromBounds(start, nameEnd);
            IReadOnlyList<ShellWord>? elements = valueParts is [ShellArrayPart array] ? array.Elements : null;
            word.Assignment = new ShellAssignment(span, SharedStrings.Get(_s, start, nameEnd - start), nameSpan, value, b.AssignmentAppend, elements);
        }

        ReturnBuilder(b);
        if (heredocOperator is { } op)
        {
            var heredoc = new ShellHeredoc(word.Value, word.IsQuoted, op.Length == 3, op);
            _pendingHeredocs.Add(heredoc);
            return new Token(TokenKind.Word, span, word.Text, new HeredocWord(word, heredoc));
        }

        return new Token(TokenKind.Word, span, word.Text, word);
    }

    private void ReadWordInto(WordBuilder b)
    {
        while (_pos < _limit && !_aborted)
        {
            char c = _s[_pos];
            if ((c == '<' || c == '>') && b.IsEmpty(_pos) && At(_pos + 1) == '(')
            {
                ReadProcessSubstitution(b);
                continue;
            }

            if (IsMeta(c) || (c == '\r' && (At(_pos + 1) == '\n' || _pos + 1 >= _limit)))
            {
                return;
            }

            switch (c)
            {
                case '\\':
                    ReadBackslash(b, quotedContext: false);
                    break;
                case '\'':
                    ReadSingleQuoted(b);
                    break;
                case '"':
                    ReadDoubleQuoted(b);
                    break;
                case '`':
                    {
                        int start = _pos;
                        ShellWordPart? part = ReadBacktick(quoted: false);
                        if (part is not null)
                        {
                            b.Add(part, start);
                        }

                        break;
                    }

                case '$':
                    ReadDollarInto(b, quoted: false);
                    break;
                case '*' or '?' or '+' or '@' or '!' when At(_pos + 1) == '(':
                    if (!TryReadExtglob(b))
                    {
                        if (c is '*' or '?')
                        {
                            b.Add(new ShellGlobPart(new TextSpan(_pos, 1), c == '*' ? "*" : "?"), _pos);
                        }
                        else
                        {
                            b.Append(c, false, _pos);
                        }

                        _pos++;
                    }

                    break;
                case '*' or '?':
                    b.Add(new ShellGlobPart(new TextSpan(_pos, 1), c == '*' ? "*" : "?"), _pos);
                    _pos++;
                    break;
                case '[':
                    ReadBracket(b);
                    break;
                case '=':
                    ReadEquals(b);
                    break;
                default:
                    b.Append(c, false, _pos);
                    _pos++;
                    break;
            }
        }
    }

    private void ReadBackslash(WordBuilder b, bool quotedContext)
    {
        int start = _pos;
        char n = At(_pos + 1);
        if (n == '\n')
        {
            _pos += 2;
            return;
        }

        if (n == '\r' && At(_pos + 2) == '\n')
        {
            _pos += 3;
            return;
        }

        if (_pos + 1 >= _limit)
        {
            b.Append('\\', quotedContext, start);
            _pos++;
            return;
        }

        if (quotedContext && n is not ('$' or '`' or '"' or '\\'))
        {
            b.Append('\\', true, start);
            _pos++;
            return;
        }

        b.SawQuote = true;
        b.Append(n, true, start);
        _pos += 2;
    }

    private void ReadSingleQuoted(WordBuilder b)
    {
        int open = _pos;
        int close = _s.IndexOf('\'', open + 1, _limit - open - 1);
        if (close < 0)
        {
            Error("this single quote is never closed: add the matching ' (quotes in shell do not end at the line break)", new TextSpan(open, 1));
            _pos = _limit;
            return;
        }

        b.SawQuote = true;
        b.Add(new ShellLiteralPart(TextSpan.FromBounds(open, close + 1), SharedStrings.Get(_s, open + 1, close - open - 1), true), open);
        _pos = close + 1;
    }

    private void ReadDoubleQuoted(WordBuilder b)
    {
        int open = _pos;
        b.SawQuote = true;
        b.Flush(open);
        b.LiteralStart = open;
        b.LiteralQuoted = true;
        _pos++;
        int partsBefore = b.Parts.Count;
        while (true)
        {
            if (_aborted)
            {
                return;
            }

            if (_pos >= _limit)
            {
                Error("this double quote is never closed: add the matching \" (quotes in shell do not end at the line break)", new TextSpan(open, 1));
                return;
            }

            char c = _s[_pos];
            if (c == '"')
            {
                _pos++;
                b.Flush(_pos, keepEmpty: b.Parts.Count == partsBefore);
                return;
            }

            switch (c)
            {
                case '\\':
                    ReadBackslash(b, quotedContext: true);
                    break;
                case '$':
                    ReadDollarInto(b, quoted: true);
                    break;
                case '`':
                    {
                        int start = _pos;
                        ShellWordPart? part = ReadBacktick(quoted: true);
                        if (part is not null)
                        {
                            b.Add(part, start);
                        }

                        break;
                    }

                default:
                    b.Append(c, true, _pos);
                    _pos++;
                    break;
            }
        }
    }

    private void ReadDollarInto(WordBuilder b, bool quoted)
    {
        int start = _pos;
        char n = At(_pos + 1);
        if (!quoted && n == '"')
        {
            // $"..." (locale translation) reads like "...".
            _pos++;
            ReadDoubleQuoted(b);
            return;
        }

        if (!quoted && n == '\'')
        {
            ReadAnsiC(b);
            return;
        }

        ShellWordPart? part = ReadDollar(quoted);
        if (part is null)
        {
            b.Append('$', quoted, start);
            _pos = start + 1;
        }
        else
        {
            b.Add(part, start);
        }
    }

    private void ReadAnsiC(WordBuilder b)
    {
        int open = _pos;
        int i = _pos + 2;
        var value = new StringBuilder();
        while (i < _limit && _s[i] != '\'')
        {
            char c = _s[i];
            if (c == '\\' && i + 1 < _limit)
            {
                char e = _s[i + 1];
                value.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\a',
                    'b' => '\b',
                    'e' or 'E' => '\u001b',
                    'f' => '\f',
                    'v' => '\v',
                    '0' => '\0',
                    _ => e,
                });
                i += 2;
                continue;
            }

            value.Append(c);
            i++;
        }

        if (i >= _limit)
        {
            Error("this $'...' string is never closed: add the matching '", new TextSpan(open, 2));
            _pos = _limit;
            return;
        }

        b.SawQuote = true;
        b.Add(new ShellLiteralPart(TextSpan.FromBounds(open, i + 1), value.ToString(), true), open);
        _pos = i + 1;
    }

    /// <summary>Reads an expansion at a '$'. Returns null (without moving) when the '$' is literal.</summary>
    private ShellWordPart? ReadDollar(bool quoted)
    {
        int start = _pos;
        char n = At(_pos + 1);
        if (n == '(')
        {
            if (At(_pos + 2) == '(')
            {
                int end = TryScanArithmetic(_pos + 3);
                if (end > 0)
                {
                    _pos = end;
                    return new ShellArithmeticPart(TextSpan.FromBounds(start, end), _s[start..end], _s[(start + 3)..(end - 2)], quoted);
                }
            }

            return ReadCommandSubstitution(start, 2, ShellSubstitutionKind.Dollar, quoted);
        }

        if (n == '{')
        {
            return ReadBracedParameter(quoted);
        }

        if (n == '[')
        {
            // Obsolete $[ expr ] arithmetic.
            int close = _pos + 2 >= _noDollarBracketCloseAfter ? -1 : _s.IndexOf(']', _pos + 2, _limit - _pos - 2);
            if (close < 0)
            {
                // No ']' up to the limit: remember it so that a run of '$[' stays linear.
                _noDollarBracketCloseAfter = Math.Min(_noDollarBracketCloseAfter, _pos + 2);
            }

            if (close > 0)
            {
                _pos = close + 1;
                return new ShellArithmeticPart(TextSpan.FromBounds(start, _pos), _s[start.._pos], _s[(start + 2)..close], quoted);
            }

            return null;
        }

        if (char.IsAsciiLetter(n) || n == '_')
        {
            int i = _pos + 1;
            while (i < _limit && (char.IsAsciiLetterOrDigit(_s[i]) || _s[i] == '_'))
            {
                i++;
            }

            _pos = i;
            return new ShellVariablePart(TextSpan.FromBounds(start, i), SharedStrings.Get(_s, start + 1, i - start - 1), SharedStrings.Get(_s, start, i - start), false, quoted, []);
        }

        if (char.IsAsciiDigit(n) || n is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            _pos += 2;
            return new ShellVariablePart(TextSpan.FromBounds(start, _pos), SharedStrings.Get(_s, start + 1, 1), SharedStrings.Get(_s, start, 2), false, quoted, []);
        }

        return null;
    }

    private ShellCommandSubstitutionPart? ReadCommandSubstitution(int start, int openLength, ShellSubstitutionKind kind, bool quoted)
    {
        var openSpan = new TextSpan(start, openLength);
        if (!EnterDepth(openSpan))
        {
            ExitDepth();
            _pos = _limit;
            return null;
        }

        try
        {
            TextSpan? savedHeredocOperator = _heredocOperator;
            _heredocOperator = null;
            _pos = start + openLength;
            _peeked = null;
            ShellCommandList body = ParseList();
            Token close = Peek();
            _heredocOperator = savedHeredocOperator;
            if (close.Kind == TokenKind.Operator && close.Text == ")")
            {
                _peeked = null;
                _pos = close.Span.End;
                return new ShellCommandSubstitutionPart(TextSpan.FromBounds(start, _pos), _s[start.._pos], body, kind, quoted);
            }

            string open = _s.Substring(start, openLength);
            if (close.Kind == TokenKind.Eof)
            {
                Error($"the '{open}' on line {LineOf(start)} is never closed: ')' is missing", openSpan);
            }
            else
            {
                Error($"expected ')' to close the '{open}' on line {LineOf(start)} but found {Describe(close)}", close.Span);
            }

            _pos = _limit;
            return null;
        }
        finally
        {
            ExitDepth();
        }
    }

    private void ReadProcessSubstitution(WordBuilder b)
    {
        int start = _pos;
        var kind = _s[_pos] == '<' ? ShellSubstitutionKind.ProcessInput : ShellSubstitutionKind.ProcessOutput;
        ShellCommandSubstitutionPart? part = ReadCommandSubstitution(start, 2, kind, false);
        if (part is not null)
        {
            b.Add(part, start);
        }
    }

    private ShellWordPart? ReadBacktick(bool quoted)
    {
        int open = _pos;
        int i = open + 1;
        while (i < _limit && _s[i] != '`')
        {
            i += _s[i] == '\\' ? 2 : 1;
        }

        if (i >= _limit)
        {
            Error("this backtick command substitution is never closed: add the matching `", new TextSpan(open, 1));
            _pos = _limit;
            return null;
        }

        var openSpan = new TextSpan(open, 1);
        if (!EnterDepth(openSpan))
        {
            ExitDepth();
            _pos = _limit;
            return null;
        }

        int savedLimit = _limit;
        TextSpan? savedHeredocOperator = _heredocOperator;
        try
        {
            _heredocOperator = null;
            _limit = i;
            _pos = open + 1;
            _peeked = null;
            ShellCommandList body = ParseList();
            Token rest = Peek();
            if (rest.Kind != TokenKind.Eof)
            {
                Error($"{UnexpectedMessage(rest)} inside the backtick command substitution", rest.Span);
            }

            _peeked = null;
            if (_aborted)
            {
                return null;
            }

            _pos = i + 1;
            return new ShellCommandSubstitutionPart(TextSpan.FromBounds(open, i + 1), _s[open..(i + 1)], body, ShellSubstitutionKind.Backtick, quoted);
        }
        finally
        {
            _limit = savedLimit;
            _heredocOperator = savedHeredocOperator;
            if (_aborted)
            {
                _pos = _limit;
            }

            ExitDepth();
        }
    }

    private ShellVariablePart? ReadBracedParameter(bool quoted)
    {
        int start = _pos;
        var openSpan = new TextSpan(start, 2);
        if (!EnterDepth(openSpan))
        {
            ExitDepth();
            _pos = _limit;
            return null;
        }

        try
        {
            _pos += 2;
            int nameStart = _pos;
            if (At(_pos) is '#' or '!' && At(_pos + 1) != '}')
            {
                nameStart++;
            }

            int i = nameStart;
            if (char.IsAsciiLetter(At(i)) || At(i) == '_')
            {
                while (i < _limit && (char.IsAsciiLetterOrDigit(_s[i]) || _s[i] == '_'))
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(At(i)))
            {
                while (i < _limit && char.IsAsciiDigit(_s[i]))
                {
                    i++;
                }
            }
            else if (At(i) is '@' or '*' or '#' or '?' or '-' or '$' or '!')
            {
                i++;
            }

            string name = SharedStrings.Get(_s, nameStart, i - nameStart);
            _pos = i;
            var nested = new List<ShellWordPart>();
            bool innerDouble = false;
            while (true)
            {
                if (_aborted)
                {
                    return null;
                }

                if (_pos >= _limit)
                {
                    Error($"the '${{' on line {LineOf(start)} is never closed: '}}' is missing", openSpan);
                    return null;
                }

                char c = _s[_pos];
                switch (c)
                {
                    case '}' when !innerDouble:
                        _pos++;
                        return new ShellVariablePart(TextSpan.FromBounds(start, _pos), name, SharedStrings.Get(_s, start, _pos - start), true, quoted, ModelLists.Compact(nested));
                    case '\\':
                        _pos += 2;
                        break;
                    case '"':
                        innerDouble = !innerDouble;
                        _pos++;
                        break;
                    case '\'' when !quoted && !innerDouble:
                        {
                            int close = _s.IndexOf('\'', _pos + 1, _limit - _pos - 1);
                            if (close < 0)
                            {
                                Error("this single quote is never closed: add the matching '", new TextSpan(_pos, 1));
                                return null;
                            }

                            _pos = close + 1;
                            break;
                        }

                    case '$':
                        {
                            ShellWordPart? part = ReadDollar(quoted || innerDouble);
                            if (part is null)
                            {
                                _pos++;
                            }
                            else
                            {
                                nested.Add(part);
                            }

                            break;
                        }

                    case '`':
                        {
                            ShellWordPart? part = ReadBacktick(quoted || innerDouble);
                            if (part is not null)
                            {
                                nested.Add(part);
                            }

                            break;
                        }

                    default:
                        _pos++;
                        break;
                }
            }
        }
        finally
        {
            ExitDepth();
        }
    }

    /// <summary>From just after '((' (or '$(('), the offset after the matching '))', or -1.</summary>
    private int TryScanArithmetic(int from)
    {
        int depth = 0;
        for (int i = from; i < _limit; i++)
        {
            if (--_arithmeticBudget < 0)
            {
                return -1;
            }

            char c = _s[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    return At(i + 1) == ')' ? i + 2 : -1;
                }

                depth--;
            }
        }

        return -1;
    }

    private bool TryReadExtglob(WordBuilder b)
    {
        int start = _pos;
        int depth = 0;
        for (int i = _pos + 1; i < _limit; i++)
        {
            char c = _s[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    b.Add(new ShellGlobPart(TextSpan.FromBounds(start, i + 1), _s[start..(i + 1)]), start);
                    _pos = i + 1;
                    return true;
                }
            }
            else if (c is '\n' or ' ' or '\t' or ';' or '&')
            {
                return false;
            }
        }

        return false;
    }

    private void ReadBracket(WordBuilder b)
    {
        int start = _pos;
        if (start >= _noBracketCloseUntil)
        {
            int i = start + 1;
            while (i < _limit && !IsMeta(_s[i]) && _s[i] is not ('"' or '\'' or '\r' or '$' or '`' or '\\'))
            {
                if (_s[i] == ']' && i > start + 1)
                {
                    b.Add(new ShellGlobPart(TextSpan.FromBounds(start, i + 1), _s[start..(i + 1)]), start);
                    _pos = i + 1;
                    return;
                }

                i++;
            }

            _noBracketCloseUntil = i;
        }

        b.Append('[', false, start);
        _pos++;
    }

    private void ReadEquals(WordBuilder b)
    {
        int at = _pos;
        if (b.AssignmentPartIndex < 0 && IsAssignmentName(b.Start, at, out bool append))
        {
            b.Append('=', false, at);
            _pos++;
            b.Flush(_pos);
            b.AssignmentPartIndex = b.Parts.Count;
            b.AssignmentEquals = at;
            b.AssignmentAppend = append;
            if (At(_pos) == '(')
            {
                ReadArray(b);
            }

            return;
        }

        b.Append('=', false, at);
        _pos++;
    }

    private bool IsAssignmentName(int start, int end, out bool append)
    {
        append = false;
        if (end > start && _s[end - 1] == '+')
        {
            append = true;
            end--;
        }

        if (end <= start || !(char.IsAsciiLetter(_s[start]) || _s[start] == '_'))
        {
            return false;
        }

        if (_nameRunStart != start)
        {
            // The leading run of name characters, computed once per word so that many '=' stay linear.
            _nameRunStart = start;
            _nameRunEnd = start + 1;
            while (_nameRunEnd < _limit && (char.IsAsciiLetterOrDigit(_s[_nameRunEnd]) || _s[_nameRunEnd] == '_'))
            {
                _nameRunEnd++;
            }
        }

        int i = Math.Min(_nameRunEnd, end);
        if (i == end)
        {
            return true;
        }

        // NAME[index]=value
        return _s[i] == '[' && _s[end - 1] == ']';
    }

    private void ReadArray(WordBuilder b)
    {
        int open = _pos;
        if (!EnterDepth(new TextSpan(open, 1)))
        {
            ExitDepth();
            _pos = _limit;
            return;
        }

        try
        {
            _pos++;
            var elements = new List<ShellWord>();
            while (!_aborted)
            {
                SkipArrayBlanks();
                if (_pos >= _limit)
                {
                    Error($"the array '(' on line {LineOf(open)} is never closed: ')' is missing", new TextSpan(open, 1));
                    return;
                }

                char c = _s[_pos];
                if (c == ')')
                {
                    _pos++;
                    b.Add(new ShellArrayPart(TextSpan.FromBounds(open, _pos), _s[open.._pos], ModelLists.Compact(elements)), open);
                    return;
                }

                if (IsMeta(c))
                {
                    Error($"unexpected '{c}' inside the array assignment", new TextSpan(_pos, 1));
                    return;
                }

                int start = _pos;
                WordBuilder eb = RentBuilder(start);
                ReadWordInto(eb);
                eb.Flush(_pos);
                if (_pos == start)
                {
                    Error($"unexpected '{c}' inside the array assignment", new TextSpan(_pos, 1));
                    return;
                }

                elements.Add(new ShellWord(TextSpan.FromBounds(start, _pos), SharedStrings.Get(_s, start, _pos - start), eb.Parts, eb.SawQuote));
                ReturnBuilder(eb);
            }
        }
        finally
        {
            ExitDepth();
        }
    }

    private void SkipArrayBlanks()
    {
        while (_pos < _limit)
        {
            char c = _s[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else if (c == '\\' && At(_pos + 1) == '\n')
            {
                _pos += 2;
            }
            else if (c == '#')
            {
                int start = _pos;
                while (_pos < _limit && _s[_pos] != '\n')
                {
                    _pos++;
                }

                _comments.Add(new SyntaxComment(TextSpan.FromBounds(start, _pos), _s.AsSpan((start + 1).._pos).Trim().ToString()));
            }
            else
            {
                break;
            }
        }
    }
}
