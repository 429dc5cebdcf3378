using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>Line-level edits the rules' fixes share: deleting whole lines and inserting one, in the file's own line breaks and indentation.</summary>
internal static class FixEdits
{
    /// <summary>
    /// Deletes lines <paramref name="firstLine"/>..<paramref name="lastLine"/> with their line breaks. When they end the
    /// file without a final line break, the line break before them goes instead, so the file keeps ending as it did.
    /// </summary>
    public static TextEdit DeleteLines(SourceText text, int firstLine, int lastLine)
    {
        int start = text.GetLineStart(firstLine);
        int end = text.GetLineEndIncludingBreak(lastLine);
        if (end == text.Length && text.GetLineEnd(lastLine) == end && firstLine > 1)
        {
            start = text.GetLineEnd(firstLine - 1);
        }

        return TextEdit.Delete(text, TextSpan.FromBounds(start, end));
    }

    /// <summary>Inserts <paramref name="content"/> as a new line before <paramref name="line"/>, indented as that line is.</summary>
    public static TextEdit InsertLineBefore(SourceText text, int line, string content)
    {
        int start = text.GetLineStart(line);
        return TextEdit.Insert(text, start, Indentation(text, line) + content + text.NewLine);
    }

    /// <summary>Inserts <paramref name="content"/> as a new line after <paramref name="line"/> (adding a line break when the line has none).</summary>
    public static TextEdit InsertLineAfter(SourceText text, int line, string content)
    {
        int end = text.GetLineEndIncludingBreak(line);
        return end == text.GetLineEnd(line)
            ? TextEdit.Insert(text, end, text.NewLine + content)
            : TextEdit.Insert(text, end, content + text.NewLine);
    }

    /// <summary>The spaces and tabs that start a line.</summary>
    public static string Indentation(SourceText text, int line)
    {
        string content = text.GetLineText(line);
        int i = 0;
        while (i < content.Length && content[i] is ' ' or '\t')
        {
            i++;
        }

        return content[..i];
    }

    /// <summary>True when only spaces and tabs precede <paramref name="offset"/> on its line.</summary>
    public static bool StartsLine(SourceText text, int offset)
    {
        int start = text.GetLineStart(text.GetPosition(offset).Line);
        return text.Content.AsSpan(start, offset - start).Trim(" \t").IsEmpty;
    }

    /// <summary>True when only spaces, tabs or a <c>#</c> comment follow <paramref name="offset"/> on its line.</summary>
    public static bool EndsLine(SourceText text, int offset)
    {
        int end = text.GetLineEnd(text.GetPosition(offset).Line);
        var rest = text.Content.AsSpan(offset, Math.Max(0, end - offset)).TrimStart(" \t");
        return rest.IsEmpty || rest[0] == '#';
    }

    /// <summary>
    /// Deletes the lines holding <paramref name="start"/>..<paramref name="end"/> (a YAML entry, a list item) when nothing
    /// else is on them: only indentation before it (and the item's <c>-</c> for <paramref name="sequenceItem"/>), only
    /// spaces or a comment after it. Null when the lines hold something else (flow style, a key after <c>- </c>).
    /// </summary>
    public static TextEdit? DeleteBlockLines(SourceText text, int start, int end, bool sequenceItem)
    {
        int firstLine = text.GetPosition(start).Line;
        int lineStart = text.GetLineStart(firstLine);
        var before = text.Content.AsSpan(lineStart, start - lineStart).Trim(" \t");
        if (sequenceItem ? !before.SequenceEqual("-") : !before.IsEmpty)
        {
            return null;
        }

        int lastLine = text.GetPosition(Math.Max(start, end - 1)).Line;
        int lineEnd = text.GetLineEnd(lastLine);
        if (end < lineEnd)
        {
            var rest = text.Content.AsSpan(end, lineEnd - end).TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] != '#')
            {
                return null;
            }
        }

        return DeleteLines(text, firstLine, lastLine);
    }
}
