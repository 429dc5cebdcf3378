using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>One piece of a <see cref="ShellWord"/>. <see cref="Span"/> covers the piece in the source, quotes included.</summary>
public abstract record ShellWordPart(TextSpan Span)
{
    /// <summary>The part's contribution to <see cref="ShellWord.Value"/>: unquoted literal text, or the expansion verbatim.</summary>
    public abstract string Value { get; }
}

/// <summary>Literal text, quotes and escapes removed. <see cref="IsQuoted"/> when it came from quotes or a backslash escape.</summary>
public sealed record ShellLiteralPart(TextSpan Span, string Text, bool IsQuoted) : ShellWordPart(Span)
{
    public override string Value => Text;
}

/// <summary>
/// A parameter expansion: <c>$VAR</c>, <c>$1</c>, <c>$@</c>, <c>${VAR:-default}</c>. <see cref="Name"/> is the parameter
/// name (<c>VAR</c>, <c>1</c>, <c>@</c>); <see cref="Text"/> the expansion verbatim. <see cref="Nested"/> holds expansions
/// inside a braced form (<c>${A:-$(cmd)}</c>).
/// </summary>
public sealed record ShellVariablePart(TextSpan Span, string Name, string Text, bool IsBraced, bool IsQuoted, IReadOnlyList<ShellWordPart> Nested) : ShellWordPart(Span)
{
    public override string Value => Text;
}

/// <summary>How a command substitution is written.</summary>
public enum ShellSubstitutionKind
{
    /// <summary><c>$(...)</c></summary>
    Dollar,

    /// <summary><c>`...`</c></summary>
    Backtick,

    /// <summary><c>&lt;(...)</c></summary>
    ProcessInput,

    /// <summary><c>&gt;(...)</c></summary>
    ProcessOutput,
}

/// <summary>A command substitution or process substitution with its parsed body.</summary>
public sealed record ShellCommandSubstitutionPart(TextSpan Span, string Text, ShellCommandList Body, ShellSubstitutionKind Kind, bool IsQuoted) : ShellWordPart(Span)
{
    public override string Value => Text;
}

/// <summary>An arithmetic expansion <c>$((...))</c>; <see cref="Expression"/> is the text between the parentheses.</summary>
public sealed record ShellArithmeticPart(TextSpan Span, string Text, string Expression, bool IsQuoted) : ShellWordPart(Span)
{
    public override string Value => Text;
}

/// <summary>An unquoted glob: <c>*</c>, <c>?</c>, a bracket expression <c>[a-z]</c> or an extended glob <c>@(a|b)</c>.</summary>
public sealed record ShellGlobPart(TextSpan Span, string Pattern) : ShellWordPart(Span)
{
    public override string Value => Pattern;
}

/// <summary>The element list of an array assignment <c>a=(1 2 3)</c>; <see cref="Text"/> is verbatim, parentheses included.</summary>
public sealed record ShellArrayPart(TextSpan Span, string Text, IReadOnlyList<ShellWord> Elements) : ShellWordPart(Span)
{
    public override string Value => Text;
}

/// <summary>
/// A shell word. <see cref="Value"/> has quotes and escapes removed while expansions stay verbatim
/// (<c>"$HOME/x"</c> gives <c>$HOME/x</c>, <c>$(date)</c> stays <c>$(date)</c>).
/// </summary>
public sealed class ShellWord
{
    /// <summary>A plain word: one unquoted literal, exactly the source text.</summary>
    internal ShellWord(TextSpan span, string text)
    {
        Span = span;
        Text = text;
        Value = text;
    }

    internal ShellWord(TextSpan span, string text, IReadOnlyList<ShellWordPart> parts, bool isQuoted)
    {
        Span = span;
        // A plain word's text is its one literal part's text: one string kept, not two equal ones.
        Text = parts is [ShellLiteralPart { IsQuoted: false } literal] && literal.Text == text ? literal.Text : text;
        IReadOnlyList<ShellWordPart> compact = ModelLists.Compact(parts);
        IsQuoted = isQuoted;
        int count = compact.Count;
        int valueLength = 0;
        for (int i = 0; i < count; i++)
        {
            ShellWordPart part = compact[i];
            valueLength += part.Value.Length;
            switch (part)
            {
                case ShellCommandSubstitutionPart:
                    HasExpansion = true;
                    _hasSubstitutions = true;
                    break;
                case ShellVariablePart variable:
                    HasExpansion = true;
                    _hasSubstitutions |= variable.Nested.Count > 0 && ContainsSubstitution(variable.Nested);
                    break;
                case ShellArithmeticPart:
                    HasExpansion = true;
                    break;
                case ShellGlobPart:
                    HasGlob = true;
                    break;
                case ShellArrayPart array:
                    foreach (ShellWord element in array.Elements)
                    {
                        HasExpansion |= element.HasExpansion;
                        _hasSubstitutions |= element._hasSubstitutions;
                    }

                    break;
            }
        }

        Value = count == 1 ? compact[0].Value : Concat(compact, valueLength);

        // Most words are one unquoted literal spanning the word: their part is made again when asked for.
        _parts = compact is [ShellLiteralPart { IsQuoted: false } plain] && plain.Span == span && ReferenceEquals(plain.Text, Text) ? null : compact;
    }

