using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>A parsed Dockerfile: parser directives, instructions in order, global ARGs and build stages.</summary>
public sealed class DockerfileDocument : ISyntaxModel
{
    internal DockerfileDocument(
        SourceText text,
        IReadOnlyList<SyntaxComment> comments,
        IReadOnlyList<DockerfileDirective> directives,
        char escapeCharacter,
        IReadOnlyList<DockerInstruction> instructions,
        IReadOnlyList<ArgInstruction> globalArgs,
        IReadOnlyList<DockerStage> stages)
    {
        Text = text;
        Comments = comments;
        Directives = directives;
        EscapeCharacter = escapeCharacter;
        Instructions = instructions;
        GlobalArgs = globalArgs;
        Stages = stages;
    }

    public SourceText Text { get; }

    /// <summary>Comment lines (parser directives excluded), including those inside line continuations.</summary>
    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>The parser directives (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>) at the top of the file.</summary>
    public IReadOnlyList<DockerfileDirective> Directives { get; }

    /// <summary>The active escape character: <c>\</c> or <c>`</c>.</summary>
    public char EscapeCharacter { get; }

    /// <summary>Every instruction in file order (ONBUILD triggers are nested in their ONBUILD instruction).</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>ARG instructions before the first FROM.</summary>
    public IReadOnlyList<ArgInstruction> GlobalArgs { get; }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>
    /// A slot for one fact that a later layer works out once per model (the COPY sources a build context is checked
    /// against): it lives exactly as long as the model. Set once, with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>.
    /// </summary>
    internal object? Memo;

    /// <summary>The last stage (the one built by default), or null when there is no FROM.</summary>
    public DockerStage? FinalStage => Stages.Count > 0 ? Stages[^1] : null;

