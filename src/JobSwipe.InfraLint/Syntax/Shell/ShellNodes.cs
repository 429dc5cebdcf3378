using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>A heredoc attached to a <c>&lt;&lt;</c> or <c>&lt;&lt;-</c> redirection.</summary>
public sealed class ShellHeredoc
{
    internal ShellHeredoc(string delimiter, bool isDelimiterQuoted, bool stripsTabs, TextSpan operatorSpan)
    {
        Delimiter = delimiter;
        IsDelimiterQuoted = isDelimiterQuoted;
        StripsTabs = stripsTabs;
        OperatorSpan = operatorSpan;
    }

    /// <summary>The delimiter with quotes removed (<c>EOF</c> for <c>&lt;&lt;'EOF'</c>).</summary>
    public string Delimiter { get; }

    /// <summary>True for <c>&lt;&lt;'EOF'</c>, <c>&lt;&lt;"EOF"</c> or <c>&lt;&lt;\EOF</c>: the body is not expanded.</summary>
    public bool IsDelimiterQuoted { get; }

    /// <summary>True for <c>&lt;&lt;-</c>: leading tabs are stripped from body lines and the delimiter line.</summary>
    public bool StripsTabs { get; }

    public TextSpan OperatorSpan { get; }

    /// <summary>The body in the source: from the start of the first body line to the start of the delimiter line (the last body line's line break included).</summary>
    public TextSpan BodySpan { get; internal set; }

    /// <summary>The body text; for <c>&lt;&lt;-</c> with leading tabs removed.</summary>
    public string Body { get; internal set; } = "";

    /// <summary>The closing delimiter line (without its line break).</summary>
    public TextSpan EndSpan { get; internal set; }

    /// <summary>
    /// For an unquoted delimiter, the expansions in the body (<c>$VAR</c>, <c>${...}</c>, <c>$(...)</c>, backticks,
    /// <c>$((...))</c>) with source spans; empty for a quoted delimiter.
    /// </summary>
    public IReadOnlyList<ShellWordPart> Parts { get; internal set; } = [];

    /// <summary>False when the input ended before the delimiter line (the parse then has an error).</summary>
    public bool IsTerminated { get; internal set; }
}

/// <summary>A redirection: <c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;EOF</c>, <c>&lt;&lt;&lt; word</c>.</summary>
public sealed record ShellRedirection(TextSpan Span, string Operator, TextSpan OperatorSpan, int? FileDescriptor, ShellWord? Target, ShellHeredoc? Heredoc);

/// <summary>Any node of the shell syntax tree.</summary>
public abstract record ShellNode(TextSpan Span);

/// <summary>A command that can be an element of a pipeline: a simple command or a compound command.</summary>
public abstract record ShellCommand(TextSpan Span, IReadOnlyList<ShellRedirection> Redirections) : ShellNode(Span);

