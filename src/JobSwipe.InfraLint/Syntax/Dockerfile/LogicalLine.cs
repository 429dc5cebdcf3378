using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>An instruction's text with continuations joined, and the source offset of every character.</summary>
internal sealed class LogicalLine
{
    // The offset runs, only for an instruction of several lines: one line's source offset is its start plus the logical one.
    private OffsetMap? _map;
    private string? _source;
    private int _firstStart;
    private int _firstEnd;

    // Only for an instruction of several lines; one line's text is a substring of the source.
    private StringBuilder? _text;
    private string? _built;

    public int SourceEnd { get; private set; }

    public string Text => _built ??= _text?.ToString() ?? (_source is null ? "" : _source[_firstStart.._firstEnd]);

    public int Length { get; private set; }

    public void Append(string source, int start, int end)
    {
        _built = null;
        if (end > start)
        {
            if (_source is null)
            {
                _source = source;
                _firstStart = start;
                _firstEnd = end;
            }
            else
            {
                _text ??= new StringBuilder(_source, _firstStart, _firstEnd - _firstStart, 2 * (_firstEnd - _firstStart) + end - start);
                _text.Append(source, start, end - start);
                if (_map is null)
                {
                    _map = new OffsetMap();
                    _map.AddRun(_firstStart, _firstEnd - _firstStart);
                }

                _map.AddRun(start, end - start);
            }

            Length += end - start;
        }

        SourceEnd = end;
    }

    public int ToSource(int logical) => logical >= Length ? SourceEnd : _map is null ? _firstStart + Math.Max(0, logical) : _map[Math.Max(0, logical)];

    public TextSpan ToSource(int start, int end)
    {
        if (end <= start)
        {
            return new TextSpan(ToSource(start), 0);
        }

        return TextSpan.FromBounds(ToSource(start), ToSource(end - 1) + 1);
    }

    public DockerToken Token(int start, int end) => new(SharedStrings.Get(Text, start, end - start), ToSource(start, end));

    public ShellSource Slice(int start, int end)
    {
        var map = new OffsetMap();
        if (_map is null)
        {
            map.AddRun(_firstStart + start, end - start);
        }
        else
        {
            for (int i = start; i < end; i++)
            {
                map.Add(_map[i]);
            }
        }

        return new ShellSource(Text[start..end], map.ToRuns(), ToSource(start, end));
    }
}
