using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// Where a finding is: a path relative to the linted root (forward slashes) and a 1-based span.
/// Reporters turn the path into an absolute one for MSBuild, a relative URI for SARIF. A location may have no
/// position (<see cref="HasPosition"/> false): a finding about a whole file (<see cref="ForPath"/>), or about the
/// repository as a whole (<see cref="Repository"/>, an empty path), reported without a line.
/// </summary>
public sealed record Location(string Path, LinePositionSpan Span)
{
    /// <summary>The repository as a whole: no file, no line (MSBuild reports it against the project, text output against the root).</summary>
    public static Location Repository { get; } = new(string.Empty, default);

    /// <summary>True when the location has a line and column; false for whole-file and repository-level findings.</summary>
    public bool HasPosition => Span.Start.Line > 0;

    /// <summary>True for a finding about the repository as a whole.</summary>
    public bool IsRepository => Path.Length == 0;

    /// <summary>A whole file (or folder), with no line: where a finding concerns the file, not a place in it.</summary>
    public static Location ForPath(string path) => new(path, default);

    public static Location Create(string path, SourceText text, TextSpan span) => new(path, text.GetSpan(span));

    public static Location Create(string path, SourceText text, int start, int end) => new(path, text.GetSpan(start, end));

    public override string ToString() => HasPosition ? $"{Path}({Span.Start.Line},{Span.Start.Column},{Span.End.Line},{Span.End.Column})" : Path;
}