    /// <summary>The directive with this name (case-insensitive), or null.</summary>
    public DockerfileDirective? GetDirective(string name) => Directives.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stage with this name (case-insensitive) or numeric index, or null.</summary>
    public DockerStage? FindStage(string nameOrIndex)
    {
        foreach (DockerStage stage in Stages)
        {
            if (stage.Name is not null && string.Equals(stage.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < Stages.Count ? Stages[index] : null;
    }

    /// <summary>
    /// The stage, then the earlier stage it is based on (<c>FROM build AS test</c>), and so on to the stage whose FROM
    /// names an image: the one walk of stage lineage.
    /// </summary>
    /// <remarks>Worked out once per stage (rules and facts walk it for every stage) and kept with the model.</remarks>
    public IEnumerable<DockerStage> Lineage(DockerStage stage) => LineageOf(stage);

    private IReadOnlyList<DockerStage> LineageOf(DockerStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var lineages = _lineages ??= new IReadOnlyList<DockerStage>?[Stages.Count];
        if (stage.Index < lineages.Length && ReferenceEquals(Stages[stage.Index], stage))
        {
            return lineages[stage.Index] ??= WalkLineage(stage);
        }

        return WalkLineage(stage);
    }

    // Written by whichever rule asks first; two threads asking at once compute equal lists and one is kept.
    private IReadOnlyList<DockerStage>?[]? _lineages;

    private DockerStage[] WalkLineage(DockerStage stage)
    {
        var lineage = new List<DockerStage>(2);
        DockerStage? current = stage;
        while (current is not null && !lineage.Exists(s => s.Index == current.Index))
        {
            lineage.Add(current);
            current = current.From.BaseStageIndex is int b && b >= 0 && b < Stages.Count && b != current.Index ? Stages[b] : null;
        }

        return [.. lineage];
    }

    /// <summary>The stage the image is finally built from, then the stages it inherits from; empty without a FROM.</summary>
    public IReadOnlyList<DockerStage> FinalLineage() => FinalStage is { } final ? LineageOf(final) : [];

    /// <summary>The FROM of the stage's root (the last stage of its lineage): it names an external image (or scratch).</summary>
    public FromInstruction RootFrom(DockerStage stage) => LineageOf(stage)[^1].From;

    /// <summary>The instructions in effect for a stage, newest first: its own, then those of the stages it is based on.</summary>
    public IEnumerable<DockerInstruction> InheritedNewestFirst(DockerStage stage)
    {
        foreach (DockerStage s in LineageOf(stage))
        {
            for (int i = s.Instructions.Count - 1; i >= 0; i--)
            {
                yield return s.Instructions[i];
            }
        }
    }

    /// <summary>The instructions of a stage preceded by those of the stages it is built <c>FROM</c>, oldest first (a stage inherits WORKDIR, files, CMD and ENTRYPOINT).</summary>
    public IReadOnlyList<DockerInstruction> InheritedInOrder(DockerStage stage) => [.. Lineage(stage).Reverse().SelectMany(s => s.Instructions)];
}

/// <summary>A parser directive such as <c># escape=`</c>. <see cref="Name"/> is lower case.</summary>
public sealed record DockerfileDirective(string Name, TextSpan NameSpan, string Value, TextSpan ValueSpan, TextSpan Span);

/// <summary>A build stage: its FROM and the instructions up to the next FROM.</summary>
public sealed class DockerStage
{
    internal DockerStage(int index, FromInstruction from, IReadOnlyList<DockerInstruction> instructions, TextSpan span)
    {
        Index = index;
        From = from;
        Instructions = instructions;
        Span = span;
    }

    /// <summary>0-based position of the stage in the file.</summary>
    public int Index { get; }

    public FromInstruction From { get; }

    /// <summary>The stage name from <c>AS name</c> (lower-cased as BuildKit does), or null.</summary>
    public string? Name => From.StageName;

    /// <summary>The instructions after the FROM, in order.</summary>
    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>From the FROM keyword to the end of the stage's last instruction.</summary>
    public TextSpan Span { get; }
}

/// <summary>The instruction keywords known to BuildKit.</summary>
public enum DockerInstructionKind
{
    Unknown,
    From,
    Run,
    Cmd,
    Entrypoint,
    Shell,
    Healthcheck,
    Copy,
    Add,
    Env,
    Arg,
    Label,
    Expose,
    Workdir,
    User,
    Volume,
    StopSignal,
    Maintainer,
    Onbuild,
}

/// <summary>A word of an instruction: <see cref="Text"/> as written (continuations removed) and its span in the file.</summary>
public sealed record DockerToken(string Text, TextSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>A key/value option inside a flag value, such as <c>target=/root/.cache</c> in <c>--mount=type=cache,target=/root/.cache</c>.</summary>
public sealed record DockerFlagOption(string Key, TextSpan KeySpan, string? Value, TextSpan? ValueSpan);

/// <summary>A BuildKit flag such as <c>--mount=type=cache,target=/x</c> or <c>--link</c>.</summary>
public sealed class DockerFlag
{
    internal DockerFlag(string name, TextSpan nameSpan, string? value, TextSpan? valueSpan, TextSpan span, IReadOnlyList<DockerFlagOption> options)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
        ValueSpan = valueSpan;
        Span = span;
        Options = options;
    }

    /// <summary>The flag name without the leading dashes, as written (e.g. <c>mount</c>).</summary>
    public string Name { get; }

    /// <summary>The span of the name (without the dashes).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The value after <c>=</c> with quotes and escapes removed, or null when there is no <c>=</c>.</summary>
    public string? Value { get; }

    /// <summary>The span of the value as written, or null when there is no <c>=</c>.</summary>
    public TextSpan? ValueSpan { get; }

    /// <summary>The whole flag, dashes included.</summary>
    public TextSpan Span { get; }

    /// <summary>The comma-separated <c>key=value</c> options of the value (<c>--mount</c>, <c>--secret</c>...); empty when there is no value.</summary>
    public IReadOnlyList<DockerFlagOption> Options { get; }

    /// <summary>The value of an option (case-insensitive key), or null.</summary>
    public string? GetOption(string key) => Options.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;

    public override string ToString() => Value is null ? "--" + Name : $"--{Name}={Value}";
}

/// <summary>A heredoc attached to RUN, COPY or ADD.</summary>
public sealed class DockerHeredoc
{
    internal DockerHeredoc(string name, TextSpan markerSpan, bool isQuoted, bool stripsLeadingTabs, int? fileDescriptor, string content, TextSpan contentSpan, TextSpan? terminatorSpan, ShellSource body)
    {
        Name = name;
        MarkerSpan = markerSpan;
        IsQuoted = isQuoted;
        StripsLeadingTabs = stripsLeadingTabs;
        FileDescriptor = fileDescriptor;
        Content = content;
        ContentSpan = contentSpan;
        TerminatorSpan = terminatorSpan;
        Body = body;
    }

    /// <summary>The delimiter word, quotes removed (e.g. <c>EOF</c>).</summary>
    public string Name { get; }

    /// <summary>The span of the marker word, e.g. <c>&lt;&lt;-"EOF"</c>.</summary>
    public TextSpan MarkerSpan { get; }

    /// <summary>True when the delimiter is quoted (<c>&lt;&lt;'EOF'</c>): the body is not expanded.</summary>
    public bool IsQuoted { get; }

    /// <summary>True for <c>&lt;&lt;-EOF</c>: leading tabs are stripped from the body and the terminator.</summary>
    public bool StripsLeadingTabs { get; }

    public int? FileDescriptor { get; }

    /// <summary>The body exactly as in the file (line breaks kept, tabs not stripped), terminator excluded.</summary>
    public string Content { get; }

    /// <summary>The span of the body lines.</summary>
    public TextSpan ContentSpan { get; }

    /// <summary>The span of the terminator line's delimiter, or null when the heredoc is unterminated.</summary>
    public TextSpan? TerminatorSpan { get; }

    /// <summary>The body as BuildKit uses it (leading tabs stripped for <c>&lt;&lt;-</c>), mapped to its lines.</summary>
    public ShellSource Body { get; }
}

/// <summary>A key with an optional value in ENV, LABEL or ARG.</summary>
public sealed class DockerKeyValue
{
    internal DockerKeyValue(string key, TextSpan keySpan, string? rawValue, TextSpan? valueSpan, string? value, ExpandedValue? resolved, TextSpan span)
    {
        Key = key;
        KeySpan = keySpan;
        RawValue = rawValue;
        ValueSpan = valueSpan;
        Value = value;
        Resolved = resolved;
        Span = span;
    }

    /// <summary>The key as written.</summary>
    public string Key { get; }

    public TextSpan KeySpan { get; }

    /// <summary>The value as written (quotes kept), or null for <c>ARG NAME</c> without a default.</summary>
    public string? RawValue { get; }

    /// <summary>The span of the value as written, or null when there is no value. An empty value (<c>A=</c>) has an empty span after the <c>=</c>.</summary>
    public TextSpan? ValueSpan { get; }

    /// <summary>The value with quotes and escapes removed, variables not expanded.</summary>
    public string? Value { get; }

    /// <summary>The value with variables expanded from the ARG/ENV values known at this point, or null when there is no value.</summary>
    public ExpandedValue? Resolved { get; }

    public TextSpan Span { get; }

    public override string ToString() => RawValue is null ? Key : $"{Key}={RawValue}";
}

/// <summary>
/// The result of expanding variables in a word. <see cref="IsResolved"/> is false when a variable had no known
/// value (declared without default, set by the base image, or unknown) or used an operator the resolver does not
/// evaluate; <see cref="Value"/> is then a best effort (defaults applied, unknown references kept as written).
/// </summary>
public sealed record ExpandedValue(string Raw, string Value, bool IsResolved, IReadOnlyList<string> UnresolvedVariables)
{
    public override string ToString() => Value;
}
