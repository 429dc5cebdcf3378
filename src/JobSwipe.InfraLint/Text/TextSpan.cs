namespace JobSwipe.InfraLint.Text;

/// <summary>A range of UTF-16 code units in a <see cref="SourceText"/>: start inclusive, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A 1-based line and column (the column counts UTF-16 code units, a tab is one column).</summary>
public readonly record struct LinePosition(int Line, int Column) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public override string ToString() => $"{Line},{Column}";
}

/// <summary>
/// A 1-based range of lines and columns. <see cref="End"/> is exclusive: it is the position just after the
/// last character, as SARIF's endColumn and Visual Studio's error list expect.
/// </summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End)
{
    public static LinePositionSpan FromLine(int line, int column, int endColumn) => new(new LinePosition(line, column), new LinePosition(line, endColumn));

    public override string ToString() => $"({Start.Line},{Start.Column})-({End.Line},{End.Column})";
}
