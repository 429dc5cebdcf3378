using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Dockerfile;

/// <summary>
/// One simple command found in a RUN: its shell context and a map from its spans back to the Dockerfile. Commands
/// inside <c>sh -c '...'</c> are included (<see cref="IsNested"/>), mapped into the quoted script when it is
/// single-quoted, else to the whole script word; so is the command of an exec-form RUN (also nested: its words are JSON
/// strings, so no fix edits them as shell).
/// </summary>
internal sealed class RunCommand
{
    private readonly Func<TextSpan, TextSpan> _map;

    public RunCommand(CommandContext context, Func<TextSpan, TextSpan> map, bool isNested)
    {
        Context = context;
        _map = map;
        IsNested = isNested;
    }

    public CommandContext Context { get; }

    public SimpleCommand Command => Context.Command;

    public bool IsNested { get; }

    /// <summary>
    /// The file name of the program that runs, seen through wrapper words (<c>sudo /usr/bin/apt-get</c> gives <c>apt-get</c>),
    /// or null.
    /// </summary>
    public string? Name => Resolved.Name;

    /// <summary>The words after the program (wrapper words and their options excluded).</summary>
    public IReadOnlyList<ShellWord> ArgumentWords => Resolved.Arguments;

    public IReadOnlyList<string> Arguments => [.. ArgumentWords.Select(a => a.Value)];

    /// <summary>The wrapper words before the program (<c>sudo</c>, <c>env</c>, with their options), empty for a plain command.</summary>
    public IReadOnlyList<ShellWord> WrapperWords => Resolved.Program is { } program ? [.. Command.Words.TakeWhile(w => !ReferenceEquals(w, program))] : [];

    /// <summary>The Dockerfile span of a span of the parsed shell text.</summary>
    public TextSpan ToSource(TextSpan span) => _map(span);

    public TextSpan ToSource(ShellWord word) => _map(word.Span);

    public TextSpan NameSpan => Resolved.Program is { } name ? _map(name.Span) : _map(Command.Span);

    // The program seen through its wrappers, resolved once per command: every Dockerfile rule asks for the name.
    private ResolvedProgram Resolved => _resolved ??= ResolvedProgram.Of(Command);

    private ResolvedProgram? _resolved;

    private sealed record ResolvedProgram(ShellWord? Program, string? Name, IReadOnlyList<ShellWord> Arguments)
    {
        public static ResolvedProgram Of(SimpleCommand command)
        {
            ShellWord? program = command.Program;
            return new ResolvedProgram(program, program?.Value is { } n ? n[(n.LastIndexOf('/') + 1)..] : null, command.ProgramArguments);
        }
    }

    public override string ToString() => Command.ToString();
}

