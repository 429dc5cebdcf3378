using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax;

/// <summary>
/// A text file of a kind InfraLint does not parse (source code, JSON, XML, INI…), seen only for its comments that hold an
/// InfraLint directive, so that <c>infralint-disable-next-line JSI5001</c> works in every file JSI5001 scans. A directive
/// counts after any common line or block comment marker: <c>#</c>, <c>//</c>, <c>--</c>, <c>;</c>, <c>%</c>,
/// <c>&lt;!--</c>, <c>/*</c>, <c>{{/*</c>, <c>REM</c>, <c>'</c>.
/// </summary>
public sealed partial class PlainTextDocument : ISyntaxModel
{
    private PlainTextDocument(SourceText text, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Comments = comments;
    }

    public SourceText Text { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    public static PlainTextDocument Create(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var comments = new List<SyntaxComment>();
        string content = text.Content;
        int at = content.IndexOf("infralint-disable", StringComparison.Ordinal);
        while (at >= 0)
        {
            int lineStart = at == 0 ? 0 : content.LastIndexOf('\n', at - 1) + 1;
            int lineEnd = content.IndexOf('\n', at);
            lineEnd = lineEnd < 0 ? content.Length : lineEnd;
            var match = Directive().Match(content, lineStart, lineEnd - lineStart);
            if (match.Success)
            {
                var body = match.Groups["comment"];
                string comment = body.Value.TrimEnd('\r', ' ', '\t');
                comment = comment.EndsWith("-->", StringComparison.Ordinal) ? comment[..^3] : comment.EndsWith("*/", StringComparison.Ordinal) ? comment[..^2] : comment;
                comments.Add(new SyntaxComment(new TextSpan(body.Index, comment.Length), comment.TrimEnd()));
            }

            at = content.IndexOf("infralint-disable", lineEnd, StringComparison.Ordinal);
        }

        return new PlainTextDocument(text, comments);
    }

    [GeneratedRegex(@"(?:#|//|--|;|%|<!--|/\*|\{\{/\*|\bREM\b|')[ \t]*(?<comment>infralint-disable[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
