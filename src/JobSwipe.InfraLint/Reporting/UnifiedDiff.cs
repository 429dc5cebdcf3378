using System.Text;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// Unified diffs, in git's form (<c>diff --git</c>, mode lines, <c>---</c>/<c>+++</c>, hunks with three lines of
/// context), so <c>git apply</c> and <c>patch -p1</c> accept the output of <c>infralint fix --diff</c>. Lines are
/// compared with their line breaks, so a CRLF → LF change shows; a last line without a newline is marked as git marks it.
/// Control characters from the files (other than tabs, line breaks and a leading BOM) are shown escaped, as in every
/// other output, so a line holding one does not apply as a patch.
/// </summary>
public static class UnifiedDiff
{
    // Above this many cells the longest common subsequence is not searched: the differing middle is shown replaced whole.
    private const long MaxCells = 4_000_000;

    /// <summary>The diff of every change of a fix run, in path order; empty when nothing changes.</summary>
    public static string Create(IEnumerable<FileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var output = new StringBuilder();
        foreach (FileChange change in changes)
        {
            output.Append("diff --git a/").Append(change.RelativePath).Append(" b/").Append(change.RelativePath).Append('\n');
            if (change.MakesExecutable)
            {
                output.Append("old mode 100644\nnew mode 100755\n");
            }

            if (change.ContentChanged)
            {
                string before = Encoding.UTF8.GetString(change.Original);
                string after = Encoding.UTF8.GetString(change.Fixed);
                output.Append(Create("a/" + change.RelativePath, "b/" + change.RelativePath, before, after));
            }
        }

        return output.ToString();
    }

    /// <summary>The unified diff of two texts (a BOM, if any, is part of the first line); empty when they are equal.</summary>
    public static string Create(string oldName, string newName, string oldText, string newText, int context = 3)
    {
        if (oldText == newText)
        {
            return string.Empty;
        }

        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var ops = Compare(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');

        // Group the operations into hunks: changes closer than 2 * context lines share one.
        int i = 0;
        while (i < ops.Count)
        {
            while (i < ops.Count && ops[i].Kind == ' ')
            {
                i++;
            }

            if (i >= ops.Count)
            {
                break;
            }

            int start = Math.Max(0, i - context);
            while (start < i && ops[start].Kind != ' ')
            {
                start++;
            }

            int end = i;
            int lastChange = i;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + 1 + context);
            int oldStart = ops[start].OldIndex, newStart = ops[start].NewIndex;
            int oldCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '+');
            int newCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '-');
            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            for (int k = start; k < end; k++)
            {
                var op = ops[k];
                string line = Visible(op.Kind == '+' ? b[op.NewIndex] : a[op.OldIndex], op.Kind == '+' ? op.NewIndex : op.OldIndex);
                output.Append(op.Kind);
                if (line.EndsWith('\n'))
                {
                    output.Append(line);
                }
                else if (line.EndsWith('\r'))
                {
                    // A lone CR line break: keep it, and end the diff line.
                    output.Append(line).Append('\n');
                }
                else
                {
                    output.Append(line).Append("\n\\ No newline at end of file\n");
                }
            }

            i = end;
        }

        return output.ToString();
    }

    /// <summary>
    /// A line as the diff shows it: tabs, the line break and a BOM at the start of the file as they are (so the diff
    /// applies), every other control character escaped as in the other reports (a hostile file cannot drive the terminal).
    /// </summary>
    private static string Visible(string line, int index)
    {
        int bodyEnd = line.EndsWith("\r\n", StringComparison.Ordinal) ? line.Length - 2 : line.EndsWith('\n') || line.EndsWith('\r') ? line.Length - 1 : line.Length;
        int bodyStart = index == 0 && line.StartsWith('\uFEFF') ? 1 : 0;
        string body = line[bodyStart..bodyEnd];
        if (!Text.DisplayText.NeedsEscaping(body.Replace("\t", string.Empty, StringComparison.Ordinal)))
        {
            return line;
        }

        return line[..bodyStart] + string.Join('\t', body.Split('\t').Select(Text.DisplayText.Escape)) + line[bodyEnd..];
    }

    private static string Range(int index, int count) => count switch
    {
        0 => $"{index},0",
        1 => $"{index + 1}",
        _ => $"{index + 1},{count}",
    };

    /// <summary>The lines of a text, each with its line break ("\n", "\r\n" or a lone "\r").</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private readonly record struct Op(char Kind, int OldIndex, int NewIndex);

    private static List<Op> Compare(List<string> a, List<string> b)
    {
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Count + b.Count);
        for (int k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', k, k));
        }

        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        if ((long)n * m <= MaxCells)
        {
            // Longest common subsequence of the middle, by dynamic programming from the end.
            var lcs = new int[n + 1, m + 1];
            for (int x = n - 1; x >= 0; x--)
            {
                for (int y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    ops.Add(new Op(' ', prefix + i, prefix + j));
                    i++;
                    j++;
                }
                else if (j < m && (i >= n || lcs[i, j + 1] > lcs[i + 1, j]))
                {
                    ops.Add(new Op('+', prefix + i, prefix + j));
                    j++;
                }
                else
                {
                    ops.Add(new Op('-', prefix + i, prefix + j));
                    i++;
                }
            }
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                ops.Add(new Op('-', prefix + k, prefix));
            }

            for (int k = 0; k < m; k++)
            {
                ops.Add(new Op('+', prefix + n, prefix + k));
            }
        }

        for (int k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a.Count - suffix + k, b.Count - suffix + k));
        }

        return ops;
    }
}
