using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>
/// Something wrong in the configuration: a malformed <c>.editorconfig</c> line, an invalid section glob, an
/// unknown rule ID, an invalid severity or environment word, an unreadable file. <see cref="Path"/> is the
/// configuration file's path as it was given; <see cref="Span"/> points into <see cref="Text"/> (empty when the
/// file could not be read). The engine turns problems into JSI0002 diagnostics.
/// </summary>
public sealed record ConfigurationProblem(string Path, TextSpan Span, string Message, SourceText? Text = null)
{
    /// <summary>The 1-based line/column range of <see cref="Span"/>, or line 1 column 1 when there is no text.</summary>
    public LinePositionSpan LineSpan => Text?.GetSpan(Span) ?? LinePositionSpan.FromLine(1, 1, 1);

    public override string ToString() => $"{Path}{LineSpan}: {Message}";
}
