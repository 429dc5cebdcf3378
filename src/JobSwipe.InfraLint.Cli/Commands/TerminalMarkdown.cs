using System.Text;
using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// Renders a rule page (the small Markdown subset docs/rules uses) as plain terminal text: the title underlined, the
/// property table as <c>Name: value</c> lines, section headings underlined, code blocks indented by four spaces,
/// emphasis and backticks dropped, links as <c>text (URL)</c> when the URL is absolute and as their text otherwise.
/// </summary>
internal static partial class TerminalMarkdown
{
    public static string Render(string markdown, string? fixability)
    {
        var text = new StringBuilder();
        bool inCode = false, inTable = false;
        foreach (string raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                text.Append("    ").Append(line).Append('\n');
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                string title = Inline(line[2..]);
                text.Append(title).Append('\n').Append(new string('=', title.Length)).Append('\n');
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                string heading = Inline(line.TrimStart('#').Trim());
                text.Append(heading).Append('\n').Append(new string('-', heading.Length)).Append('\n');
            }
            else if (line.StartsWith('|'))
            {
                inTable = true;
                string[] cells = [.. line.Trim('|').Split('|').Select(c => Inline(c.Trim()))];
                if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':')))
                {
                    continue;
                }

                if (cells is ["Fix", var declared])
                {
                    // The page states the fixability itself (docs/rules pages have a Fix row).
                    text.Append("Fixable: ").Append(declared).Append('\n');
                    fixability = null;
                    continue;
                }

                text.Append(cells.Length == 2 ? $"{cells[0]}: {cells[1]}" : string.Join("  ", cells)).Append('\n');
            }
            else
            {
                if (inTable && fixability is not null)
                {
                    // After the property table: the fixability, which the page itself may not state.
                    text.Append("Fixable: ").Append(fixability).Append('\n');
                    fixability = null;
                }

                inTable = false;
                text.Append(Inline(line)).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Inline(string line)
    {
        line = Link().Replace(line, m => m.Groups[2].Value.StartsWith("http", StringComparison.Ordinal) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        return line.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
