using System.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>
/// Word splitting of a command line by hosts that split it without a shell, as Python's and Go's shlex do: compose's
/// string <c>command</c>/<c>entrypoint</c>, flyctl's <c>release_command</c> and <c>[processes]</c>. Whitespace separates,
/// quotes group, a backslash escapes (inside double quotes only before <c>"</c>, <c>\</c>, <c>$</c> and a backquote);
/// shell operators are ordinary characters.
/// </summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="command"/>; an unclosed quote runs to the end.</summary>
    public static IReadOnlyList<string> Split(string command) => [.. Read(command, out _).Select(w => w.Value)];

    /// <summary>The words of <paramref name="command"/>, each with where it is written (quotes and escapes included).</summary>
    public static IReadOnlyList<ShellSplitWord> SplitWords(string command) => Read(command, out _);

    /// <summary>Whether the command splits cleanly: every quote closed and no trailing backslash (else flyctl rejects it).</summary>
    public static bool CanSplit(string command)
    {
        Read(command, out bool complete);
        return complete;
    }

    private static List<ShellSplitWord> Read(string command, out bool complete)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = new List<ShellSplitWord>();
        var current = new StringBuilder();
        bool inWord = false;
        int start = 0;
        bool trailingEscape = false;
        char quote = '\0';
        for (int i = 0; i < command.Length; i++)
        {
            char c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(new ShellSplitWord(current.ToString(), start, i - start));
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                if (!inWord)
                {
                    start = i;
                }

                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < command.Length)
                {
                    current.Append(command[++i]);
                }
                else
                {
                    trailingEscape = c == '\\';
                    current.Append(c);
                }
            }
        }

        if (inWord)
        {
            words.Add(new ShellSplitWord(current.ToString(), start, command.Length - start));
        }

        complete = quote == '\0' && !trailingEscape;
        return words;
    }
}

/// <summary>A word of a command line split without a shell: its value, and where it is written (quotes included).</summary>
/// <param name="Value">The word with quotes and escapes removed.</param>
/// <param name="Start">The offset of its first character in the command line.</param>
/// <param name="Length">The length of the word as written.</param>
public readonly record struct ShellSplitWord(string Value, int Start, int Length);
