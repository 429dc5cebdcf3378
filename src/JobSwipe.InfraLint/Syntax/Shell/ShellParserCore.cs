using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>The recursive-descent parser: grammar productions. The tokenizer lives in ShellParserCore.Lexer.cs.</summary>
internal sealed partial class ShellParserCore
{
    private readonly SourceText _text;
    private readonly string _s;
    private readonly List<SyntaxError> _errors = [];
    private readonly List<SyntaxComment> _comments = [];
    private int _pos;
    private int _limit;
    private int _depth;
    private bool _aborted;
    private Token? _peeked;

    /// <summary>
    /// Scratch space the parser copies into the model: word builders and the lists of a command list and a simple
    /// command. Stacks, because a word's substitution parses commands while the outer command's lists are in use;
    /// kept per thread between parses (a parse runs on one thread and takes the thread's scratch for itself).
    /// </summary>
    private sealed class Scratch
    {
        public readonly Stack<WordBuilder> Builders = new();
        public readonly Stack<List<ShellAndOrList>> ItemLists = new();
        public readonly Stack<List<ShellAssignment>> AssignmentLists = new();
        public readonly Stack<List<ShellWord>> WordLists = new();
        public readonly Stack<List<ShellRedirection>> RedirectionLists = new();
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly Scratch _scratch;

    /// <summary>Gives the scratch space back to the thread for its next parse.</summary>
    public void Release() => t_scratch = _scratch;

    public ShellParserCore(SourceText text, int start, int end)
    {
        _scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        _text = text;
        _s = text.Content;
        _pos = start;
        _limit = end;
        _arithmeticBudget = (8L * (end - start)) + 100_000;
    }

    public IReadOnlyList<SyntaxError> Errors => _errors;

    public IReadOnlyList<SyntaxComment> Comments => IsInOrder(_comments) ? ModelLists.Compact(_comments) : [.. _comments.OrderBy(c => c.Span.Start)];

    private static bool IsInOrder(List<SyntaxComment> comments)
    {
        for (int i = 1; i < comments.Count; i++)
        {
            if (comments[i].Span.Start < comments[i - 1].Span.Start)
            {
                return false;
            }
        }

        return true;
    }

    public ShellCommandList ParseScript()
    {
        ShellCommandList list = ParseList();
        Token tok = Peek();
        if (tok.Kind != TokenKind.Eof)
        {
            Error(UnexpectedMessage(tok), tok.Span);
        }

        return list;
    }

    public void ReportInternal(Exception ex)
    {
        _errors.Add(new SyntaxError($"the shell parser failed unexpectedly ({ex.GetType().Name}) at this point", new TextSpan(Math.Clamp(_pos, 0, _s.Length), 0)));
    }

    private void Error(string message, TextSpan span)
    {
        if (_aborted)
        {
            return;
        }

        _errors.Add(new SyntaxError(message, span));
        _aborted = true;
        _peeked = null;
    }

    private bool EnterDepth(TextSpan at)
    {
        _depth++;
        if (_depth > ShellParser.MaxDepth)
        {
            Error($"the script nests too deeply (more than {ShellParser.MaxDepth} levels of compound commands, substitutions or expansions)", at);
            return false;
        }

        return !_aborted;
    }

    private void ExitDepth() => _depth--;

    private int LineOf(int offset) => _text.GetPosition(offset).Line;

    // ---- lists ----------------------------------------------------------------------------------------------

    private static readonly HashSet<string> ListTerminators = ["then", "elif", "else", "fi", "do", "done", "esac", "}"];

    private bool IsListTerminator(Token tok) => tok.Kind switch
    {
        TokenKind.Eof => true,
        TokenKind.Operator => tok.Text is ")" or ";;" or ";&" or ";;&",
        TokenKind.Word => IsReserved(tok) && ListTerminators.Contains(tok.Word!.Value),
        _ => false,
    };

