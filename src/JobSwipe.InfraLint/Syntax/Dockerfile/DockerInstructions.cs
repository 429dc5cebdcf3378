using System.Collections.Immutable;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>
/// One Dockerfile instruction. Subclasses add the structure of FROM, ARG, ENV/LABEL, RUN/CMD/ENTRYPOINT/SHELL/
/// HEALTHCHECK, COPY/ADD and ONBUILD; the other instructions (EXPOSE, WORKDIR, USER...) use this class.
/// </summary>
public class DockerInstruction
{
    internal DockerInstruction()
    {
    }

    public DockerInstructionKind Kind { get; private set; }

    /// <summary>The keyword as written (instructions are case-insensitive).</summary>
    public string Keyword { get; private set; } = "";

    public TextSpan KeywordSpan { get; private set; }

    /// <summary>From the keyword to the end of the instruction, heredoc bodies and terminators included.</summary>
    public TextSpan Span { get; private set; }

    /// <summary>The BuildKit flags (<c>--mount=...</c>, <c>--from=...</c>...) in order.</summary>
    public IReadOnlyList<DockerFlag> Flags { get; private set; } = [];

    /// <summary>The text after the keyword and flags as logical text (continuations joined), trimmed.</summary>
    public string ArgumentsText { get; private set; } = "";

    /// <summary>The span of <see cref="ArgumentsText"/> (empty, after the keyword, when there are no arguments).</summary>
    public TextSpan ArgumentsSpan { get; private set; }

    /// <summary>
    /// The arguments split as BuildKit splits them for this instruction: JSON strings (decoded) for exec form,
    /// whitespace-separated words for FROM/COPY/ADD/EXPOSE/VOLUME/ARG, the whole text as one token for shell form
    /// and for WORKDIR/USER/STOPSIGNAL/MAINTAINER.
    /// </summary>
    public IReadOnlyList<DockerToken> Arguments { get; private set; } = [];

    public IReadOnlyList<DockerHeredoc> Heredocs { get; private set; } = [];

    /// <summary>The index of the stage the instruction belongs to, or -1 before the first FROM.</summary>
    public int StageIndex { get; private set; } = -1;

    /// <summary>True when an empty line interrupted the line continuation (BuildKit warns about it).</summary>
    public bool HasEmptyContinuationLine { get; private set; }

    /// <summary>True when the file ended in a line continuation (BuildKit accepts it and ends the instruction).</summary>
    public bool EndsWithContinuationAtEndOfFile { get; private set; }

    /// <summary>
    /// The ARG and ENV variables visible to this instruction, with their values (null for an ARG declared without a
    /// default, whose value comes from the build).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Variables { get; private set; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>The flag with this name (case-sensitive, as BuildKit), or null; the last one wins when repeated.</summary>
    public DockerFlag? GetFlag(string name)
    {
        // A loop, not LINQ: rules ask for flags of every instruction, and a lambda over the name allocates per call.
        var flags = Flags;
        for (int i = flags.Count - 1; i >= 0; i--)
        {
            if (flags[i].Name == name)
            {
                return flags[i];
            }
        }

        return null;
    }

    /// <summary>The escape character active for this instruction.</summary>
    public char EscapeCharacter { get; private set; } = '\\';

    /// <summary>
    /// Removes quotes and escapes from a word and expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>,
    /// <c>${VAR:+x}</c>... with the variables visible to this instruction.
    /// </summary>
    public ExpandedValue Expand(string raw) => VariableExpander.Expand(raw, EscapeCharacter, Variables);

    internal void SetCommon(DockerInstructionKind kind, string keyword, TextSpan keywordSpan, TextSpan span, IReadOnlyList<DockerFlag> flags, string argsText, TextSpan argsSpan, IReadOnlyList<DockerToken> args, IReadOnlyList<DockerHeredoc> heredocs, int stageIndex, bool hasEmpty, bool atEof, IReadOnlyDictionary<string, string?> variables, char escapeCharacter)
    {
        EscapeCharacter = escapeCharacter;
        Kind = kind;
        Keyword = keyword;
        KeywordSpan = keywordSpan;
        Span = span;
        Flags = ModelLists.Compact(flags);
        ArgumentsText = argsText;
        ArgumentsSpan = argsSpan;
        Arguments = ModelLists.Compact(args);
        Heredocs = ModelLists.Compact(heredocs);
        StageIndex = stageIndex;
        HasEmptyContinuationLine = hasEmpty;
        EndsWithContinuationAtEndOfFile = atEof;
        Variables = variables;
    }

    public override string ToString() => $"{Keyword} {ArgumentsText}";
}

/// <summary><c>FROM [--platform=...] image[:tag|@digest] [AS name]</c>.</summary>
public sealed class FromInstruction : DockerInstruction
{
    internal FromInstruction()
    {
    }

    /// <summary>The image word as written, or null when missing.</summary>
    public DockerToken? Image { get; internal init; }

    /// <summary>The image with global ARG defaults substituted.</summary>
    public ExpandedValue? ResolvedImage { get; internal init; }

    /// <summary>The parsed reference of <see cref="ResolvedImage"/> (best effort when not resolved).</summary>
    public ImageReference? ImageReference { get; internal init; }

    /// <summary>The index of an earlier stage whose name is the image (<c>FROM build AS test</c>), or null.</summary>
    public int? BaseStageIndex { get; internal init; }

    public DockerToken? AsKeyword { get; internal init; }

