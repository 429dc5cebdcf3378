using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// Whether applying a fix keeps the file's behaviour apart from the finding it removes (<see cref="Safe"/>), or may
/// change it (<see cref="Unsafe"/>: applied only when asked, with <c>--unsafe-fixes</c>). The terms are ruff's.
/// </summary>
public enum FixApplicability
{
    Safe,
    Unsafe,
}

/// <summary>What a rule's findings can offer, declared on its descriptor: no fix, a safe fix, or only an unsafe one.</summary>
/// <remarks>
/// <see cref="Safe"/> means the rule's fixes are safe where the rule can offer one; a rule page says when a particular
/// finding's fix is unsafe instead (duplicate keys with different values, for one) or when no fix is offered.
/// </remarks>
public enum FixAvailability
{
    None,
    Safe,
    Unsafe,
}

public static class FixApplicabilityExtensions
{
    public static string ToDisplayString(this FixApplicability applicability) => applicability == FixApplicability.Safe ? "safe" : "unsafe";

    public static string ToDisplayString(this FixAvailability availability) => availability switch
    {
        FixAvailability.Safe => "safe",
        FixAvailability.Unsafe => "unsafe",
        _ => "none",
    };

    public static bool TryParse(string? text, out FixApplicability applicability)
    {
        applicability = text == "unsafe" ? FixApplicability.Unsafe : FixApplicability.Safe;
        return text is "safe" or "unsafe";
    }
}

/// <summary>
/// One replacement in a file's text: <see cref="Span"/> is in UTF-16 offsets of the text the rule saw (a BOM excluded),
/// <see cref="Range"/> the same place in lines and columns (for SARIF). An empty span inserts, an empty text deletes.
/// </summary>
public sealed record TextEdit(TextSpan Span, LinePositionSpan Range, string NewText)
{
    public static TextEdit Replace(SourceText text, TextSpan span, string newText)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextEdit(span, text.GetSpan(span), newText);
    }

    public static TextEdit Insert(SourceText text, int offset, string newText) => Replace(text, new TextSpan(offset, 0), newText);

    public static TextEdit Delete(SourceText text, TextSpan span) => Replace(text, span, string.Empty);

    /// <summary>True when the two edits touch the same text, or insert at the same place (their order would be a guess).</summary>
    public bool Overlaps(TextEdit other) =>
        Span.Start < other.Span.End && other.Span.Start < Span.End
        || Span.Start == other.Span.Start && (Span.IsEmpty || other.Span.IsEmpty)
        || Span.IsEmpty && Span.Start > other.Span.Start && Span.Start < other.Span.End
        || other.Span.IsEmpty && other.Span.Start > Span.Start && other.Span.Start < Span.End;
}

/// <summary>
/// A fix a rule offers for one finding: text edits on one file, or a file-mode change (the execute bit, as
/// <c>git update-index --chmod=+x</c> and <c>chmod +x</c>). <see cref="Path"/> is relative to the linted root and may
/// differ from the finding's file (a script called by a Dockerfile gets its own mode fixed). A fix never invents a fact:
/// it only rearranges or removes what the file says, or adds what the rule's message names.
/// </summary>
public sealed class Fix
{
    private Fix(string title, FixApplicability applicability, string path, IReadOnlyList<TextEdit> edits, bool makesExecutable)
    {
        Title = DisplayText.Escape(title);
        Applicability = applicability;
        Path = path;
        Edits = edits;
        MakesExecutable = makesExecutable;
    }

    /// <summary>What the fix does, in a few words ("replace ADD with COPY"); control characters quoted from a file are escaped.</summary>
    public string Title { get; }

    public FixApplicability Applicability { get; }

    public string Path { get; }

    /// <summary>The edits, in source order, none overlapping another; empty for a mode change.</summary>
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>True for a mode change: make the file executable.</summary>
    public bool MakesExecutable { get; }

    public bool IsSafe => Applicability == FixApplicability.Safe;

    public static Fix Create(string title, FixApplicability applicability, string path, params TextEdit[] edits) => Create(title, applicability, path, (IEnumerable<TextEdit>)edits);

    public static Fix Create(string title, FixApplicability applicability, string path, IEnumerable<TextEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var sorted = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A text fix needs at least one edit.", nameof(edits));
        }

        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Overlaps(sorted[i - 1]))
            {
                throw new ArgumentException($"The edits of a fix overlap ({sorted[i - 1].Span} and {sorted[i].Span}).", nameof(edits));
            }
        }

        return new Fix(title, applicability, path, sorted, makesExecutable: false);
    }

    public static Fix MakeExecutable(string title, FixApplicability applicability, string path) => new(title, applicability, path, [], makesExecutable: true);

    /// <summary>Applies text edits to <paramref name="content"/> (the edits must not overlap); the result of a fix or of several.</summary>
    public static string Apply(string content, IEnumerable<TextEdit> edits)
    {
        var builder = new System.Text.StringBuilder(content.Length + 64);
        int position = 0;
        foreach (TextEdit edit in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
        {
            if (edit.Span.Start < position || edit.Span.End > content.Length)
            {
                throw new ArgumentException($"Edit {edit.Span} overlaps another or lies outside the text.", nameof(edits));
            }

            builder.Append(content, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }

        return builder.Append(content, position, content.Length - position).ToString();
    }

    public override string ToString() => $"{Applicability.ToDisplayString()} fix '{Title}' on {Path}";
}
