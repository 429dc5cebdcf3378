namespace JobSwipe.InfraLint.Text;

/// <summary>
/// The text of one file with a line map. Offsets are UTF-16 code unit offsets into <see cref="Content"/>;
/// lines and columns are 1-based, a tab counts as one column, as MSBuild and Visual Studio expect.
/// Line breaks are "\n", "\r\n" and a lone "\r".
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string content)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        _lineStarts = ComputeLineStarts(content);
    }

    public string Content { get; }

    public int Length => Content.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int offset] => Content[offset];

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];

    /// <summary>Offset just past the last character of a 1-based line, line break excluded.</summary>
    public int GetLineEnd(int line)
    {
        int index = Math.Clamp(line, 1, _lineStarts.Length) - 1;
        int end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Content.Length;
        while (end > _lineStarts[index] && (Content[end - 1] == '\n' || Content[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }

    /// <summary>Offset just past a 1-based line's line break (the next line's start, or the end of the text).</summary>
    public int GetLineEndIncludingBreak(int line)
    {
        int index = Math.Clamp(line, 1, _lineStarts.Length) - 1;
        return index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Content.Length;
    }

    /// <summary>The text's line break as its first line shows it ("\r\n", "\r" or "\n"); "\n" for a text without one.</summary>
    public string NewLine
    {
        get
        {
            if (_lineStarts.Length < 2)
            {
                return "\n";
            }

            int end = _lineStarts[1];
            return end >= 2 && Content[end - 2] == '\r' && Content[end - 1] == '\n' ? "\r\n" : Content[end - 1] == '\r' ? "\r" : "\n";
        }
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLineText(int line) => Content[GetLineStart(line)..GetLineEnd(line)];

    /// <summary>The 1-based line and column of an offset (an offset equal to the length maps past the last character).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Content.Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The offset of a 1-based line and column, clamped to the text.</summary>
    public int GetOffset(LinePosition position)
    {
        int start = GetLineStart(position.Line);
        return Math.Clamp(start + position.Column - 1, 0, Content.Length);
    }

    /// <summary>The line span of an offset range.</summary>
    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(Math.Max(start, end)));

    public LinePositionSpan GetSpan(TextSpan span) => GetSpan(span.Start, span.End);

    public string GetText(TextSpan span) => AsSpan(span).ToString();

    /// <summary>The characters of <paramref name="span"/> (clamped to the text, as <see cref="GetText"/>) without copying them.</summary>
    public ReadOnlySpan<char> AsSpan(TextSpan span)
    {
        int start = Math.Clamp(span.Start, 0, Content.Length);
        return Content.AsSpan(start, Math.Clamp(span.Length, 0, Content.Length - start));
    }

    private static int[] ComputeLineStarts(string content)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (c == '\r')
            {
                if (i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