    private static bool IsReserved(Token tok) => tok.Kind == TokenKind.Word && !tok.Word!.IsQuoted && tok.Word.IsLiteral;

    private static bool IsReserved(Token tok, string word) => IsReserved(tok) && tok.Word!.Value == word;

    private void SkipNewlines()
    {
        while (Peek().Kind == TokenKind.Newline)
        {
            Next();
        }
    }

    private ShellCommandList ParseList()
    {
        List<ShellAndOrList> items = _scratch.ItemLists.Count > 0 ? _scratch.ItemLists.Pop() : [];
        SkipNewlines();
        int start = Peek().Span.Start;
        while (!_aborted)
        {
            SkipNewlines();
            Token tok = Peek();
            if (IsListTerminator(tok))
            {
                break;
            }

            AndOrParts? parsed = ParseAndOr();
            if (parsed is not { } parts)
            {
                break;
            }

            Token sepTok = Peek();
            ShellSeparator sep = ShellSeparator.None;
            if (sepTok.Kind == TokenKind.Operator && sepTok.Text == ";")
            {
                sep = ShellSeparator.Semicolon;
            }
            else if (sepTok.Kind == TokenKind.Operator && sepTok.Text == "&")
            {
                sep = ShellSeparator.Ampersand;
            }
            else if (sepTok.Kind == TokenKind.Newline)
            {
                sep = ShellSeparator.Newline;
            }

            if (sep != ShellSeparator.None)
            {
                Next();
            }

            items.Add(new ShellAndOrList(parts.Span, parts.Pipelines, parts.Operators, sep));
            if (sep == ShellSeparator.None)
            {
                Token after = Peek();
                if (!IsListTerminator(after))
                {
                    Error(UnexpectedMessage(after), after.Span);
                }

                break;
            }
        }

        int end = items.Count > 0 ? items[^1].Span.End : start;
        var list = new ShellCommandList(TextSpan.FromBounds(Math.Min(start, end), end), ModelLists.Compact(items));
        items.Clear();
        _scratch.ItemLists.Push(items);
        return list;
    }

    /// <summary>An and-or list before its separator is known (the list item is built once, with it).</summary>
    private readonly record struct AndOrParts(TextSpan Span, IReadOnlyList<ShellPipeline> Pipelines, IReadOnlyList<ShellAndOrOperator> Operators);

    private static bool IsOperator(Token tok, string a, string b) => tok.Kind == TokenKind.Operator && (tok.Text == a || tok.Text == b);

    private AndOrParts? ParseAndOr()
    {
        ShellPipeline? first = ParsePipeline();
        if (first is null)
        {
            return null;
        }

        if (_aborted || !IsOperator(Peek(), "&&", "||"))
        {
            return new AndOrParts(first.Span, [first], []);
        }

        var pipelines = new List<ShellPipeline> { first };
        var operators = new List<ShellAndOrOperator>();
        while (!_aborted)
        {
            Token tok = Peek();
            if (!IsOperator(tok, "&&", "||"))
            {
                break;
            }

            Next();
            SkipNewlines();
            ShellPipeline? next = ParsePipeline();
            if (next is null)
            {
                break;
            }

            operators.Add(tok.Text == "&&" ? ShellAndOrOperator.And : ShellAndOrOperator.Or);
            pipelines.Add(next);
        }

        return new AndOrParts(TextSpan.FromBounds(first.Span.Start, pipelines[^1].Span.End), ModelLists.Compact(pipelines), ModelLists.Compact(operators));
    }