/// <summary>The parsed shell of a RUN (shell form, a heredoc script, or an exec form calling <c>sh -c</c>), cached per instruction.</summary>
internal sealed class RunShell
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh" };

    private RunShell(IReadOnlyList<RunCommand> commands, ShellScript? script)
    {
        Commands = commands;
        Script = script;
    }

    /// <summary>Every simple command of the RUN, nested <c>sh -c</c> scripts included, in source order.</summary>
    public IReadOnlyList<RunCommand> Commands { get; }

    /// <summary>The top-level script, or null when the RUN is not shell (exec form of a program, whose one command is still in <see cref="Commands"/>; a python heredoc).</summary>
    public ShellScript? Script { get; }

    /// <summary>The parsed shell of a RUN; empty for other instructions.</summary>
    public static RunShell Of(DockerInstruction instruction) =>
        instruction is CommandInstruction { Kind: DockerInstructionKind.Run } run ? run.Memo as RunShell ?? Memoise(run) : Empty;

    /// <summary>Builds the RUN's shell and keeps it on the instruction; when two rules race, both get the one kept first.</summary>
    private static RunShell Memoise(CommandInstruction run)
    {
        RunShell built = Build(run);
        return Interlocked.CompareExchange(ref run.Memo, built, null) as RunShell ?? built;
    }

    private static readonly RunShell Empty = new([], null);

    /// <summary>The set options the SHELL in effect for this RUN (in its stage or a stage it is based on) passes, such as <c>-o pipefail</c>.</summary>
    public static SetOptions InitialOptions(DockerfileDocument model, DockerInstruction run)
    {
        if (run.StageIndex < 0 || run.StageIndex >= model.Stages.Count)
        {
            return SetOptions.None;
        }

        foreach (DockerInstruction instruction in model.InheritedNewestFirst(model.Stages[run.StageIndex]))
        {
            if (instruction.StageIndex == run.StageIndex && instruction.Span.Start > run.Span.Start)
            {
                continue;
            }

            if (instruction is CommandInstruction { Kind: DockerInstructionKind.Shell, ExecArguments.Count: > 0 } shell)
            {
                SetOptions options = SetOptions.None.Apply(shell.ExecArguments.Skip(1).Select(a => a.Text).TakeWhile(a => a != "-c"));
                return options.PipeFail && !SupportsPipefail(shell.ExecArguments[0].Text, model, model.Stages[run.StageIndex]) ? SetOptions.None : options;
            }
        }

        return SetOptions.None;
    }

    /// <summary>
    /// True when the shell program of a SHELL instruction honours <c>-o pipefail</c>: bash, zsh, ksh, mksh, ash and busybox
    /// do; <c>sh</c> does only where the stage's base image is known to make it busybox ash (Alpine, BusyBox). Debian's and
    /// Ubuntu's <c>/bin/sh</c> is dash, which rejects the option, and an unknown <c>sh</c> is not assumed to have it.
    /// </summary>
    public static bool SupportsPipefail(string program, DockerfileDocument model, DockerStage stage)
    {
        string name = program.Trim('"')[(program.Trim('"').LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name is "bash" or "zsh" or "ksh" or "mksh" or "ash" or "busybox")
        {
            return true;
        }

        if (name != "sh")
        {
            return false;
        }

        FromInstruction root = model.RootFrom(stage);
        string repository = root.ImageReference?.Repository.ToLowerInvariant() ?? "";
        string tag = root.ImageReference?.Tag?.ToLowerInvariant() ?? "";
        return repository.EndsWith("alpine", StringComparison.Ordinal) || repository.EndsWith("busybox", StringComparison.Ordinal) || tag.Contains("alpine", StringComparison.Ordinal);
    }

    /// <summary>True when the SHELL in effect for an instruction (RUN, CMD, ENTRYPOINT) is PowerShell or cmd: no POSIX shell rules apply.</summary>
    public static bool UsesNonPosixShell(DockerfileDocument model, DockerInstruction run)
    {
        if (run.StageIndex < 0 || run.StageIndex >= model.Stages.Count)
        {
            return false;
        }

        foreach (DockerInstruction instruction in model.InheritedNewestFirst(model.Stages[run.StageIndex]))
        {
            if (instruction.StageIndex == run.StageIndex && instruction.Span.Start > run.Span.Start)
            {
                continue;
            }

            if (instruction is CommandInstruction { Kind: DockerInstructionKind.Shell, ExecArguments: [var first, ..] })
            {
                string exe = first.Text.ToLowerInvariant();
                return exe.Contains("powershell", StringComparison.Ordinal) || exe.Contains("pwsh", StringComparison.Ordinal) || exe.StartsWith("cmd", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static RunShell Build(CommandInstruction run)
    {
        ShellSource? source = run.HeredocScript?.Body ?? run.ShellCommand;
        var commands = new List<RunCommand>();
        ShellScript? script = null;
        if (source is not null)
        {
            var parsed = source.Parse();
            script = parsed.Model;
            if (script is not null && (script.Shebang is null || Shells.Contains(script.Shebang.Interpreter)))
            {
                Collect(script, source.MapToSource, commands, nested: false, depth: 0);
            }
            else
            {
                script = null;
            }
        }
        else if (run.IsExecForm && run.ExecArguments.Count > 2 && Shells.Contains(Path.GetFileName(run.ExecArguments[0].Text)))
        {
            var rest = run.ExecArguments.Skip(1).ToList();
            int c = rest.FindIndex(a => a.Text == "-c" || a.Text.StartsWith('-') && !a.Text.StartsWith("--", StringComparison.Ordinal) && a.Text.EndsWith('c'));
            if (c >= 0 && c + 1 < rest.Count)
            {
                DockerToken body = rest[c + 1];
                var parsed = ShellParser.Parse(new SourceText(body.Text));
                script = parsed.Model;
                if (script is not null)
                {
                    Collect(script, _ => body.Span, commands, nested: true, depth: 0);
                }
            }
        }
        else if (run.IsExecForm && run.ExecArguments.Count > 0 && !Shells.Contains(Path.GetFileName(run.ExecArguments[0].Text)))
        {
            // RUN ["sudo", "apt-get", "install", "-y", "curl"]: one command of literal words, each mapped to its JSON string.
            // It is not shell (no Script), but its command is read like any other; nested, as its text is JSON, not shell.
            var (text, words) = ExecCommandText(run.ExecArguments);
            if (ShellParser.Parse(new SourceText(text)).Model is { } exec)
            {
                Collect(exec, span => ExecSpan(words, span), commands, nested: true, depth: 0);
            }
        }

        return new RunShell(commands, script);
    }

    // The exec arguments as one shell command line of single-quoted words, with the range each word takes in it.
    private static (string Text, List<(int Start, int End, TextSpan Source)> Words) ExecCommandText(IReadOnlyList<DockerToken> arguments)
    {
        var text = new System.Text.StringBuilder();
        var words = new List<(int, int, TextSpan)>();
        foreach (DockerToken argument in arguments)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            int start = text.Length;
            text.Append('\'').Append(argument.Text.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
            words.Add((start, text.Length, argument.Span));
        }

        return (text.ToString(), words);
    }

    // A span of the exec command line in the Dockerfile: from the JSON string where it starts to the one where it ends.
    private static TextSpan ExecSpan(List<(int Start, int End, TextSpan Source)> words, TextSpan span)
    {
        int end = span.Start + Math.Max(span.Length, 1) - 1;
        var first = words.LastOrDefault(w => w.Start <= span.Start, words[0]);
        var last = words.LastOrDefault(w => w.Start <= end, first);
        return TextSpan.FromBounds(first.Source.Start, last.Source.Start + last.Source.Length);
    }

    private static void Collect(ShellScript script, Func<TextSpan, TextSpan> map, List<RunCommand> into, bool nested, int depth)
    {
        foreach (CommandContext context in script.EnumerateCommands())
        {
            into.Add(new RunCommand(context, map, nested));
            if (depth < 2 && NestedScript(context.Command) is { } word)
            {
                var parsed = ShellParser.Parse(new SourceText(word.Value));
                if (parsed.Model is { } inner)
                {
                    bool singleQuoted = word.Text.Length >= 2 && word.Text[0] == '\'' && word.Text[^1] == '\'' && word.Value.Length == word.Text.Length - 2;
                    TextSpan whole = map(word.Span);
                    Func<TextSpan, TextSpan> innerMap = singleQuoted
                        ? s => map(new TextSpan(word.Span.Start + 1 + s.Start, s.Length))
                        : _ => whole;
                    Collect(inner, innerMap, into, nested: true, depth + 1);
                }
            }
        }
    }

    // sh -c 'script' / bash -lc "script": the script word.
    private static ShellWord? NestedScript(SimpleCommand command)
    {
        if (command.NameValue is not { } name || !Shells.Contains(name[(name.LastIndexOf('/') + 1)..]))
        {
            return null;
        }

        for (int i = 0; i < command.Arguments.Count - 1; i++)
        {
            string a = command.Arguments[i].Value;
            if (a.Length >= 2 && a[0] == '-' && a[1] != '-' && a.Contains('c', StringComparison.Ordinal))
            {
                ShellWord script = command.Arguments[i + 1];
                return script.HasExpansion && !script.Text.StartsWith('\'') ? null : script;
            }
        }

        return null;
    }
}
