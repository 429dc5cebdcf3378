using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>An expected finding in markup: <c>[|text|]</c> (the rule under test) or <c>{|JSI2002:text|}</c>.</summary>
public sealed record ExpectedSpan(string? Id, LinePositionSpan Span);

/// <summary>
/// Roslyn-testing-style markup for infrastructure files. <c>[|…|]</c> marks where the rule under test must report,
/// <c>{|ID:…|}</c> marks a specific rule ID, and <c>[*]</c> a finding about the whole file, with no position. The markup
/// is removed to give the file's real text.
/// </summary>
public static class Markup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Expected) Parse(string markup)
    {
        var output = new StringBuilder(markup.Length);
        var open = new Stack<(int Offset, string? Id)>();
        var spans = new List<(int Start, int End, string? Id)>();
        bool wholeFile = false;
        for (int i = 0; i < markup.Length; i++)
        {
            if (Matches(markup, i, WholeFile))
            {
                wholeFile = true;
                i += WholeFile.Length - 1;
            }
            else if (Matches(markup, i, "[|"))
            {
                open.Push((output.Length, null));
                i++;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                open.Push((output.Length, markup[(i + 2)..colon]));
                i = colon;
            }
            else if (Matches(markup, i, "|]") || Matches(markup, i, "|}"))
            {
                var (start, id) = open.Pop();
                spans.Add((start, output.Length, id));
                i++;
            }
            else
            {
                output.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unbalanced markup: a [| or {| is never closed.");
        }

        string text = output.ToString();
        var source = new SourceText(text);
        var expected = spans.Select(s => new ExpectedSpan(s.Id, source.GetSpan(s.Start, s.End))).ToList();
        if (wholeFile)
        {
            expected.Add(new ExpectedSpan(null, default));
        }

        return (text, expected);
    }

    /// <summary>The markup of a finding about the whole file (no line); as the whole content of a path "", the repository.</summary>
    public const string WholeFile = "[*]";

    private static bool Matches(string text, int index, string token) =>
        index + token.Length <= text.Length && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