/// <summary>
/// A simple command: assignments, a command name, arguments and redirections (<c>FOO=1 cmd -x arg &gt; out</c>).
/// <see cref="Name"/> is null for a command made only of assignments or redirections.
/// </summary>
public sealed record SimpleCommand(
    TextSpan Span,
    IReadOnlyList<ShellAssignment> Assignments,
    ShellWord? Name,
    IReadOnlyList<ShellWord> Arguments,
    IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections)
{
    // Words and ProgramIndex are read by many rules for every command: built once. The parser passes Arguments as a
    // view of the words array after the name, so the words are kept once.
    private IReadOnlyList<ShellWord>? _words;
    private int _programIndex = -1;

    /// <summary>A command whose name and arguments are one array (the parser's form): <paramref name="words"/>[0] is the name.</summary>
    internal SimpleCommand(TextSpan span, IReadOnlyList<ShellAssignment> assignments, ShellWord[] words, IReadOnlyList<ShellRedirection> redirections)
        : this(span, assignments, words.Length > 0 ? words[0] : null, words.Length > 1 ? (IReadOnlyList<ShellWord>)new ArraySegment<ShellWord>(words, 1, words.Length - 1) : [], redirections)
    {
        _words = words.Length > 0 ? words : null;
    }

    /// <summary>The command name's value (<c>apt-get</c>), or null.</summary>
    public string? NameValue => Name?.Value;

    public ShellWord? Name
    {
        get;
        init
        {
            field = value;
            ForgetWords();
        }
    } = Name;

    public IReadOnlyList<ShellWord> Arguments
    {
        get;
        init
        {
            field = value;
            ForgetWords();
        }
    } = Arguments;

    /// <summary>The values of the arguments.</summary>
    public IReadOnlyList<string> ArgumentValues
    {
        get
        {
            IReadOnlyList<ShellWord> arguments = Arguments;
            if (arguments.Count == 0)
            {
                return [];
            }

            var values = new string[arguments.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = arguments[i].Value;
            }

            return values;
        }
    }

    /// <summary>The name followed by the arguments.</summary>
    public IReadOnlyList<ShellWord> Words => Name is null ? Arguments : _words ??= [Name, .. Arguments];

    /// <summary>
    /// The word naming the program that runs, seen through wrapper words (<see cref="CommandWrappers"/>): <c>apt-get</c> in
    /// <c>sudo -E apt-get install</c>, <c>tool</c> in <c>env A=1 tool</c>. Equals <see cref="Name"/> for an unwrapped command.
    /// </summary>
    public ShellWord? Program => Name is null ? null : ProgramIndex == 0 ? Name : Words[ProgramIndex];

    /// <summary>The words after <see cref="Program"/>.</summary>
    public IReadOnlyList<ShellWord> ProgramArguments => Name is null ? Arguments : ProgramIndex == 0 ? Arguments : [.. Arguments.Skip(ProgramIndex)];

    /// <summary>The value of <see cref="Program"/>, or null.</summary>
    public string? ProgramValue => Program?.Value;

    private int ProgramIndex
    {
        get
        {
            if (_programIndex < 0)
            {
                _programIndex = ComputeProgramIndex();
            }

            return _programIndex;
        }
    }

    private void ForgetWords()
    {
        _words = null;
        _programIndex = -1;
    }

    private int ComputeProgramIndex()
    {
        // Only a wrapper word can move the program: most commands are answered without listing the values.
        if (Name is null || !CommandWrappers.IsWrapperPath(Name.Value))
        {
            return 0;
        }

        IReadOnlyList<ShellWord> words = Words;
        var values = new string[words.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = words[i].Value;
        }

        return CommandWrappers.CommandIndex(values);
    }

    /// <summary>
    /// The option flags among the arguments, split as most tools read them: <c>-yqq</c> gives <c>y</c>, <c>q</c>, <c>q</c>;
    /// <c>--no-cache</c> and <c>--file=x</c> give <c>no-cache</c> and <c>file</c>. Stops at <c>--</c>. Arguments with
    /// expansions are skipped.
    /// </summary>
    public IReadOnlyList<string> Flags
    {
        get
        {
            var flags = new List<string>();
            foreach (ShellWord argument in Arguments)
            {
                string value = argument.Value;
                if (value == "--")
                {
                    break;
                }

                if (argument.HasExpansion || value.Length < 2 || value[0] != '-')
                {
                    continue;
                }

                if (value[1] == '-')
                {
                    int equals = value.IndexOf('=', StringComparison.Ordinal);
                    flags.Add(equals < 0 ? value[2..] : value[2..equals]);
                }
                else
                {
                    flags.AddRange(value[1..].Select(c => c.ToString()));
                }
            }

            return flags;
        }
    }

    /// <summary>True when <see cref="Flags"/> holds any of <paramref name="names"/> (<c>"y"</c>, <c>"yes"</c>, <c>"assume-yes"</c>).</summary>
    public bool HasFlag(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        IReadOnlyList<string> flags = Flags;
        return names.Any(n => flags.Contains(n, StringComparer.Ordinal));
    }
}

