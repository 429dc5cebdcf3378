using System.Text;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// Renders findings under the lines they point at, for failure messages and snapshots:
/// <code>
///   12 |     command: server -dev
///      |              ^^^^^^^^^^^ warning JSI2001: service 'vault' runs …
/// </code>
/// Findings without a position are listed first under their file as <c>(file)</c>, and repository-level ones under
/// <c>== (repository)</c>.
/// </summary>
public static class AnnotatedRenderer
{
    public static string Render(string root, IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var group in diagnostics.GroupBy(d => d.Location.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append("== ").Append(group.Key.Length == 0 ? "(repository)" : group.Key).Append('\n');
            string full = Path.Combine(root, group.Key);
            string[] lines = File.Exists(full) ? ReadLines(full) : [];
            foreach (var diagnostic in group.Where(d => !d.Location.HasPosition))
            {
                builder.Append(group.Key.Length == 0 ? "      | " : " (file) | ")
                    .Append(diagnostic.Severity.ToDisplayString()).Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.Message).Append('\n');
            }

            foreach (var byLine in group.Where(d => d.Location.HasPosition).GroupBy(d => d.Location.Span.Start.Line).OrderBy(g => g.Key))
            {
                int line = byLine.Key;
                string text = line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
                builder.Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)).Append(" | ").Append(text).Append('\n');
                foreach (var diagnostic in byLine)
                {
                    var span = diagnostic.Location.Span;
                    int start = Math.Max(1, span.Start.Column);
                    int end = span.End.Line == span.Start.Line ? Math.Max(start + 1, span.End.Column) : Math.Max(start + 1, text.Length + 1);
                    builder.Append("      | ").Append(new string(' ', start - 1)).Append(new string('^', end - start))
                        .Append(' ').Append(diagnostic.Severity.ToDisplayString()).Append(' ').Append(diagnostic.Id).Append(": ").Append(diagnostic.Message);
                    if (span.End.Line != span.Start.Line)
                    {
                        builder.Append(" (to line ").Append(span.End.Line).Append(')');
                    }

                    builder.Append('\n');
                }
            }
        }

        return builder.ToString();
    }

    private static string[] ReadLines(string path) =>
        File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
}