    /// <summary>The stage name as written.</summary>
    public DockerToken? Alias { get; internal init; }

    /// <summary>The stage name lower-cased (BuildKit lower-cases stage names), or null.</summary>
    public string? StageName => Alias?.Text.ToLowerInvariant();

    public DockerFlag? Platform => GetFlag("platform");
}

/// <summary><c>ARG name[=default] ...</c>.</summary>
public sealed class ArgInstruction : DockerInstruction
{
    internal ArgInstruction()
    {
    }

    public IReadOnlyList<DockerKeyValue> Declarations { get; internal init; } = [];

    /// <summary>True for an ARG before the first FROM.</summary>
    public bool IsGlobal => StageIndex < 0;
}

/// <summary>ENV and LABEL: <c>key=value ...</c> or the legacy <c>key value</c>.</summary>
public sealed class KeyValueInstruction : DockerInstruction
{
    internal KeyValueInstruction()
    {
    }

    public IReadOnlyList<DockerKeyValue> Pairs { get; internal init; } = [];

    /// <summary>True for the legacy form <c>ENV key value</c> (one pair, the value is the rest of the line).</summary>
    public bool IsLegacyForm { get; internal init; }
}

/// <summary>RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK: exec (JSON) form or shell form.</summary>
public sealed class CommandInstruction : DockerInstruction
{
    internal CommandInstruction()
    {
    }

    /// <summary>True for the JSON array form; <see cref="ExecArguments"/> holds the decoded strings.</summary>
    public bool IsExecForm { get; internal init; }

    /// <summary>The decoded JSON strings with the spans of their literals (quotes included); empty for shell form.</summary>
    public IReadOnlyList<DockerToken> ExecArguments { get; internal init; } = [];

    /// <summary>
    /// The shell-form command as logical text with its offset map, or null for exec form or no command. For RUN
    /// with heredocs that is not a bare <c>RUN &lt;&lt;EOF</c>, the heredoc bodies and terminators follow the
    /// command line after line breaks, as BuildKit passes them to the shell.
    /// </summary>
    public ShellSource? ShellCommand { get; internal init; }

    /// <summary>
    /// For RUN whose whole command is one heredoc (<c>RUN &lt;&lt;EOF</c>): that heredoc, whose body BuildKit
    /// runs as the script (with its shebang when it has one). Null otherwise.
    /// </summary>
    public DockerHeredoc? HeredocScript { get; internal init; }

    /// <summary>HEALTHCHECK only: the type word (<c>CMD</c> or <c>NONE</c>), or null.</summary>
    public DockerToken? HealthcheckType { get; internal init; }

    /// <summary>
    /// A fact of this instruction memoised on it by a higher layer (the parsed shell of a RUN, Semantics' <c>RunShell</c>):
    /// it lives exactly as long as the model, without the lock and the dependent handle per instruction that a
    /// <c>ConditionalWeakTable</c> costs. Set once, with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>.
    /// </summary>
    internal object? Memo;
}

/// <summary>COPY and ADD: sources (paths or heredoc markers) and a destination.</summary>
public sealed class CopyInstruction : DockerInstruction
{
    internal CopyInstruction()
    {
    }

    public bool IsJsonForm { get; internal init; }

    /// <summary>The source words (heredoc markers included), decoded for JSON form.</summary>
    public IReadOnlyList<DockerToken> Sources { get; internal init; } = [];

    /// <summary>The sources that are paths or URLs: <see cref="Sources"/> without the heredoc markers.</summary>
    /// <remarks>Worked out once: several rules and facts ask for every COPY.</remarks>
    public IReadOnlyList<DockerToken> SourcePaths => _sourcePaths ??= Heredocs.Count == 0 ? Sources : [.. Sources.Where(s => !Heredocs.Any(h => h.MarkerSpan == s.Span))];

    private IReadOnlyList<DockerToken>? _sourcePaths;

    public DockerToken? Destination { get; internal init; }

    /// <summary>COPY <c>--from</c>, or null.</summary>
    public DockerFlag? From => GetFlag("from");
}

/// <summary><c>ONBUILD &lt;instruction&gt;</c>.</summary>
public sealed class OnbuildInstruction : DockerInstruction
{
    internal OnbuildInstruction()
    {
    }

    /// <summary>The trigger instruction, or null when missing.</summary>
    public DockerInstruction? Trigger { get; internal init; }
}

/// <summary>
/// The flags BuildKit's Dockerfile frontend accepts per instruction. The parser keeps every flag it finds (a newer
/// BuildKit may accept more), so an unknown flag is for a rule to report, not a syntax error.
/// </summary>
public static class BuildKitFlags
{
    private static readonly Dictionary<DockerInstructionKind, string[]> Known = new()
    {
        [DockerInstructionKind.From] = ["platform"],
        [DockerInstructionKind.Run] = ["mount", "network", "security", "device"],
        [DockerInstructionKind.Copy] = ["chown", "from", "chmod", "link", "exclude", "parents"],
        [DockerInstructionKind.Add] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"],
        [DockerInstructionKind.Healthcheck] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    /// <summary>The flag names (without dashes) accepted by an instruction; empty for instructions that take none.</summary>
    public static IReadOnlyList<string> For(DockerInstructionKind kind) => Known.TryGetValue(kind, out string[]? names) ? names : [];

    /// <summary>True when BuildKit accepts this flag name on this instruction.</summary>
    public static bool IsKnown(DockerInstructionKind kind, string name) => For(kind).Contains(name, StringComparer.Ordinal);
}
