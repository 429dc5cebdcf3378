namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>
/// The one place that sees through wrapper words: programs that run the rest of their command line as another command
/// (<c>sudo -E apt-get …</c>, <c>env A=1 B=2 tool</c>, <c>command tool</c>, <c>exec tool</c>, <c>nice -n 5 tool</c>,
/// <c>time -p tool</c>, <c>nohup tool</c>, <c>xargs -n1 tool</c>, <c>timeout 30 tool</c>, <c>doas tool</c>,
/// <c>stdbuf -oL tool</c>, <c>ionice -c3 tool</c>). Every shell host (Dockerfile RUN, scripts, CI steps, compose
/// command/entrypoint, Procfile) reads commands through it.
/// </summary>
public static class CommandWrappers
{
    // Each wrapper's options that take the next word as their value.
    private static readonly Dictionary<string, string[]> ValueOptions = new(StringComparer.Ordinal)
    {
        ["sudo"] = ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U", "--user", "--group", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout", "--other-user", "--close-from"],
        ["doas"] = ["-u", "-C"],
        ["env"] = ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"],
        ["exec"] = ["-a"],
        ["nice"] = ["-n", "--adjustment"],
        ["time"] = ["-f", "-o", "--format", "--output"],
        ["nohup"] = [],
        ["command"] = [],
        ["xargs"] = ["-I", "-n", "-P", "-d", "-L", "-s", "-E", "-a", "--max-args", "--max-procs", "--delimiter", "--max-lines", "--max-chars", "--eof", "--arg-file", "--replace"],
        ["timeout"] = ["-s", "-k", "--signal", "--kill-after"],
        ["stdbuf"] = ["-i", "-o", "-e", "--input", "--output", "--error"],
        ["ionice"] = ["-c", "-n", "-p", "--class", "--classdata"],
    };

    /// <summary>True when <paramref name="name"/> (a base name) is a wrapper word.</summary>
    public static bool IsWrapper(string name) => ValueOptions.ContainsKey(name);

    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> ValueOptionsBySpan = ValueOptions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the file name of the command path <paramref name="word"/> is a wrapper word (<c>/usr/bin/sudo</c>).</summary>
    internal static bool IsWrapperPath(string word) => ValueOptionsBySpan.ContainsKey(word.AsSpan(word.LastIndexOf('/') + 1));

    /// <summary>
    /// The index in <paramref name="words"/> (command name first) of the command that actually runs, after every wrapper
    /// with its options, assignments (<c>env A=1</c>) and fixed operands (<c>timeout 30</c>, <c>nice 5</c>). Returns
    /// 0 when the first word is no wrapper, and the wrapper's own index when nothing follows it (<c>xargs</c> alone,
    /// <c>env</c> alone) or when it only asks a question (<c>command -v tool</c>, <c>sudo -l</c>).
    /// </summary>
    public static int CommandIndex(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        int i = 0;
        while (i < words.Count)
        {
            string name = BaseName(words[i]);
            if (!ValueOptions.TryGetValue(name, out string[]? valued))
            {
                return i;
            }

            int j = i + 1;
            bool query = false;
            while (j < words.Count)
            {
                string w = words[j];
                if (w == "--")
                {
                    j++;
                    break;
                }

                if (w.Length > 1 && w[0] == '-')
                {
                    if (name == "command" && w is "-v" or "-V" || name == "sudo" && w is "-l" or "-v" or "-k" or "-K" or "--list" or "--validate" or "--version" or "-V")
                    {
                        query = true;
                        break;
                    }

                    j += valued.Contains(w, StringComparer.Ordinal) ? 2 : 1;
                    continue;
                }

                if (name == "env" && w.Contains('=', StringComparison.Ordinal))
                {
                    j++;
                    continue;
                }

                if (name is "timeout" && LooksLikeNumber(w) || name is "nice" && w.Length > 1 && w[0] == '+' && LooksLikeNumber(w[1..]))
                {
                    j++;
                    continue;
                }

                break;
            }

            if (query || j >= words.Count)
            {
                return i;
            }

            i = j;
        }

        return i;
    }

    /// <summary>The file name of a command path (<c>/usr/bin/sudo</c> gives <c>sudo</c>).</summary>
    private static string BaseName(string word) => word[(word.LastIndexOf('/') + 1)..];

    // 30, 1.5, 10s, 2m: a duration operand of timeout.
    private static bool LooksLikeNumber(string w) =>
        w.Length > 0 && char.IsAsciiDigit(w[0]) && w.TrimEnd('s', 'm', 'h', 'd').All(c => char.IsAsciiDigit(c) || c == '.');
}
