using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>
/// A parsed shell script with analysis helpers for rules. Immutable; the helpers are computed once, lazily and
/// thread-safely.
/// </summary>
public sealed class ShellScript : ISyntaxModel
{
    // Computed on first use; pure, so two threads that race both compute it and one result is kept (a Lazy and its
    // delegate were three more objects for every script and RUN).
    private ShellAnalysis? _analysis;

    internal ShellScript(SourceText text, IReadOnlyList<SyntaxComment> comments, ShellCommandList body, ShellShebang? shebang)
    {
        Text = text;
        Comments = comments;
        Body = body;
        Shebang = shebang;
    }

    public SourceText Text { get; }

    private ShellAnalysis Analysis
    {
        get
        {
            ShellAnalysis? analysis = Volatile.Read(ref _analysis);
            if (analysis is null)
            {
                analysis = ShellAnalysis.Run(this, InitialOptions);
                analysis = Interlocked.CompareExchange(ref _analysis, analysis, null) ?? analysis;
            }

            return analysis;
        }
    }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>The top-level command list.</summary>
    public ShellCommandList Body { get; }

    /// <summary>The <c>#!</c> line, when the script starts with one.</summary>
    public ShellShebang? Shebang { get; }

    /// <summary>The options in effect at the first command: those the shebang's flags set (<c>#!/bin/bash -e</c>).</summary>
    public SetOptions InitialOptions => Shebang is null ? SetOptions.None : SetOptions.None.Apply(Shebang.Arguments);

    /// <summary>
    /// Every simple command in source order, including those in function bodies, compound commands, pipelines,
    /// <c>$(...)</c>, backticks, process substitutions and the substitutions of unquoted heredoc bodies, each with its
    /// context (see <see cref="CommandContext"/>). A command comes before the commands of its own substitutions and
    /// heredoc bodies.
    /// </summary>
    public IReadOnlyList<CommandContext> EnumerateCommands() => Analysis.Commands;

    /// <summary>
    /// Like <see cref="EnumerateCommands()"/> but starting from given options (a Dockerfile stage's <c>SHELL</c>
    /// flags, for example) instead of the shebang's.
    /// </summary>
    public IReadOnlyList<CommandContext> EnumerateCommands(SetOptions initialOptions) =>
        initialOptions == InitialOptions ? Analysis.Commands : ShellAnalysis.Run(this, initialOptions).Commands;

    /// <summary>
    /// Every command node, simple and compound (<see cref="ShellIf"/>, <see cref="ShellTestCommand"/>, <see cref="ShellFor"/>, ...),
    /// in source order, with the same reach as <see cref="EnumerateCommands()"/>.
    /// </summary>
    public IReadOnlyList<ShellCommand> AllCommands => Analysis.AllCommands;

    /// <summary>Function definitions by name; when a name is defined twice, the later definition.</summary>
    public IReadOnlyDictionary<string, ShellFunctionDefinition> Functions => Analysis.Functions;

    /// <summary>Every function definition in source order.</summary>
    public IReadOnlyList<ShellFunctionDefinition> FunctionDefinitions => Analysis.FunctionList;

    /// <summary>Every <c>trap</c> command in source order.</summary>
    public IReadOnlyList<ShellTrap> Traps => Analysis.Traps;

    /// <summary>
    /// Every variable assignment in source order: plain <c>NAME=value</c>, prefixes of a command (<c>FOO=1 cmd</c>),
    /// and the operands of <c>export</c>, <c>local</c>, <c>readonly</c>, <c>declare</c> and <c>typeset</c>.
    /// </summary>
    public IReadOnlyList<ShellVariableAssignment> Assignments => Analysis.Assignments;

    /// <summary>The options in effect after the last top-level command, by the same linear scan.</summary>
    public SetOptions FinalOptions => Analysis.FinalOptions;

    private HostExpressions? _hostExpressions;

    /// <summary>
    /// Text for a user: <paramref name="shown"/> (a piece of this script, a word's value) with the placeholders of host
    /// expressions (<c>${{ … }}</c> in a CI step) put back to their original text. Unchanged for a plain script.
    /// </summary>
    public string Restore(string shown) => _hostExpressions?.Restore(shown) ?? shown;

    /// <summary>The original text of a span of this script (host expressions as written).</summary>
    public string OriginalText(TextSpan span) => Restore(Text.Content.Substring(span.Start, span.Length));

    internal void AttachHostExpressions(HostExpressions expressions) => _hostExpressions = expressions.Any ? expressions : null;
}

/// <summary>
/// The shell options rules care about. The parser tracks them with a flow-insensitive linear scan in source order:
/// a <c>set</c> command changes the options for every later command in the text, whatever the control flow
/// (a <c>set</c> inside a function body applies from that point of the file on), except that changes inside
/// <c>( )</c>, <c>$( )</c>, backticks, process substitutions and multi-command pipeline elements (subshells) end
/// with them.
/// </summary>
public readonly record struct SetOptions(bool ErrExit, bool PipeFail, bool XTrace, bool NoUnset)
{
    public static SetOptions None => default;

    /// <summary>
    /// Applies <c>set</c>-style arguments (<c>-e</c>, <c>-euo pipefail</c>, <c>+x</c>, <c>-o errexit</c>, <c>+o pipefail</c>);
    /// also right for shell invocation flags (<c>bash -e -o pipefail</c>). Stops at <c>--</c>, <c>-</c>, <c>-c</c>
    /// and the first operand.
    /// </summary>
    public SetOptions Apply(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        SetOptions result = this;
        using IEnumerator<string> e = arguments.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (arg is "--" or "-" or "+" || arg.Length < 2 || (arg[0] != '-' && arg[0] != '+'))
            {
                break;
            }

            bool on = arg[0] == '-';
            bool stop = false;
            for (int i = 1; i < arg.Length; i++)
            {
                switch (arg[i])
                {
                    case 'e': result = result with { ErrExit = on }; break;
                    case 'x': result = result with { XTrace = on }; break;
                    case 'u': result = result with { NoUnset = on }; break;
                    case 'c': stop = true; break;
                    case 'o':
                        if (e.MoveNext())
                        {
                            result = result.ApplyNamed(e.Current, on);
                        }

                        break;
                }
            }

            if (stop)
            {
                break;
            }
        }

        return result;
    }

    private SetOptions ApplyNamed(string name, bool on) => name switch
    {
        "errexit" => this with { ErrExit = on },
        "pipefail" => this with { PipeFail = on },
        "xtrace" => this with { XTrace = on },
        "nounset" => this with { NoUnset = on },
        _ => this,
    };
}

