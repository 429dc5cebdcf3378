using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>
/// Parses a Dockerfile with BuildKit's frontend semantics: parser directives, line continuations with the active
/// escape character, comment and empty lines inside continuations, heredocs, exec and shell forms, flags, stages
/// and ARG/ENV variable resolution. Never throws.
/// </summary>
public static class DockerfileParser
{
    /// <summary>
    /// Only what BuildKit's parser itself rejects (<c>frontend/dockerfile/parser</c>): unterminated heredocs, an ENV without
    /// a value, a JSON array of non-strings, bad parser directives, a file with no instructions. The checks of BuildKit's
    /// instruction stage (no FROM, an instruction before FROM, missing arguments, HEALTHCHECK types…) are left out; they
    /// are part of <see cref="Parse(SourceText)"/>, which says whether a build would get past reading the file.
    /// </summary>
    public static ParseResult<DockerfileDocument> ParseSyntax(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        ParseResult<DockerfileDocument> result;
        try
        {
            result = parser.Run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ParseResult<DockerfileDocument>.Failure(new SyntaxError("The Dockerfile could not be parsed: " + ex.Message, new TextSpan(0, 0)));
        }

        return new ParseResult<DockerfileDocument>(result.Model, [.. result.Errors.Where(e => !parser.BuildErrors.Any(b => ReferenceEquals(b, e)))]);
    }

