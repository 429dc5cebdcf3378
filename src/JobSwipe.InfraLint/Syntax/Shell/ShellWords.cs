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
    public static IReadOnlyList<string> Split(string command) => Read(command, out _);

    /// <summary>Whether the command splits cleanly: every quote closed and no trailing backslash (else flyctl rejects it).</summary>
    public static bool CanSplit(string command)
    {
        Read(command, out bool complete);
        return complete;
    }

    private static List<string> Read(string command, out bool complete)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = new List<string>();
        var current = new StringBuilder();
        bool inWord = false;
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
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
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
            words.Add(current.ToString());
        }

        complete = quote == '\0' && !trailingEscape;
        return words;
    }
}
