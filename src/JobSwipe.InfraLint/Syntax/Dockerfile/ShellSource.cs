using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>
/// A shell command taken out of a Dockerfile as <em>logical text</em>: line continuations joined, comment and
/// empty lines inside the continuation removed (as Docker does), with a map from every logical offset back to
/// its offset in the Dockerfile. A shell parse of <see cref="Text"/> can be mapped back with
/// <see cref="MapToSource(int)"/> and <see cref="MapToSource(TextSpan)"/>.
/// </summary>
public sealed class ShellSource
{
    // Runs of consecutive offsets (see OffsetMap): (logical start, source start) pairs.
    private readonly int[] _map;
    private ParseResult<ShellScript>? _parsed;

    internal ShellSource(string text, int[] map, TextSpan sourceSpan)
    {
        Text = text;
        _map = map;
        SourceSpan = sourceSpan;
    }

    /// <summary>The logical command text.</summary>
    public string Text { get; }

    /// <summary>The region of the Dockerfile the command was taken from.</summary>
    public TextSpan SourceSpan { get; }

    /// <summary>
    /// The shell parse of <see cref="Text"/>, done once per command: every rule and fact that reads this RUN, CMD,
    /// ENTRYPOINT or heredoc shares the same <see cref="ShellScript"/> (spans are logical; map them with
    /// <see cref="MapToSource(TextSpan)"/>).
    /// </summary>
    public ParseResult<ShellScript> Parse() => LazyInitializer.EnsureInitialized(ref _parsed, () => ShellParser.Parse(new SourceText(Text)));

    /// <summary>The Dockerfile offset of a logical offset (an offset equal to the length maps to the end of the source span).</summary>
    public int MapToSource(int logicalOffset)
    {
        if (logicalOffset >= Text.Length)
        {
            return SourceSpan.End;
        }

        return OffsetMap.Lookup(_map, Math.Max(0, logicalOffset));
    }

    /// <summary>The Dockerfile span of a logical span. A span crossing a continuation covers the escape and line break too.</summary>
    public TextSpan MapToSource(TextSpan logicalSpan)
    {
        if (logicalSpan.Length == 0)
        {
            return new TextSpan(MapToSource(logicalSpan.Start), 0);
        }

        int start = MapToSource(logicalSpan.Start);
        int last = Math.Min(logicalSpan.End, Text.Length) - 1;
        int end = last < logicalSpan.Start ? start : MapToSource(last) + 1;
        return TextSpan.FromBounds(start, end);
    }

    public override string ToString() => Text;
}