/// <summary>
/// A simple command with where it sits. <see cref="IsInCondition"/>: inside an <c>if</c>/<c>elif</c>/<c>while</c>/<c>until</c>
/// condition, in a pipeline left of <c>&amp;&amp;</c> or <c>||</c>, or in a <c>!</c> pipeline (places where errexit does
/// not stop the script). <see cref="Pipeline"/> is the innermost pipeline holding the command (or the compound command
/// holding it) and <see cref="PipelineIndex"/> its position there; null inside a function body or a substitution until
/// a pipeline is met. <see cref="Options"/> are the options in effect just before the command runs.
/// </summary>
public sealed record CommandContext(
    SimpleCommand Command,
    ShellFunctionDefinition? Function,
    bool IsInCondition,
    bool IsInCommandSubstitution,
    bool IsInSubshell,
    ShellPipeline? Pipeline,
    int PipelineIndex,
    SetOptions Options)
{
    /// <summary>The name of the enclosing function, or null at the top level.</summary>
    public string? FunctionName => Function?.Name;

    /// <summary>True when the command is one element of a pipeline of several commands.</summary>
    public bool IsPiped => Pipeline is { Commands.Count: > 1 } && ReferenceEquals(Pipeline.Commands[PipelineIndex], Command);
}

/// <summary>
/// A <c>trap</c> command. <see cref="Action"/> is the first operand (null for <c>trap SIG</c>, <c>trap -p</c>, <c>trap -l</c>);
/// <see cref="Signals"/> the conditions; <see cref="SignalNames"/> them in upper case without <c>SIG</c>, <c>0</c> read as EXIT.
/// </summary>
public sealed record ShellTrap(SimpleCommand Command, ShellWord? Action, IReadOnlyList<ShellWord> Signals)
{
    public IReadOnlyList<string> SignalNames => [.. Signals.Select(s => Normalize(s.Value))];

    /// <summary>True for <c>trap - SIG</c>, <c>trap SIG</c>: the handler is reset.</summary>
    public bool IsReset => Action is null || Action.Value == "-";

    private static string Normalize(string signal)
    {
        string upper = signal.ToUpperInvariant();
        if (upper.StartsWith("SIG", StringComparison.Ordinal))
        {
            upper = upper[3..];
        }

        return upper == "0" ? "EXIT" : upper;
    }
}

/// <summary>How a variable got its value.</summary>
public enum ShellAssignmentKind
{
    /// <summary><c>NAME=value</c> as a command of its own.</summary>
    Plain,

    /// <summary><c>NAME=value cmd</c>: only in the command's environment.</summary>
    CommandPrefix,
    Export,
    Local,
    Readonly,

    /// <summary><c>declare</c> or <c>typeset</c>.</summary>
    Declare,
}

/// <summary>A variable assignment or declaration. <see cref="Value"/> is null for a bare <c>export NAME</c>.</summary>
public sealed record ShellVariableAssignment(string Name, TextSpan NameSpan, ShellWord? Value, ShellAssignmentKind Kind, SimpleCommand Command, TextSpan Span);

/// <summary>
/// The <c>#!</c> line. <see cref="Path"/> is the interpreter path as written (<c>/usr/bin/env</c>), <see cref="Interpreter"/>
/// the effective interpreter's file name (<c>bash</c>, also through <c>env</c>), <see cref="Arguments"/> the words after it.
/// </summary>
public sealed record ShellShebang(TextSpan Span, string Path, string Interpreter, IReadOnlyList<string> Arguments)
{
    internal static ShellShebang? TryParse(SourceText text, int start, int end)
    {
        string s = text.Content;
        if (end - start < 2 || s[start] != '#' || s[start + 1] != '!')
        {
            return null;
        }

        int lineEnd = s.IndexOf('\n', start, end - start);
        if (lineEnd < 0)
        {
            lineEnd = end;
        }

        if (lineEnd > start && s[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        string[] words = s[(start + 2)..lineEnd].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var span = TextSpan.FromBounds(start, lineEnd);
        if (words.Length == 0)
        {
            return new ShellShebang(span, "", "", []);
        }

        string path = words[0];
        int index = 1;
        string interpreter = BaseName(path);
        if (interpreter == "env")
        {
            while (index < words.Length && (words[index].StartsWith('-') || words[index].Contains('=')))
            {
                index += words[index] is "-u" or "--unset" ? 2 : 1;
            }

            if (index < words.Length)
            {
                interpreter = BaseName(words[index]);
                index++;
            }
        }

        return new ShellShebang(span, path, interpreter, index < words.Length ? words[index..] : []);
    }

    private static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}