    private IReadOnlyList<ShellWordPart>? _parts;

    private static string Concat(IReadOnlyList<ShellWordPart> parts, int length) =>
        length == 0 ? "" : string.Create(length, parts, static (destination, parts) =>
        {
            for (int i = 0; i < parts.Count; i++)
            {
                string value = parts[i].Value;
                value.CopyTo(destination);
                destination = destination[value.Length..];
            }
        });

    // False for most words: then CommandSubstitutions is empty without walking the parts.
    private readonly bool _hasSubstitutions;

    /// <summary>True when <see cref="CommandSubstitutions"/> is not empty.</summary>
    internal bool HasSubstitutions => _hasSubstitutions;

    /// <summary>The source span of the word, quotes included.</summary>
    public TextSpan Span { get; }

    /// <summary>The word exactly as written in the source.</summary>
    public string Text { get; }

    /// <summary>The word with quotes and escapes removed and expansions kept verbatim.</summary>
    public string Value { get; }

    public IReadOnlyList<ShellWordPart> Parts => _parts ??= [new ShellLiteralPart(Span, Text, false)];

    /// <summary>True when any part of the word is quoted or backslash-escaped.</summary>
    public bool IsQuoted { get; }

    /// <summary>True when the word contains a parameter, command or arithmetic expansion.</summary>
    public bool HasExpansion { get; }

    /// <summary>True when the word contains an unquoted glob.</summary>
    public bool HasGlob { get; }

    /// <summary>True when the word's value is fixed text: no expansion and no glob.</summary>
    public bool IsLiteral => !HasExpansion && !HasGlob;

    /// <summary>When the word has the form <c>NAME=value</c> (or <c>NAME+=value</c>, <c>NAME=(...)</c>), that assignment.</summary>
    public ShellAssignment? Assignment { get; internal set; }

    /// <summary>Every command substitution in the word, nested ones in <c>${...}</c> included, in source order.</summary>
    public IEnumerable<ShellCommandSubstitutionPart> CommandSubstitutions => _hasSubstitutions ? EnumerateSubstitutions(Parts) : [];

    internal static bool ContainsSubstitution(IReadOnlyList<ShellWordPart> parts)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case ShellCommandSubstitutionPart:
                    return true;
                case ShellVariablePart { Nested.Count: > 0 } variable when ContainsSubstitution(variable.Nested):
                    return true;
                case ShellArrayPart array when array.Elements.Any(e => e._hasSubstitutions):
                    return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;

    internal static IEnumerable<ShellCommandSubstitutionPart> EnumerateSubstitutions(IReadOnlyList<ShellWordPart> parts)
    {
        foreach (ShellWordPart part in parts)
        {
            switch (part)
            {
                case ShellCommandSubstitutionPart substitution:
                    yield return substitution;
                    break;
                case ShellVariablePart variable:
                    foreach (ShellCommandSubstitutionPart nested in EnumerateSubstitutions(variable.Nested))
                    {
                        yield return nested;
                    }

                    break;
                case ShellArrayPart array:
                    foreach (ShellWord element in array.Elements)
                    {
                        foreach (ShellCommandSubstitutionPart nested in EnumerateSubstitutions(element.Parts))
                        {
                            yield return nested;
                        }
                    }

                    break;
            }
        }
    }
}

/// <summary>
/// A variable assignment <c>NAME=value</c>. <see cref="Value"/> is the word after <c>=</c> (empty for <c>NAME=</c>);
/// for an array assignment <see cref="ArrayElements"/> lists the elements.
/// </summary>
public sealed record ShellAssignment(TextSpan Span, string Name, TextSpan NameSpan, ShellWord Value, bool IsAppend, IReadOnlyList<ShellWord>? ArrayElements)
{
    public bool IsArray => ArrayElements is not null;
}
