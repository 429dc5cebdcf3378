using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>An instruction's text with continuations joined, and the source offset of every character.</summary>
internal sealed class LogicalLine
{
    private readonly StringBuilder _text = new();
    private readonly OffsetMap _map = new();
    private string? _built;

    public int SourceEnd { get; private set; }

    public string Text => _built ??= _text.ToString();

    public int Length => _text.Length;

    public void Append(string source, int start, int end)
    {
        _built = null;
        if (end > start)
        {
            _text.Append(source, start, end - start);
            _map.AddRun(start, end - start);
        }

        SourceEnd = end;
    }

    public int ToSource(int logical) => logical < _map.Count ? _map[Math.Max(0, logical)] : SourceEnd;

    public TextSpan ToSource(int start, int end)
    {
        if (end <= start)
        {
            return new TextSpan(ToSource(start), 0);
        }

        return TextSpan.FromBounds(ToSource(start), ToSource(end - 1) + 1);
    }

    public DockerToken Token(int start, int end) => new(Text[start..end], ToSource(start, end));

    public ShellSource Slice(int start, int end)
    {
        var map = new OffsetMap();
        for (int i = start; i < end; i++)
        {
            map.Add(_map[i]);
        }

        return new ShellSource(Text[start..end], map.ToRuns(), ToSource(start, end));
    }
}
