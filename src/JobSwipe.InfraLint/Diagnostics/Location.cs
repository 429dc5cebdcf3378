using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// Where a finding is: a path relative to the linted root (forward slashes) and a 1-based span.
/// Reporters turn the path into an absolute one for MSBuild, a relative URI for SARIF.
/// </summary>
public sealed record Location(string Path, LinePositionSpan Span)
{
    public static Location Create(string path, SourceText text, TextSpan span) => new(path, text.GetSpan(span));

    public static Location Create(string path, SourceText text, int start, int end) => new(path, text.GetSpan(start, end));

    /// <summary>A whole-file location: the first line (used where a finding has no narrower place).</summary>
    public static Location ForFile(string path, SourceText? text = null)
    {
        if (text is null || text.Length == 0)
        {
            return new Location(path, LinePositionSpan.FromLine(1, 1, 1));
        }

        return new Location(path, LinePositionSpan.FromLine(1, 1, text.GetLineEnd(1) - text.GetLineStart(1) + 1));
    }

    public override string ToString() => $"{Path}({Span.Start.Line},{Span.Start.Column},{Span.End.Line},{Span.End.Column})";
}