    private ShellPipeline? ParsePipeline()
    {
        Token tok = Peek();
        int start = tok.Span.Start;
        bool negated = false;
        bool timed = false;
        while (true)
        {
            tok = Peek();
            if (IsReserved(tok, "time"))
            {
                timed = true;
                Next();
                if (IsReserved(Peek(), "-p"))
                {
                    Next();
                }
            }
            else if (IsReserved(tok, "!"))
            {
                negated = !negated;
                Next();
            }
            else
            {
                break;
            }
        }

        ShellCommand? first = ParseCommand();
        if (first is null)
        {
            return null;
        }

        if (_aborted || !IsOperator(Peek(), "|", "|&"))
        {
            return new ShellPipeline(TextSpan.FromBounds(start, first.Span.End), [first], negated, timed);
        }

        var commands = new List<ShellCommand> { first };
        while (!_aborted)
        {
            tok = Peek();
            if (!IsOperator(tok, "|", "|&"))
            {
                break;
            }

            Next();
            SkipNewlines();
            ShellCommand? next = ParseCommand();
            if (next is null)
            {
                break;
            }

            commands.Add(next);
        }

        return new ShellPipeline(TextSpan.FromBounds(start, commands[^1].Span.End), ModelLists.Compact(commands), negated, timed);
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private ShellCommand? ParseCommand()
    {
        Token tok = Peek();
        if (!EnterDepth(tok.Span))
        {
            ExitDepth();
            return null;
        }

        try
        {
            ShellCommand? command = ParseCommandCore(tok);
            if (command is null || command is SimpleCommand || command is ShellFunctionDefinition)
            {
                return command;
            }

            List<ShellRedirection> redirections = [];
            while (!_aborted && IsRedirectionStart(Peek()))
            {
                ShellRedirection? redirection = ParseRedirection();
                if (redirection is null)
                {
                    return null;
                }

                redirections.Add(redirection);
            }

            if (redirections.Count == 0)
            {
                return command;
            }

            var span = TextSpan.FromBounds(command.Span.Start, redirections[^1].Span.End);
            return command with { Span = span, Redirections = redirections };
        }
        finally
        {
            ExitDepth();
        }
    }

    private ShellCommand? ParseCommandCore(Token tok)
    {
        if (tok.Kind == TokenKind.Word && IsReserved(tok))
        {
            switch (tok.Word!.Value)
            {
                case "if": return ParseIf();
                case "for": return ParseFor(isSelect: false);
                case "select": return ParseFor(isSelect: true);
                case "while": return ParseWhile(isUntil: false);
                case "until": return ParseWhile(isUntil: true);
                case "case": return ParseCase();
                case "function": return ParseFunctionKeyword();
                case "{": return ParseBraceGroup();
                case "[[": return ParseTest();
                default:
                    if (ListTerminators.Contains(tok.Word.Value))
                    {
                        Error(UnexpectedMessage(tok), tok.Span);
                        return null;
                    }

                    break;
            }
        }

        if (tok.Kind == TokenKind.Operator && tok.Text == "(")
        {
            if (tok.Span.Start + 1 < _limit && _s[tok.Span.Start + 1] == '(')
            {
                int end = TryScanArithmetic(tok.Span.Start + 2);
                if (end > 0)
                {
                    _peeked = null;
                    _pos = end;
                    var exprSpan = TextSpan.FromBounds(tok.Span.Start + 2, end - 2);
                    return new ShellArithmeticCommand(TextSpan.FromBounds(tok.Span.Start, end), _text.GetText(exprSpan), exprSpan, []);
                }
            }

            return ParseSubshell();
        }

        if (tok.Kind == TokenKind.Word || IsRedirectionStart(tok))
        {
            return ParseSimpleCommand();
        }

        Error(UnexpectedMessage(tok), tok.Span);
        return null;
    }

    private static bool IsRedirectionStart(Token tok) =>
        tok.Kind == TokenKind.IoNumber || (tok.Kind == TokenKind.Operator && IsRedirectionOperator(tok.Text));

    private static bool IsRedirectionOperator(string op) =>
        op is "<" or ">" or ">>" or "<<" or "<<-" or "<<<" or "<&" or ">&" or "<>" or ">|" or "&>" or "&>>";


    private ShellCommand? ParseSimpleCommand()
    {
        List<ShellAssignment> assignments = _scratch.AssignmentLists.Count > 0 ? _scratch.AssignmentLists.Pop() : [];
        List<ShellWord> words = _scratch.WordLists.Count > 0 ? _scratch.WordLists.Pop() : [];
        List<ShellRedirection> redirections = _scratch.RedirectionLists.Count > 0 ? _scratch.RedirectionLists.Pop() : [];
        int start = Peek().Span.Start;
        int end = start;
        while (!_aborted)
        {
            Token tok = Peek();
            if (IsRedirectionStart(tok))
            {
                ShellRedirection? redirection = ParseRedirection();
                if (redirection is null)
                {
                    return null;
                }

                redirections.Add(redirection);
                end = redirection.Span.End;
                continue;
            }

            if (tok.Kind != TokenKind.Word)
            {
                break;
            }

            ShellWord word = tok.Word!;
            if (words.Count == 0 && word.Assignment is not null)
            {
                assignments.Add(word.Assignment);
                Next();
                end = word.Span.End;
                continue;
            }

            Next();
            end = word.Span.End;
            if (words.Count == 0 && assignments.Count == 0 && redirections.Count == 0 && word.IsLiteral && !word.IsQuoted)
            {
                Token after = Peek();
                if (after.Kind == TokenKind.Operator && after.Text == "(")
                {
                    return ParseFunctionAfterName(word, start, usesKeyword: false);
                }
            }

            words.Add(word);
        }

        if (_aborted)
        {
            return null;
        }

        if (words.Count == 0 && assignments.Count == 0 && redirections.Count == 0)
        {
            Token tok = Peek();
            Error(UnexpectedMessage(tok), tok.Span);
            return null;
        }

        var command = new SimpleCommand(
            TextSpan.FromBounds(start, end),
            ModelLists.Compact(assignments),
            words.Count > 0 ? words.ToArray() : [],
            ModelLists.Compact(redirections));
        assignments.Clear();
        words.Clear();
        redirections.Clear();
        _scratch.AssignmentLists.Push(assignments);
        _scratch.WordLists.Push(words);
        _scratch.RedirectionLists.Push(redirections);
        return command;
    }

    private ShellRedirection? ParseRedirection()
    {
        Token tok = Next();
        int start = tok.Span.Start;
        int? fd = null;
        if (tok.Kind == TokenKind.IoNumber)
        {
            fd = tok.IoNumber;
            tok = Next();
        }

        if (tok.Kind != TokenKind.Operator || !IsRedirectionOperator(tok.Text))
        {
            Error(UnexpectedMessage(tok), tok.Span);
            return null;
        }

        Token target = Peek();
        if (target.Kind != TokenKind.Word)
        {
            Error(target.Kind == TokenKind.Eof || target.Kind == TokenKind.Newline
                ? $"the redirection '{tok.Text}' has no target: add a file name or word after it"
                : $"expected a file name after the redirection '{tok.Text}' but found {Describe(target)}", target.Kind == TokenKind.Eof || target.Kind == TokenKind.Newline ? tok.Span : target.Span);
            return null;
        }

        Next();
        return new ShellRedirection(TextSpan.FromBounds(start, target.Span.End), tok.Text, tok.Span, fd, target.Word, target.Heredoc);
    }

    private ShellFunctionDefinition? ParseFunctionAfterName(ShellWord name, int start, bool usesKeyword)
    {
        Token open = Peek();
        if (open.Kind == TokenKind.Operator && open.Text == "(")
        {
            Next();
            Token close = Peek();
            if (close.Kind != TokenKind.Operator || close.Text != ")")
            {
                Error($"expected ')' after '{name.Value} (' in the function definition but found {Describe(close)}", close.Span);
                return null;
            }

            Next();
        }

        SkipNewlines();
        Token bodyStart = Peek();
        if (bodyStart.Kind == TokenKind.Eof)
        {
            Error($"the function '{name.Value}' has no body", name.Span);
            return null;
        }

        ShellCommand? body = ParseCommand();
        if (body is null)
        {
            return null;
        }

        return new ShellFunctionDefinition(TextSpan.FromBounds(start, body.Span.End), name.Value, name.Span, body, usesKeyword);
    }

    private ShellFunctionDefinition? ParseFunctionKeyword()
    {
        Token keyword = Next();
        Token name = Peek();
        if (name.Kind != TokenKind.Word)
        {
            Error($"expected a function name after 'function' but found {Describe(name)}", name.Span);
            return null;
        }

        Next();
        return ParseFunctionAfterName(name.Word!, keyword.Span.Start, usesKeyword: true);
    }

    private bool ExpectKeyword(string keyword, Token opener)
    {
        Token tok = Peek();
        if (IsReserved(tok, keyword))
        {
            Next();
            return true;
        }

        string openerText = opener.Kind == TokenKind.Word ? opener.Word!.Value : opener.Text;
        if (tok.Kind == TokenKind.Eof)
        {
            Error($"the '{openerText}' on line {LineOf(opener.Span.Start)} is never closed: '{keyword}' is missing", opener.Span);
        }
        else
        {
            Error($"expected '{keyword}' (for the '{openerText}' on line {LineOf(opener.Span.Start)}) but found {Describe(tok)}", tok.Span);
        }

        return false;
    }

    private ShellIf? ParseIf()
    {
        Token ifTok = Next();
        var clauses = new List<ShellIfClause>();
        Token keyword = ifTok;
        while (true)
        {
            ShellCommandList condition = ParseList();
            if (!ExpectKeyword("then", ifTok))
            {
                return null;
            }

            ShellCommandList body = ParseList();
            clauses.Add(new ShellIfClause(keyword.Span, condition, body));
            Token tok = Peek();
            if (IsReserved(tok, "elif"))
            {
                keyword = Next();
                continue;
            }

            break;
        }

        ShellCommandList? elseBody = null;
        if (IsReserved(Peek(), "else"))
        {
            Next();
            elseBody = ParseList();
        }

        Token fi = Peek();
        if (!ExpectKeyword("fi", ifTok))
        {
            return null;
        }

        return new ShellIf(TextSpan.FromBounds(ifTok.Span.Start, fi.Span.End), clauses, elseBody, []);
    }

    private ShellWhile? ParseWhile(bool isUntil)
    {
        Token keyword = Next();
        ShellCommandList condition = ParseList();
        if (!ExpectKeyword("do", keyword))
        {
            return null;
        }

        ShellCommandList body = ParseList();
        Token done = Peek();
        if (!ExpectKeyword("done", keyword))
        {
            return null;
        }

        return new ShellWhile(TextSpan.FromBounds(keyword.Span.Start, done.Span.End), isUntil, condition, body, []);
    }

    private ShellFor? ParseFor(bool isSelect)
    {
        Token keyword = Next();
        string variable = "";
        TextSpan variableSpan = new(keyword.Span.End, 0);
        IReadOnlyList<ShellWord>? items = null;
        string? header = null;
        Token tok = Peek();
        if (!isSelect && tok.Kind == TokenKind.Operator && tok.Text == "(" && tok.Span.Start + 1 < _limit && _s[tok.Span.Start + 1] == '(')
        {
            int end = TryScanArithmetic(tok.Span.Start + 2);
            if (end < 0)
            {
                Error("the arithmetic 'for ((...))' header is never closed with '))'", tok.Span);
                return null;
            }

            _peeked = null;
            _pos = end;
            header = _s[(tok.Span.Start + 2)..(end - 2)];
            variableSpan = TextSpan.FromBounds(tok.Span.Start, end);
            tok = Peek();
            if (tok.Kind == TokenKind.Operator && tok.Text == ";")
            {
                Next();
            }
        }
        else
        {
            if (tok.Kind != TokenKind.Word)
            {
                Error($"expected a variable name after '{keyword.Word!.Value}' but found {Describe(tok)}", tok.Span);
                return null;
            }

            Next();
            variable = tok.Word!.Value;
            variableSpan = tok.Word.Span;
            SkipNewlines();
            tok = Peek();
            if (IsReserved(tok, "in"))
            {
                Next();
                var list = new List<ShellWord>();
                while (Peek().Kind == TokenKind.Word)
                {
                    list.Add(Next().Word!);
                }

                items = list;
                tok = Peek();
                if (tok.Kind == TokenKind.Operator && tok.Text == ";")
                {
                    Next();
                }
                else if (tok.Kind != TokenKind.Newline)
                {
                    Error($"expected ';' or a new line after the word list of '{keyword.Word!.Value}' but found {Describe(tok)}", tok.Span);
                    return null;
                }
            }
            else if (tok.Kind == TokenKind.Operator && tok.Text == ";")
            {
                Next();
            }
        }

        SkipNewlines();
        ShellCommandList body;
        Token last;
        if (IsReserved(Peek(), "{"))
        {
            // bash also accepts `for x in a b; { ...; }`.
            ShellBraceGroup? group = ParseBraceGroup();
            if (group is null)
            {
                return null;
            }

            body = group.Body;
            return new ShellFor(TextSpan.FromBounds(keyword.Span.Start, group.Span.End), variable, variableSpan, items, header, isSelect, body, []);
        }

        if (!ExpectKeyword("do", keyword))
        {
            return null;
        }

        body = ParseList();
        last = Peek();
        if (!ExpectKeyword("done", keyword))
        {
            return null;
        }

        return new ShellFor(TextSpan.FromBounds(keyword.Span.Start, last.Span.End), variable, variableSpan, items, header, isSelect, body, []);
    }

    private ShellCase? ParseCase()
    {
        Token keyword = Next();
        Token wordTok = Peek();
        if (wordTok.Kind != TokenKind.Word)
        {
            Error($"expected a word after 'case' but found {Describe(wordTok)}", wordTok.Span);
            return null;
        }

        Next();
        SkipNewlines();
        if (!ExpectKeyword("in", keyword))
        {
            return null;
        }

        var items = new List<ShellCaseItem>();
        while (!_aborted)
        {
            SkipNewlines();
            Token tok = Peek();
            if (IsReserved(tok, "esac"))
            {
                Next();
                return new ShellCase(TextSpan.FromBounds(keyword.Span.Start, tok.Span.End), wordTok.Word!, items, []);
            }

            if (tok.Kind == TokenKind.Eof)
            {
                Error($"the 'case' on line {LineOf(keyword.Span.Start)} is never closed: 'esac' is missing", keyword.Span);
                return null;
            }

            int itemStart = tok.Span.Start;
            if (tok.Kind == TokenKind.Operator && tok.Text == "(")
            {
                Next();
            }

            var patterns = new List<ShellWord>();
            while (true)
            {
                Token pattern = Peek();
                if (pattern.Kind != TokenKind.Word)
                {
                    Error($"expected a case pattern but found {Describe(pattern)}", pattern.Span);
                    return null;
                }

                patterns.Add(Next().Word!);
                Token sep = Peek();
                if (sep.Kind == TokenKind.Operator && sep.Text == "|")
                {
                    Next();
                    continue;
                }

                if (sep.Kind == TokenKind.Operator && sep.Text == ")")
                {
                    Next();
                    break;
                }

                Error($"expected ')' after the case pattern but found {Describe(sep)}", sep.Span);
                return null;
            }

            ShellCommandList body = ParseList();
            Token term = Peek();
            string terminator = "";
            int itemEnd = body.Items.Count > 0 ? body.Span.End : patterns[^1].Span.End + 1;
            if (term.Kind == TokenKind.Operator && term.Text is ";;" or ";&" or ";;&")
            {
                Next();
                terminator = term.Text;
                itemEnd = term.Span.End;
            }
            else if (!IsReserved(term, "esac"))
            {
                if (term.Kind == TokenKind.Eof)
                {
                    Error($"the 'case' on line {LineOf(keyword.Span.Start)} is never closed: 'esac' is missing", keyword.Span);
                }
                else
                {
                    Error($"expected ';;' or 'esac' in the 'case' on line {LineOf(keyword.Span.Start)} but found {Describe(term)}", term.Span);
                }

                return null;
            }

            items.Add(new ShellCaseItem(TextSpan.FromBounds(itemStart, itemEnd), patterns, body, terminator));
        }

        return null;
    }

    private ShellBraceGroup? ParseBraceGroup()
    {
        Token open = Next();
        ShellCommandList body = ParseList();
        Token close = Peek();
        if (!ExpectKeyword("}", open))
        {
            return null;
        }

        return new ShellBraceGroup(TextSpan.FromBounds(open.Span.Start, close.Span.End), body, []);
    }

    private ShellSubshell? ParseSubshell()
    {
        Token open = Next();
        ShellCommandList body = ParseList();
        Token close = Peek();
        if (close.Kind == TokenKind.Operator && close.Text == ")")
        {
            Next();
            return new ShellSubshell(TextSpan.FromBounds(open.Span.Start, close.Span.End), body, []);
        }

        if (close.Kind == TokenKind.Eof)
        {
            Error($"the '(' on line {LineOf(open.Span.Start)} is never closed: ')' is missing", open.Span);
        }
        else
        {
            Error($"expected ')' (for the '(' on line {LineOf(open.Span.Start)}) but found {Describe(close)}", close.Span);
        }

        return null;
    }

    private ShellTestCommand? ParseTest()
    {
        Token open = Next();
        var words = new List<ShellWord>();
        while (!_aborted)
        {
            Token tok = Peek();
            if (IsReserved(tok, "]]"))
            {
                Next();
                return new ShellTestCommand(TextSpan.FromBounds(open.Span.Start, tok.Span.End), words, []);
            }

            switch (tok.Kind)
            {
                case TokenKind.Eof:
                    Error($"the '[[' on line {LineOf(open.Span.Start)} is never closed: ']]' is missing", open.Span);
                    return null;
                case TokenKind.Newline:
                    Next();
                    break;
                case TokenKind.Word:
                    words.Add(Next().Word!);
                    break;
                default:
                    Next();
                    words.Add(new ShellWord(tok.Span, _text.GetText(tok.Span), [new ShellLiteralPart(tok.Span, _text.GetText(tok.Span), false)], false));
                    break;
            }
        }

        return null;
    }

    // ---- messages -------------------------------------------------------------------------------------------

    private string Describe(Token tok) => tok.Kind switch
    {
        TokenKind.Eof => "the end of the script",
        TokenKind.Newline => "a line break",
        TokenKind.Word => $"'{Shorten(tok.Word!.Text)}'",
        TokenKind.IoNumber => $"'{tok.IoNumber}'",
        _ => $"'{tok.Text}'",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private string UnexpectedMessage(Token tok)
    {
        if (tok.Kind == TokenKind.Eof)
        {
            return "unexpected end of the script: a command is missing";
        }

        if (IsReserved(tok))
        {
            string opener = tok.Word!.Value switch
            {
                "fi" or "then" or "elif" or "else" => "'if'",
                "do" or "done" => "'for', 'while' or 'until'",
                "esac" => "'case'",
                "}" => "'{'",
                _ => "",
            };
            if (opener.Length > 0)
            {
                return $"unexpected '{tok.Word.Value}' with no matching {opener}";
            }
        }

        if (tok.Kind == TokenKind.Operator && tok.Text == ")")
        {
            return "unexpected ')' with no matching '('";
        }

        return $"unexpected {Describe(tok)}";
    }
}