/// <summary><c>( list )</c></summary>
public sealed record ShellSubshell(TextSpan Span, ShellCommandList Body, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary><c>{ list; }</c></summary>
public sealed record ShellBraceGroup(TextSpan Span, ShellCommandList Body, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary>One <c>if</c> or <c>elif</c> branch.</summary>
public sealed record ShellIfClause(TextSpan KeywordSpan, ShellCommandList Condition, ShellCommandList Body);

/// <summary><c>if c; then b; elif c2; then b2; else b3; fi</c>. <see cref="Clauses"/>[0] is the <c>if</c>, the rest are <c>elif</c>s.</summary>
public sealed record ShellIf(TextSpan Span, IReadOnlyList<ShellIfClause> Clauses, ShellCommandList? Else, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections)
{
    public ShellCommandList Condition => Clauses[0].Condition;

    public ShellCommandList Then => Clauses[0].Body;

    public IReadOnlyList<ShellIfClause> Elifs => [.. Clauses.Skip(1)];
}

/// <summary>
/// <c>for NAME [in words]; do body; done</c>, <c>select</c>, or the arithmetic <c>for ((init; cond; step))</c>
/// (then <see cref="ArithmeticHeader"/> is set and <see cref="Variable"/> is empty).
/// <see cref="Items"/> is null when there is no <c>in</c> list.
/// </summary>
public sealed record ShellFor(TextSpan Span, string Variable, TextSpan VariableSpan, IReadOnlyList<ShellWord>? Items, string? ArithmeticHeader, bool IsSelect, ShellCommandList Body, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary><c>while cond; do body; done</c> or, with <see cref="IsUntil"/>, <c>until</c>.</summary>
public sealed record ShellWhile(TextSpan Span, bool IsUntil, ShellCommandList Condition, ShellCommandList Body, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary>One <c>pattern|pattern) body ;;</c> item. <see cref="Terminator"/> is <c>;;</c>, <c>;&amp;</c>, <c>;;&amp;</c> or empty.</summary>
public sealed record ShellCaseItem(TextSpan Span, IReadOnlyList<ShellWord> Patterns, ShellCommandList Body, string Terminator);

/// <summary><c>case word in items esac</c></summary>
public sealed record ShellCase(TextSpan Span, ShellWord Word, IReadOnlyList<ShellCaseItem> Items, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary>A function definition, <c>name() body</c> or <c>function name body</c>.</summary>
public sealed record ShellFunctionDefinition(TextSpan Span, string Name, TextSpan NameSpan, ShellCommand Body, bool UsesFunctionKeyword) : ShellCommand(Span, []);

/// <summary>A bash test command <c>[[ ... ]]</c>; <see cref="Words"/> are the words between the brackets (operators included).</summary>
public sealed record ShellTestCommand(TextSpan Span, IReadOnlyList<ShellWord> Words, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary>An arithmetic command <c>(( expr ))</c>.</summary>
public sealed record ShellArithmeticCommand(TextSpan Span, string Expression, TextSpan ExpressionSpan, IReadOnlyList<ShellRedirection> Redirections) : ShellCommand(Span, Redirections);

/// <summary>Commands joined by <c>|</c> (or <c>|&amp;</c>), optionally negated with <c>!</c> or timed with <c>time</c>.</summary>
public sealed record ShellPipeline(TextSpan Span, IReadOnlyList<ShellCommand> Commands, bool IsNegated, bool IsTimed) : ShellNode(Span);

/// <summary>The operator between two pipelines of an and-or list.</summary>
public enum ShellAndOrOperator
{
    And,
    Or,
}

/// <summary>How an item of a command list ends.</summary>
public enum ShellSeparator
{
    /// <summary>Nothing: the last item before a closing keyword or the end of input.</summary>
    None,
    Semicolon,

    /// <summary><c>&amp;</c>: the item runs in the background.</summary>
    Ampersand,
    Newline,
}

/// <summary>
/// Pipelines joined by <c>&amp;&amp;</c> and <c>||</c>: <c>Operators[i]</c> joins <c>Pipelines[i]</c> and <c>Pipelines[i + 1]</c>.
/// <see cref="Separator"/> is what ended the item in its list.
/// </summary>
public sealed record ShellAndOrList(TextSpan Span, IReadOnlyList<ShellPipeline> Pipelines, IReadOnlyList<ShellAndOrOperator> Operators, ShellSeparator Separator) : ShellNode(Span)
{
    public bool IsBackground => Separator == ShellSeparator.Ampersand;
}

/// <summary>A sequence of and-or lists separated by <c>;</c>, <c>&amp;</c> or newlines.</summary>
public sealed record ShellCommandList(TextSpan Span, IReadOnlyList<ShellAndOrList> Items) : ShellNode(Span);
