using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Procfile;

/// <summary>One <c>name: command</c> line of a Procfile.</summary>
public sealed record ProcfileEntry(string Name, TextSpan NameSpan, string Command, TextSpan CommandSpan, TextSpan Span)
{
    // Per entry instance (not a field: it would take part in the record's equality).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProcfileEntry, ParseResult<ShellScript>> Parsed = [];

    /// <summary>The shell parse of <see cref="Command"/>, done once and shared by every rule and fact that reads the entry.</summary>
    public ParseResult<ShellScript> ParseCommand() => Parsed.GetValue(this, e => ShellParser.Parse(new SourceText(e.Command)));
}

/// <summary>A line that is not <c>name: command</c>, a comment or blank.</summary>
public sealed record ProcfileInvalidLine(string Text, TextSpan Span, string Reason);

/// <summary>A parsed Procfile (Heroku, foreman, honcho, Fly's Procfile-based launchers).</summary>
public sealed class ProcfileDocument : ISyntaxModel
{
    internal ProcfileDocument(SourceText text, IReadOnlyList<ProcfileEntry> entries, IReadOnlyList<ProcfileInvalidLine> invalidLines, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Entries = entries;
        InvalidLines = invalidLines;
        Comments = comments;
    }

    public SourceText Text { get; }

    /// <summary>The process types in order, duplicates included.</summary>
    public IReadOnlyList<ProcfileEntry> Entries { get; }

    public IReadOnlyList<ProcfileInvalidLine> InvalidLines { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>The first entry with this process name.</summary>
    public ProcfileEntry? Get(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>Later entries whose name was already used, each paired with the first one.</summary>
    public IReadOnlyList<(ProcfileEntry First, ProcfileEntry Duplicate)> Duplicates =>
        [.. Entries.GroupBy(e => e.Name, StringComparer.Ordinal).SelectMany(g => g.Skip(1).Select(d => (g.First(), d)))];
}

/// <summary>
/// Parses a Procfile: each line is <c>name: command</c> where the name is letters, digits, <c>_</c> or <c>-</c>
/// (foreman's rule). Lines starting with <c>#</c> are comments. Other non-blank lines are kept as invalid lines,
/// not errors, because Heroku and foreman skip them.
/// </summary>
public static class ProcfileParser
{
    public static ParseResult<ProcfileDocument> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ProcfileEntry>();
        var invalid = new List<ProcfileInvalidLine>();
        var comments = new List<SyntaxComment>();
        string s = text.Content;
        for (int line = 1; line <= text.LineCount; line++)
        {
            int start = text.GetLineStart(line);
            int end = text.GetLineEnd(line);
            int i = start;
            while (i < end && IsBlank(s[i]))
            {
                i++;
            }

            int trimmedEnd = end;
            while (trimmedEnd > i && IsBlank(s[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            if (i == trimmedEnd)
            {
                continue;
            }

            if (s[i] == '#')
            {
                comments.Add(new SyntaxComment(TextSpan.FromBounds(i, trimmedEnd), s[(i + 1)..trimmedEnd].Trim()));
                continue;
            }

            int nameStart = i;
            while (i < trimmedEnd && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-'))
            {
                i++;
            }

            int nameEnd = i;
            int colon = i;
            while (colon < trimmedEnd && IsBlank(s[colon]))
            {
                colon++;
            }

            if (nameEnd == nameStart || colon >= trimmedEnd || s[colon] != ':')
            {
                var span = TextSpan.FromBounds(nameStart, trimmedEnd);
                const string reason = "This line is not 'name: command' (a process name is letters, digits, '_' or '-', followed by ':').";
                invalid.Add(new ProcfileInvalidLine(text.GetText(span), span, reason));
                continue;
            }

            int commandStart = colon + 1;
            while (commandStart < trimmedEnd && IsBlank(s[commandStart]))
            {
                commandStart++;
            }

            var commandSpan = TextSpan.FromBounds(commandStart, trimmedEnd);
            entries.Add(new ProcfileEntry(s[nameStart..nameEnd], TextSpan.FromBounds(nameStart, nameEnd), text.GetText(commandSpan), commandSpan, TextSpan.FromBounds(nameStart, trimmedEnd)));
        }

        return ParseResult<ProcfileDocument>.Success(new ProcfileDocument(text, entries, invalid, comments));
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\ufeff';
}