    public static ParseResult<DockerfileDocument> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new Parser(text).Run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ParseResult<DockerfileDocument>.Failure(new SyntaxError("The Dockerfile could not be parsed: " + ex.Message, new TextSpan(0, 0)));
        }
    }

    private sealed class Parser
    {
        private static readonly Dictionary<string, DockerInstructionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
        {
            ["from"] = DockerInstructionKind.From,
            ["run"] = DockerInstructionKind.Run,
            ["cmd"] = DockerInstructionKind.Cmd,
            ["entrypoint"] = DockerInstructionKind.Entrypoint,
            ["shell"] = DockerInstructionKind.Shell,
            ["healthcheck"] = DockerInstructionKind.Healthcheck,
            ["copy"] = DockerInstructionKind.Copy,
            ["add"] = DockerInstructionKind.Add,
            ["env"] = DockerInstructionKind.Env,
            ["arg"] = DockerInstructionKind.Arg,
            ["label"] = DockerInstructionKind.Label,
            ["expose"] = DockerInstructionKind.Expose,
            ["workdir"] = DockerInstructionKind.Workdir,
            ["user"] = DockerInstructionKind.User,
            ["volume"] = DockerInstructionKind.Volume,
            ["stopsignal"] = DockerInstructionKind.StopSignal,
            ["maintainer"] = DockerInstructionKind.Maintainer,
            ["onbuild"] = DockerInstructionKind.Onbuild,
        };

        private readonly SourceText _text;
        private readonly string _s;
        private readonly List<SyntaxComment> _comments = [];
        private readonly List<DockerfileDirective> _directives = [];
        private readonly List<SyntaxError> _errors = [];

        // The errors that BuildKit's parser lets through and its instruction stage (instructions.Parse) rejects.
        private readonly List<SyntaxError> _buildErrors = [];

        public IReadOnlyList<SyntaxError> BuildErrors => _buildErrors;

        private void AddBuildError(SyntaxError error)
        {
            _errors.Add(error);
            _buildErrors.Add(error);
        }
        private readonly List<DockerInstruction> _instructions = [];
        private readonly List<ArgInstruction> _globalArgs = [];
        private readonly List<(FromInstruction From, List<DockerInstruction> Body)> _stages = [];
        private ImmutableDictionary<string, string?> _globalVars = ImmutableDictionary<string, string?>.Empty;
        private ImmutableDictionary<string, string?> _stageVars = ImmutableDictionary<string, string?>.Empty;
        private char _escape = '\\';
        private bool _directivesDone;
        private bool _afterShebang;

        // The physical lines are read in order and never kept: _next is where the next one starts, _li its 0-based index.
        private int _next;
        private int _li;

        public Parser(SourceText text)
        {
            _text = text;
            _s = text.Content;
        }

        private bool MoreLines => _next < _s.Length;

        /// <summary>The next physical line: its start, its end without the line break, and where the line after it starts.</summary>
        private (int Start, int End, int Next) PeekLine()
        {
            int start = _next;
            int nl = _s.IndexOf('\n', start);
            int next = nl < 0 ? _s.Length : nl + 1;
            int end = next;
            while (end > start && (_s[end - 1] == '\n' || _s[end - 1] == '\r'))
            {
                end--;
            }

            if (start == 0 && _s[0] == '\uFEFF')
            {
                return (1, Math.Max(1, end), next);
            }

            return (start, end, next);
        }

        private void Advance(int next)
        {
            _next = next;
            _li++;
        }

        public ParseResult<DockerfileDocument> Run()
        {
            while (MoreLines)
            {
                var (ls, le, lineNext) = PeekLine();
                int p = ls;
                while (p < le && char.IsWhiteSpace(_s[p]))
                {
                    p++;
                }

                bool isComment = p < le && _s[p] == '#';
                if (!_directivesDone && TryDirective(p, le, isComment))
                {
                    Advance(lineNext);
                    continue;
                }

                _directivesDone = true;
                if (isComment)
                {
                    AddComment(p, le);
                    Advance(lineNext);
                    continue;
                }

                var (contentEnd, continues) = TrimContinuation(p, le);
                Advance(lineNext);
                if (!continues && contentEnd == p)
                {
                    continue;
                }

                var logical = new LogicalLine();
                logical.Append(_s, p, contentEnd);
                bool hasEmpty = false;
                bool atEof = false;
                while (continues)
                {
                    if (!MoreLines)
                    {
                        atEof = true;
                        break;
                    }

                    var (cs, ce, cn) = PeekLine();
                    Advance(cn);
                    int q = cs;
                    while (q < ce && char.IsWhiteSpace(_s[q]))
                    {
                        q++;
                    }

                    if (q < ce && _s[q] == '#')
                    {
                        AddComment(q, ce);
                        continue;
                    }

                    if (q == ce)
                    {
                        hasEmpty = true;
                        continue;
                    }

                    (int end, continues) = TrimContinuation(cs, ce);
                    logical.Append(_s, cs, end);
                }

                if (string.IsNullOrWhiteSpace(logical.Text))
                {
                    // Only a lone escape line at the end of the file gets here; BuildKit then fails with an
                    // empty "unknown instruction".
                    _errors.Add(new SyntaxError("The file ends with a line continuation that continues no instruction.", new TextSpan(p, Math.Min(1, le - p))));
                    continue;
                }

                DockerInstruction? instruction = BuildInstruction(logical, 0, hasEmpty, atEof, nested: false);
                if (instruction is not null)
                {
                    Place(instruction);
                }
            }

            if (_instructions.Count == 0)
            {
                _errors.Add(new SyntaxError("The Dockerfile has no instructions.", new TextSpan(_s.Length, 0)));
            }
            else if (_stages.Count == 0)
            {
                AddBuildError(new SyntaxError("The Dockerfile has no FROM instruction, so there is no stage to build.", new TextSpan(_s.Length, 0)));
            }

            var stages = new List<DockerStage>(_stages.Count);
            for (int i = 0; i < _stages.Count; i++)
            {
                var (from, body) = _stages[i];
                int end = body.Count > 0 ? body[^1].Span.End : from.Span.End;
                stages.Add(new DockerStage(i, from, ModelLists.Compact(body), TextSpan.FromBounds(from.Span.Start, end)));
            }

            // Arrays, not the parser's lists: the model lives for the whole run.
            var model = new DockerfileDocument(_text, ModelLists.Compact(_comments), ModelLists.Compact(_directives), _escape, ModelLists.Compact(_instructions), ModelLists.Compact(_globalArgs), ModelLists.Compact(stages));
            return new ParseResult<DockerfileDocument>(model, ModelLists.Compact(_errors));
        }

        private void Place(DockerInstruction instruction)
        {
            _instructions.Add(instruction);
            if (instruction is FromInstruction from)
            {
                _stages.Add((from, []));
                _stageVars = ImmutableDictionary<string, string?>.Empty;
            }
            else if (_stages.Count > 0)
            {
                _stages[^1].Body.Add(instruction);
            }
            else if (instruction is ArgInstruction arg)
            {
                _globalArgs.Add(arg);
            }
            else if (instruction.Kind != DockerInstructionKind.Unknown)
            {
                AddBuildError(new SyntaxError($"{instruction.Keyword.ToUpperInvariant()} comes before the first FROM; only ARG may come before FROM.", instruction.KeywordSpan));
            }
        }

        private void AddComment(int hash, int end)
        {
            _comments.Add(new SyntaxComment(TextSpan.FromBounds(hash, end), _s[(hash + 1)..end].Trim()));
        }

        /// <summary>BuildKit's directive parser: only a run of valid directives at the very top of the file.</summary>
        private bool TryDirective(int p, int le, bool isComment)
        {
            if (!isComment)
            {
                return false;
            }

            if (_li == 0 && p + 1 < le && _s[p + 1] == '!')
            {
                // A shebang line: BuildKit still finds the syntax and check directives after it (not escape).
                _afterShebang = true;
                AddComment(p, le);
                return true;
            }

            int i = p + 1;
            while (i < le && char.IsWhiteSpace(_s[i]))
            {
                i++;
            }

            int keyStart = i;
            if (i >= le || !char.IsAsciiLetter(_s[i]))
            {
                return false;
            }

            while (i < le && char.IsAsciiLetterOrDigit(_s[i]))
            {
                i++;
            }

            int keyEnd = i;
            while (i < le && IsGoSpace(_s[i]))
            {
                i++;
            }

            if (i >= le || _s[i] != '=')
            {
                return false;
            }

            i++;
            while (i < le && IsGoSpace(_s[i]))
            {
                i++;
            }

            int valueEnd = le;
            while (valueEnd > i && IsGoSpace(_s[valueEnd - 1]))
            {
                valueEnd--;
            }

            if (valueEnd <= i)
            {
                return false;
            }

            string key = _s[keyStart..keyEnd].ToLowerInvariant();
            if (key is not ("syntax" or "escape" or "check"))
            {
                return false;
            }

            if (key == "escape" && _afterShebang)
            {
                AddComment(p, le);
                return true;
            }

            var keySpan = TextSpan.FromBounds(keyStart, keyEnd);
            var valueSpan = TextSpan.FromBounds(i, valueEnd);
            string value = _s[i..valueEnd];
            if (_directives.Any(d => d.Name == key))
            {
                _errors.Add(new SyntaxError($"The {key} parser directive is given more than once; only one is allowed.", keySpan));
                return true;
            }

            _directives.Add(new DockerfileDirective(key, keySpan, value, valueSpan, TextSpan.FromBounds(p, le)));
            if (key == "escape")
            {
                if (value is "\\" or "`")
                {
                    _escape = value[0];
                }
                else
                {
                    _errors.Add(new SyntaxError($"The escape directive must be a backslash (\\) or a backtick (`), not '{value}'.", valueSpan));
                }
            }

            return true;
        }

        private static bool IsGoSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

        private static bool IsSplitSpace(char c) => c is ' ' or '\t' or '\r' or '\f' or '\v';

        /// <summary>Returns the end of the line content and whether the line continues (escape as last non-blank character, not itself escaped).</summary>
        private (int End, bool Continues) TrimContinuation(int start, int end)
        {
            int k = end;
            while (k > start && _s[k - 1] is ' ' or '\t')
            {
                k--;
            }

            if (k > start && _s[k - 1] == _escape && (k - 1 == start || _s[k - 2] != _escape))
            {
                return (k - 1, true);
            }

            return (end, false);
        }

        // ---------------------------------------------------------------- instructions

        private DockerInstruction? BuildInstruction(LogicalLine line, int from, bool hasEmpty, bool atEof, bool nested)
        {
            string t = line.Text;
            int end = t.Length;
            while (end > from && char.IsWhiteSpace(t[end - 1]))
            {
                end--;
            }

            int ks = from;
            while (ks < end && char.IsWhiteSpace(t[ks]))
            {
                ks++;
            }

            int ke = ks;
            while (ke < end && !IsSplitSpace(t[ke]))
            {
                ke++;
            }

            if (ke == ks)
            {
                return null;
            }

            string keyword = t[ks..ke];
            Kinds.TryGetValue(keyword, out DockerInstructionKind kind);
            TextSpan keywordSpan = line.ToSource(ks, ke);

            int rs = ke;
            while (rs < end && IsSplitSpace(t[rs]))
            {
                rs++;
            }

            var flags = new List<DockerFlag>();
            int argsStart = ExtractFlags(line, rs, end, flags);
            while (argsStart < end && char.IsWhiteSpace(t[argsStart]))
            {
                argsStart++;
            }

            if (argsStart > end)
            {
                argsStart = end;
            }

            var c = new Ctx(line, kind, keyword, keywordSpan, flags, argsStart, end, hasEmpty, atEof);
            ImmutableDictionary<string, string?> scope = kind == DockerInstructionKind.From || _stages.Count == 0 ? _globalVars : _stageVars;
            c.Variables = scope;
            c.StageIndex = kind == DockerInstructionKind.From ? _stages.Count : _stages.Count - 1;

            if (kind == DockerInstructionKind.Unknown)
            {
                AddBuildError(new SyntaxError($"Unknown instruction: {keyword}.", keywordSpan));
            }

            return kind switch
            {
                DockerInstructionKind.From => BuildFrom(c),
                DockerInstructionKind.Arg => BuildArg(c),
                DockerInstructionKind.Env or DockerInstructionKind.Label => BuildKeyValue(c),
                DockerInstructionKind.Run or DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint or DockerInstructionKind.Shell or DockerInstructionKind.Healthcheck => BuildCommand(c),
                DockerInstructionKind.Copy or DockerInstructionKind.Add => BuildCopy(c),
                DockerInstructionKind.Onbuild => BuildOnbuild(c, nested),
                _ => BuildPlain(c),
            };
        }

        private sealed class Ctx(LogicalLine line, DockerInstructionKind kind, string keyword, TextSpan keywordSpan, List<DockerFlag> flags, int argsStart, int argsEnd, bool hasEmpty, bool atEof)
        {
            public LogicalLine Line { get; } = line;

            public DockerInstructionKind Kind { get; } = kind;

            public string Keyword { get; } = keyword;

            public string Upper => Keyword.ToUpperInvariant();

            public TextSpan KeywordSpan { get; } = keywordSpan;

            public List<DockerFlag> Flags { get; } = flags;

            public int ArgsStart { get; } = argsStart;

            public int ArgsEnd { get; } = argsEnd;

            public bool HasEmpty { get; } = hasEmpty;

            public bool AtEof { get; } = atEof;

            public ImmutableDictionary<string, string?> Variables { get; set; } = ImmutableDictionary<string, string?>.Empty;

            public int StageIndex { get; set; }

            public string ArgsText => Line.Text[ArgsStart..ArgsEnd];

            public TextSpan ArgsSpan => Line.ToSource(ArgsStart, ArgsEnd);

            public TextSpan Span(IReadOnlyList<DockerHeredoc>? heredocs = null)
            {
                int end = Line.ToSource(ArgsEnd - 1) + 1;
                if (ArgsEnd <= ArgsStart)
                {
                    end = Math.Max(KeywordSpan.End, Flags.Count > 0 ? Flags[^1].Span.End : 0);
                }

                if (heredocs is { Count: > 0 })
                {
                    DockerHeredoc last = heredocs[^1];
                    end = Math.Max(end, last.TerminatorSpan?.End ?? last.ContentSpan.End);
                }

                return TextSpan.FromBounds(KeywordSpan.Start, end);
            }
        }


        private DockerInstruction BuildPlain(Ctx c)
        {
            List<DockerToken> args;
            switch (c.Kind)
            {
                case DockerInstructionKind.Expose:
                    args = SplitWhitespace(c.Line, c.ArgsStart, c.ArgsEnd);
                    if (args.Count == 0)
                    {
                        Missing(c, "at least one argument");
                    }

                    break;
                case DockerInstructionKind.Volume:
                    if (TryJson(c, out var json, out _))
                    {
                        args = json;
                        foreach (DockerToken v in json)
                        {
                            if (v.Text.Trim().Length == 0)
                            {
                                AddBuildError(new SyntaxError("VOLUME paths must not be empty strings.", v.Span));
                            }
                        }
                    }
                    else
                    {
                        args = SplitWhitespace(c.Line, c.ArgsStart, c.ArgsEnd);
                    }

                    if (args.Count == 0)
                    {
                        Missing(c, "at least one argument");
                    }

                    break;
                case DockerInstructionKind.Unknown:
                    args = c.ArgsEnd > c.ArgsStart ? [c.Line.Token(c.ArgsStart, c.ArgsEnd)] : [];
                    break;
                default:
                    // WORKDIR, USER, STOPSIGNAL, MAINTAINER: the whole rest is the one argument.
                    args = c.ArgsEnd > c.ArgsStart ? [c.Line.Token(c.ArgsStart, c.ArgsEnd)] : [];
                    if (args.Count == 0)
                    {
                        Missing(c, "exactly one argument");
                    }

                    break;
            }

            return Common(c, new DockerInstruction(), args);
        }

        private T Common<T>(Ctx c, T instruction, IReadOnlyList<DockerToken> args, IReadOnlyList<DockerHeredoc>? heredocs = null)
            where T : DockerInstruction
        {
            instruction.SetCommon(c.Kind, c.Keyword, c.KeywordSpan, c.Span(heredocs), c.Flags, c.ArgsText, c.ArgsSpan, args, heredocs ?? [], c.StageIndex, c.HasEmpty, c.AtEof, c.Variables, _escape);
            return instruction;
        }

        private void Missing(Ctx c, string what)
        {
            AddBuildError(new SyntaxError($"{c.Upper} requires {what}.", c.KeywordSpan));
        }

        // ---------------------------------------------------------------- FROM

        private DockerInstruction BuildFrom(Ctx c)
        {
            List<DockerToken> args = SplitWhitespace(c.Line, c.ArgsStart, c.ArgsEnd);
            DockerToken? image = args.Count > 0 ? args[0] : null;
            DockerToken? asKeyword = null;
            DockerToken? alias = null;
            if (args.Count == 3 && string.Equals(args[1].Text, "as", StringComparison.OrdinalIgnoreCase))
            {
                asKeyword = args[1];
                alias = args[2];
                string lower = alias.Text.ToLowerInvariant();
                if (!IsValidStageName(lower))
                {
                    AddBuildError(new SyntaxError($"'{alias.Text}' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'.", alias.Span));
                }
            }
            else if (args.Count != 1)
            {
                AddBuildError(new SyntaxError("FROM requires either one or three arguments: an image, optionally followed by AS and a stage name.", args.Count == 0 ? c.KeywordSpan : c.ArgsSpan));
            }

            ExpandedValue? resolved = image is null ? null : VariableExpander.Expand(image.Text, _escape, _globalVars);
            int? baseStage = null;
            if (resolved is not null)
            {
                for (int i = 0; i < _stages.Count; i++)
                {
                    if (_stages[i].From.StageName is { } name && string.Equals(name, resolved.Value, StringComparison.OrdinalIgnoreCase))
                    {
                        baseStage = i;
                    }
                }
            }

            var from = new FromInstruction
            {
                Image = image,
                ResolvedImage = resolved,
                ImageReference = resolved is null ? null : ImageReference.Parse(resolved.Value),
                BaseStageIndex = baseStage,
                AsKeyword = asKeyword,
                Alias = alias,
            };
            return Common(c, from, args);
        }

        private static bool IsValidStageName(string name)
        {
            if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]))
            {
                return false;
            }

            foreach (char ch in name)
            {
                if (!(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '-' or '_' or '.'))
                {
                    return false;
                }
            }

            return true;
        }

        // ---------------------------------------------------------------- ARG, ENV, LABEL

        private DockerInstruction BuildArg(Ctx c)
        {
            List<(int Start, int End)> words = SplitWords(c.Line.Text, c.ArgsStart, c.ArgsEnd, _escape, heredocBlanks: false);
            if (words.Count == 0)
            {
                Missing(c, "at least one argument");
            }

            bool global = _stages.Count == 0;
            var declarations = new List<DockerKeyValue>();
            var tokens = new List<DockerToken>();
            foreach (var (ws, we) in words)
            {
                tokens.Add(c.Line.Token(ws, we));
                string word = c.Line.Text[ws..we];
                int eq = word.IndexOf('=', StringComparison.Ordinal);
                var scope = global ? _globalVars : _stageVars;
                if (eq < 0)
                {
                    declarations.Add(new DockerKeyValue(word, c.Line.ToSource(ws, we), null, null, null, null, c.Line.ToSource(ws, we)));
                    string? inherited = null;
                    if (!global && _globalVars.TryGetValue(word, out string? g))
                    {
                        inherited = g;
                    }

                    Assign(global, word, inherited);
                    continue;
                }

                if (eq == 0)
                {
                    AddBuildError(new SyntaxError("ARG names can not be blank.", c.Line.ToSource(ws, we)));
                }

                string key = word[..eq];
                string raw = word[(eq + 1)..];
                ExpandedValue resolved = VariableExpander.Expand(raw, _escape, scope);
                declarations.Add(new DockerKeyValue(key, c.Line.ToSource(ws, ws + eq), raw, c.Line.ToSource(ws + eq + 1, we), VariableExpander.Unquote(raw, _escape), resolved, c.Line.ToSource(ws, we)));
                Assign(global, key, resolved.IsResolved ? resolved.Value : null);
            }

            return Common(c, new ArgInstruction { Declarations = declarations }, tokens);
        }

        private void Assign(bool global, string key, string? value)
        {
            if (global)
            {
                _globalVars = _globalVars.SetItem(key, value);
            }
            else
            {
                _stageVars = _stageVars.SetItem(key, value);
            }
        }

        private DockerInstruction BuildKeyValue(Ctx c)
        {
            bool isEnv = c.Kind == DockerInstructionKind.Env;
            var pairs = new List<DockerKeyValue>();
            var tokens = new List<DockerToken>();
            List<(int Start, int End)> words = SplitWords(c.Line.Text, c.ArgsStart, c.ArgsEnd, _escape, heredocBlanks: false);
            bool legacy = false;
            if (words.Count == 0)
            {
                Missing(c, "at least one argument");
            }
            else if (!c.Line.Text[words[0].Start..words[0].End].Contains('=', StringComparison.Ordinal))
            {
                legacy = true;
                string t = c.Line.Text;
                int ke = c.ArgsStart;
                while (ke < c.ArgsEnd && !IsSplitSpace(t[ke]))
                {
                    ke++;
                }

                int vs = ke;
                while (vs < c.ArgsEnd && IsSplitSpace(t[vs]))
                {
                    vs++;
                }

                string key = t[c.ArgsStart..ke];
                tokens.Add(c.Line.Token(c.ArgsStart, ke));
                if (vs >= c.ArgsEnd)
                {
                    _errors.Add(new SyntaxError($"{c.Upper} {key} has no value: write {c.Upper} {key}=value (or {c.Upper} {key} value).", c.ArgsSpan));
                    pairs.Add(new DockerKeyValue(key, c.Line.ToSource(c.ArgsStart, ke), null, null, null, null, c.ArgsSpan));
                }
                else
                {
                    string raw = t[vs..c.ArgsEnd];
                    tokens.Add(c.Line.Token(vs, c.ArgsEnd));
                    ExpandedValue resolved = VariableExpander.Expand(raw, _escape, CurrentScope());
                    pairs.Add(new DockerKeyValue(key, c.Line.ToSource(c.ArgsStart, ke), raw, c.Line.ToSource(vs, c.ArgsEnd), VariableExpander.Unquote(raw, _escape), resolved, c.ArgsSpan));
                    if (isEnv)
                    {
                        AssignEnv(key, resolved);
                    }
                }
            }
            else
            {
                // BuildKit expands every value of one ENV with the variables known before the instruction.
                var scope = CurrentScope();
                foreach (var (ws, we) in words)
                {
                    tokens.Add(c.Line.Token(ws, we));
                    string word = c.Line.Text[ws..we];
                    int eq = word.IndexOf('=', StringComparison.Ordinal);
                    if (eq < 0)
                    {
                        _errors.Add(new SyntaxError($"'{word}' has no '=': every {c.Upper} item must be of the form name=value.", c.Line.ToSource(ws, we)));
                        continue;
                    }

                    if (eq == 0)
                    {
                        AddBuildError(new SyntaxError($"{c.Upper} names can not be blank.", c.Line.ToSource(ws, we)));
                    }

                    string key = word[..eq];
                    string raw = word[(eq + 1)..];
                    ExpandedValue resolved = VariableExpander.Expand(raw, _escape, scope);
                    pairs.Add(new DockerKeyValue(key, c.Line.ToSource(ws, ws + eq), raw, c.Line.ToSource(ws + eq + 1, we), VariableExpander.Unquote(raw, _escape), resolved, c.Line.ToSource(ws, we)));
                    if (isEnv)
                    {
                        AssignEnv(key, resolved);
                    }
                }
            }

            return Common(c, new KeyValueInstruction { Pairs = pairs, IsLegacyForm = legacy }, tokens);
        }

        private ImmutableDictionary<string, string?> CurrentScope() => _stages.Count == 0 ? _globalVars : _stageVars;

        private void AssignEnv(string key, ExpandedValue value)
        {
            if (_stages.Count > 0)
            {
                _stageVars = _stageVars.SetItem(key, value.IsResolved ? value.Value : null);
            }
        }

        // ---------------------------------------------------------------- RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK

        private DockerInstruction BuildCommand(Ctx c)
        {
            int cmdStart = c.ArgsStart;
            DockerToken? healthType = null;
            string t = c.Line.Text;
            if (c.Kind == DockerInstructionKind.Healthcheck)
            {
                int te = cmdStart;
                while (te < c.ArgsEnd && !char.IsWhiteSpace(t[te]))
                {
                    te++;
                }

                if (te > cmdStart)
                {
                    healthType = c.Line.Token(cmdStart, te);
                }

                cmdStart = te;
                while (cmdStart < c.ArgsEnd && char.IsWhiteSpace(t[cmdStart]))
                {
                    cmdStart++;
                }

                if (healthType is null)
                {
                    Missing(c, "at least one argument");
                }
                else if (string.Equals(healthType.Text, "NONE", StringComparison.OrdinalIgnoreCase))
                {
                    if (cmdStart < c.ArgsEnd)
                    {
                        AddBuildError(new SyntaxError("HEALTHCHECK NONE takes no arguments.", c.Line.ToSource(cmdStart, c.ArgsEnd)));
                    }
                }
                else if (!string.Equals(healthType.Text, "CMD", StringComparison.OrdinalIgnoreCase))
                {
                    AddBuildError(new SyntaxError($"Unknown HEALTHCHECK type '{healthType.Text}': use CMD or NONE.", healthType.Span));
                }
            }

            bool isExec = false;
            List<DockerToken> exec = [];
            ShellSource? shell = null;
            List<DockerHeredoc> heredocs = [];
            DockerHeredoc? script = null;
            List<DockerToken> args = [];
            if (cmdStart < c.ArgsEnd)
            {
                if (TryJson(c, cmdStart, out exec, out bool failed))
                {
                    isExec = true;
                    args = exec;
                }
                else if (!failed)
                {
                    exec = [];
                    args = [c.Line.Token(cmdStart, c.ArgsEnd)];
                    shell = c.Line.Slice(cmdStart, c.ArgsEnd);
                    if (c.Kind == DockerInstructionKind.Run)
                    {
                        heredocs = ReadHeredocs(c);
                        if (heredocs.Count > 0)
                        {
                            if (IsWholeHeredoc(t[cmdStart..c.ArgsEnd]))
                            {
                                script = heredocs[0];
                                shell = script.Body;
                            }
                            else
                            {
                                shell = JoinHeredocs(c.Line, cmdStart, c.ArgsEnd, heredocs);
                            }
                        }
                    }
                }
            }

            if (c.Kind == DockerInstructionKind.Healthcheck && healthType is not null && string.Equals(healthType.Text, "CMD", StringComparison.OrdinalIgnoreCase) && args.Count == 0)
            {
                AddBuildError(new SyntaxError("HEALTHCHECK CMD needs a command after CMD.", healthType.Span));
            }

            if (c.Kind == DockerInstructionKind.Shell)
            {
                if (!isExec)
                {
                    AddBuildError(new SyntaxError("SHELL requires the arguments to be in JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"].", cmdStart < c.ArgsEnd ? c.ArgsSpan : c.KeywordSpan));
                }
                else if (exec.Count == 0)
                {
                    Missing(c, "at least one argument");
                }
            }

            var instruction = new CommandInstruction
            {
                IsExecForm = isExec,
                ExecArguments = ModelLists.Compact(exec),
                ShellCommand = shell,
                HeredocScript = script,
                HealthcheckType = healthType,
            };
            return Common(c, instruction, args, heredocs);
        }

        private ShellSource JoinHeredocs(LogicalLine line, int start, int end, List<DockerHeredoc> heredocs)
        {
            var sb = new StringBuilder(line.Text, start, end - start, end - start + 64);
            var map = new OffsetMap();
            int last = 0;
            for (int i = start; i < end; i++)
            {
                last = line.ToSource(i);
                map.Add(last);
            }

            int sourceEnd = line.SourceEnd;
            foreach (DockerHeredoc h in heredocs)
            {
                if (h.TerminatorSpan is not { } term)
                {
                    continue;
                }

                sb.Append('\n');
                last = Math.Min(map.Count > 0 ? last + 1 : line.SourceEnd, _s.Length);
                map.Add(last);
                sb.Append(h.Content);
                map.AddRun(h.ContentSpan.Start, h.Content.Length);
                if (h.Content.Length > 0)
                {
                    last = h.ContentSpan.Start + h.Content.Length - 1;
                }

                sb.Append(h.Name);
                for (int i = 0; i < h.Name.Length; i++)
                {
                    last = Math.Min(term.Start + i, Math.Max(term.Start, term.End - 1));
                    map.Add(last);
                }

                sourceEnd = term.End;
            }

            int sourceStart = line.ToSource(start);
            return new ShellSource(sb.ToString(), map.ToRuns(), TextSpan.FromBounds(sourceStart, sourceEnd));
        }

        private static bool IsWholeHeredoc(string command)
        {
            var words = SplitWords(command, 0, command.Length, '\\', heredocBlanks: true);
            return words.Count == 1 && MatchHeredoc(command, words[0].Start, words[0].End) is not null;
        }

        // ---------------------------------------------------------------- COPY, ADD

        private DockerInstruction BuildCopy(Ctx c)
        {
            bool json = false;
            List<DockerToken> args;
            List<DockerHeredoc> heredocs = [];
            if (TryJson(c, out var jsonArgs, out bool failed))
            {
                json = true;
                args = jsonArgs;
            }
            else
            {
                args = failed ? [] : SplitWhitespace(c.Line, c.ArgsStart, c.ArgsEnd);
                if (!failed)
                {
                    heredocs = ReadHeredocs(c);
                }
            }

            if (!failed && args.Count < 2)
            {
                AddBuildError(new SyntaxError($"{c.Upper} requires at least two arguments (sources and a destination), but {(args.Count == 0 ? "none was" : "only one was")} given.", args.Count == 0 ? c.KeywordSpan : c.ArgsSpan));
            }

            DockerToken? destination = args.Count >= 2 ? args[^1] : null;
            if (destination is not null && !json && MatchHeredoc(destination.Text, 0, destination.Text.Length) is not null)
            {
                AddBuildError(new SyntaxError($"{c.Upper} cannot take a heredoc as its destination.", destination.Span));
            }

            var instruction = new CopyInstruction
            {
                IsJsonForm = json,
                Sources = args.Count >= 2 ? args.Take(args.Count - 1).ToArray() : [],
                Destination = destination,
            };
            return Common(c, instruction, args, heredocs);
        }

        // ---------------------------------------------------------------- ONBUILD

        private DockerInstruction BuildOnbuild(Ctx c, bool nested)
        {
            DockerInstruction? trigger = null;
            if (c.ArgsEnd <= c.ArgsStart)
            {
                Missing(c, "at least one argument");
            }
            else
            {
                string t = c.Line.Text;
                int te = c.ArgsStart;
                while (te < c.ArgsEnd && !IsSplitSpace(t[te]))
                {
                    te++;
                }

                string word = t[c.ArgsStart..te].ToUpperInvariant();
                if (word == "ONBUILD" || nested)
                {
                    AddBuildError(new SyntaxError("Chaining ONBUILD via ONBUILD ONBUILD is not allowed.", c.Line.ToSource(c.ArgsStart, te)));
                }
                else
                {
                    if (word is "FROM" or "MAINTAINER")
                    {
                        AddBuildError(new SyntaxError($"{word} is not allowed as an ONBUILD trigger.", c.Line.ToSource(c.ArgsStart, te)));
                    }

                    // The trigger does not change this stage's variables.
                    var globalVars = _globalVars;
                    var stageVars = _stageVars;
                    trigger = BuildInstruction(c.Line, c.ArgsStart, false, false, nested: true);
                    _globalVars = globalVars;
                    _stageVars = stageVars;
                }
            }

            List<DockerToken> args = c.ArgsEnd > c.ArgsStart ? [c.Line.Token(c.ArgsStart, c.ArgsEnd)] : [];
            DockerInstruction result = Common(c, new OnbuildInstruction { Trigger = trigger }, args, trigger?.Heredocs);
            return result;
        }

        // ---------------------------------------------------------------- words, flags, JSON

        /// <summary>BuildKit's extractBuilderFlags: leading words that start with "--", "--" alone ends the flags.</summary>
        private int ExtractFlags(LogicalLine line, int pos, int end, List<DockerFlag> flags)
        {
            string t = line.Text;
            while (true)
            {
                while (pos < end && char.IsWhiteSpace(t[pos]))
                {
                    pos++;
                }

                if (pos + 1 >= end || t[pos] != '-' || t[pos + 1] != '-')
                {
                    return pos;
                }

                int ws = pos;
                var value = new StringBuilder();
                char quote = '\0';
                int eqRaw = -1;
                int eqValue = -1;
                while (pos < end)
                {
                    char ch = t[pos];
                    if (quote == '\0')
                    {
                        if (char.IsWhiteSpace(ch))
                        {
                            break;
                        }

                        if (ch is '\'' or '"')
                        {
                            quote = ch;
                            pos++;
                            continue;
                        }

                        if (ch == '=' && eqRaw < 0)
                        {
                            eqRaw = pos;
                            eqValue = value.Length;
                        }
                    }
                    else if (ch == quote)
                    {
                        quote = '\0';
                        pos++;
                        continue;
                    }

                    if (ch == _escape)
                    {
                        if (pos + 1 >= end)
                        {
                            pos++;
                            continue;
                        }

                        pos++;
                        ch = t[pos];
                    }

                    value.Append(ch);
                    pos++;
                }

                int we = pos;
                if (we - ws == 2)
                {
                    // "--" ends the flags.
                    return we;
                }

                string processed = value.ToString();
                string name;
                string? flagValue = null;
                TextSpan nameSpan;
                TextSpan? valueSpan = null;
                IReadOnlyList<DockerFlagOption> options = [];
                if (eqRaw >= 0)
                {
                    name = processed[2..eqValue];
                    flagValue = processed[(eqValue + 1)..];
                    nameSpan = line.ToSource(ws + 2, eqRaw);
                    valueSpan = line.ToSource(eqRaw + 1, we);
                    options = SplitOptions(line, eqRaw + 1, we);
                }
                else
                {
                    name = processed.Length >= 2 ? processed[2..] : "";
                    nameSpan = line.ToSource(ws + 2, we);
                }

                flags.Add(new DockerFlag(name, nameSpan, flagValue, valueSpan, line.ToSource(ws, we), options));
            }
        }

        private static IReadOnlyList<DockerFlagOption> SplitOptions(LogicalLine line, int start, int end)
        {
            string t = line.Text;
            var options = new List<DockerFlagOption>();
            int i = start;
            while (i <= end && start < end)
            {
                int fieldStart = i;
                char quote = '\0';
                while (i < end && (quote != '\0' || t[i] != ','))
                {
                    if (quote == '\0' && t[i] is '"' or '\'')
                    {
                        quote = t[i];
                    }
                    else if (t[i] == quote)
                    {
                        quote = '\0';
                    }

                    i++;
                }

                int fieldEnd = i;
                if (fieldEnd > fieldStart)
                {
                    int eq = t.IndexOf('=', fieldStart, fieldEnd - fieldStart);
                    if (eq < 0)
                    {
                        options.Add(new DockerFlagOption(StripQuotes(t[fieldStart..fieldEnd]), line.ToSource(fieldStart, fieldEnd), null, null));
                    }
                    else
                    {
                        options.Add(new DockerFlagOption(StripQuotes(t[fieldStart..eq]), line.ToSource(fieldStart, eq), StripQuotes(t[(eq + 1)..fieldEnd]), line.ToSource(eq + 1, fieldEnd)));
                    }
                }

                i++;
            }

            return ModelLists.Compact(options);
        }

        private static string StripQuotes(string s) => s.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);

        private static List<DockerToken> SplitWhitespace(LogicalLine line, int start, int end)
        {
            var tokens = new List<DockerToken>();
            string t = line.Text;
            int i = start;
            while (i < end)
            {
                while (i < end && IsSplitSpace(t[i]))
                {
                    i++;
                }

                int ws = i;
                while (i < end && !IsSplitSpace(t[i]))
                {
                    i++;
                }

                if (i > ws)
                {
                    tokens.Add(line.Token(ws, i));
                }
            }

            return tokens;
        }

        /// <summary>
        /// The one word splitter of the parser, as BuildKit's: whitespace-separated words with their quotes kept, quoted
        /// blanks not splitting, <paramref name="escape"/> escaping the next character (outside quotes and inside double
        /// quotes). ARG/ENV use it with the file's escape character (parseWords); heredoc detection uses it with a
        /// backslash and <paramref name="heredocBlanks"/>, since BuildKit's lexer keeps the blanks after <c>&lt;&lt;</c> in
        /// the word (<c>&lt;&lt;  EOF</c> is one word).
        /// </summary>
        private static List<(int Start, int End)> SplitWords(string t, int start, int end, char escape, bool heredocBlanks)
        {
            var words = new List<(int, int)>();
            int i = start;
            while (i < end)
            {
                while (i < end && char.IsWhiteSpace(t[i]))
                {
                    i++;
                }

                if (i >= end)
                {
                    break;
                }

                int ws = i;
                char quote = '\0';
                while (i < end)
                {
                    char ch = t[i];
                    if (quote == '\0')
                    {
                        if (char.IsWhiteSpace(ch))
                        {
                            break;
                        }

                        if (ch is '\'' or '"')
                        {
                            quote = ch;
                        }
                        else if (ch == escape)
                        {
                            i++;
                        }
                        else if (heredocBlanks && ch == '<' && i + 1 < end && t[i + 1] == '<')
                        {
                            i += 2;
                            while (i < end && t[i] is ' ' or '\t')
                            {
                                i++;
                            }

                            continue;
                        }
                    }
                    else if (ch == quote)
                    {
                        quote = '\0';
                    }
                    else if (ch == escape && quote == '"')
                    {
                        i++;
                    }

                    i++;
                }

                i = Math.Min(i, end);
                words.Add((ws, i));
            }

            return words;
        }

        private sealed record HeredocMarker(string Name, bool Quoted, bool Chomp, int? Fd);

        /// <summary>BuildKit's heredoc word: <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> with a one-word rest.</summary>
        private static HeredocMarker? MatchHeredoc(string t, int start, int end)
        {
            int i = start;
            while (i < end && char.IsAsciiDigit(t[i]))
            {
                i++;
            }

            int? fd = null;
            if (i > start && int.TryParse(t.AsSpan(start, Math.Min(i - start, 9)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed))
            {
                fd = parsed;
            }

            if (i + 1 >= end || t[i] != '<' || t[i + 1] != '<')
            {
                return null;
            }

            i += 2;
            bool chomp = i < end && t[i] == '-';
            if (chomp)
            {
                i++;
            }

            while (i < end && IsGoSpace(t[i]))
            {
                i++;
            }

            if (i >= end || t.IndexOf('<', i, end - i) >= 0)
            {
                return null;
            }

            string rest = t[i..end];
            string name = VariableExpander.Unquote(rest, '\\');
            if (name.Length == 0 || SplitWords(rest, 0, rest.Length, '\\', heredocBlanks: true).Count != 1)
            {
                return null;
            }

            bool quoted = false;
            for (int k = 0; k < rest.Length; k++)
            {
                if (rest[k] == '\\')
                {
                    k++;
                }
                else if (rest[k] is '\'' or '"')
                {
                    quoted = true;
                }
            }

            return new HeredocMarker(name, quoted, chomp, fd);
        }

        private List<DockerHeredoc> ReadHeredocs(Ctx c)
        {
            var result = new List<DockerHeredoc>();
            string t = c.Line.Text;
            if (!t.Contains("<<", StringComparison.Ordinal))
            {
                return result;
            }

            foreach (var (ws, we) in SplitWords(t, 0, t.Length, '\\', heredocBlanks: true))
            {
                HeredocMarker? marker = MatchHeredoc(t, ws, we);
                if (marker is null)
                {
                    continue;
                }

                TextSpan markerSpan = c.Line.ToSource(ws, we);
                int contentStart = MoreLines ? PeekLine().Start : _s.Length;
                int contentEnd = contentStart;
                TextSpan? terminator = null;
                while (MoreLines)
                {
                    var (ls, le, next) = PeekLine();
                    Advance(next);
                    int p = ls;
                    if (marker.Chomp)
                    {
                        while (p < le && _s[p] == '\t')
                        {
                            p++;
                        }
                    }

                    if (le - p == marker.Name.Length && string.CompareOrdinal(_s, p, marker.Name, 0, marker.Name.Length) == 0)
                    {
                        terminator = TextSpan.FromBounds(p, le);
                        break;
                    }

                    contentEnd = next;
                }

                if (terminator is null)
                {
                    _errors.Add(new SyntaxError($"The heredoc <<{marker.Name} is never closed: no line consisting of {marker.Name} follows it.", markerSpan));
                }

                string content = _s[contentStart..contentEnd];
                result.Add(new DockerHeredoc(marker.Name, markerSpan, marker.Quoted, marker.Chomp, marker.Fd, content, TextSpan.FromBounds(contentStart, contentEnd), terminator, BodySource(contentStart, contentEnd, marker.Chomp)));
                if (terminator is null)
                {
                    break;
                }
            }

            return result;
        }

        private ShellSource BodySource(int start, int end, bool chomp)
        {
            var sb = new StringBuilder(end - start);
            var map = new OffsetMap();
            bool lineStart = true;
            for (int i = start; i < end; i++)
            {
                char ch = _s[i];
                if (chomp && lineStart && ch == '\t')
                {
                    continue;
                }

                lineStart = ch == '\n';
                sb.Append(ch);
                map.Add(i);
            }

            return new ShellSource(sb.ToString(), map.ToRuns(), TextSpan.FromBounds(start, end));
        }

        private bool TryJson(Ctx c, out List<DockerToken> tokens, out bool failed) => TryJson(c, c.ArgsStart, out tokens, out failed);

        /// <summary>
        /// BuildKit's parseJSON: a valid JSON array of strings is exec form; invalid JSON falls back to shell form;
        /// valid JSON with a non-string element is an error (<paramref name="failed"/>).
        /// </summary>
        private bool TryJson(Ctx c, int start, out List<DockerToken> tokens, out bool failed)
        {
            tokens = [];
            failed = false;
            string t = c.Line.Text;
            if (start >= c.ArgsEnd || t[start] != '[')
            {
                return false;
            }

            string json = t[start..c.ArgsEnd];
            var values = new List<string>();
            bool nonString = false;
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 10000 });
                while (reader.Read())
                {
                    if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            values.Add(reader.GetString() ?? "");
                        }
                        else
                        {
                            nonString = true;
                        }
                    }
                    else if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartArray && reader.TokenType != JsonTokenType.EndArray)
                    {
                        return false;
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                return false;
            }

            if (nonString)
            {
                failed = true;
                _errors.Add(new SyntaxError("When using the JSON array form, every element must be a string.", c.Line.ToSource(start, c.ArgsEnd)));
                return false;
            }

            // Spans of the string literals: the JSON is valid, so a plain scan finds them.
            int i = start + 1;
            int index = 0;
            while (i < c.ArgsEnd && index < values.Count)
            {
                if (t[i] != '"')
                {
                    i++;
                    continue;
                }

                int ls = i;
                i++;
                while (i < c.ArgsEnd && t[i] != '"')
                {
                    i += t[i] == '\\' ? 2 : 1;
                }

                i++;
                tokens.Add(new DockerToken(values[index++], c.Line.ToSource(ls, Math.Min(i, c.ArgsEnd))));
            }

            return true;
        }
    }
}
