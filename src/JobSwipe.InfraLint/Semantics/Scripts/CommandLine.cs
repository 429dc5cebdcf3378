using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// A simple command seen through its wrappers (<c>sudo</c>, <c>bundle exec</c>, <c>npx</c>, <c>poetry run</c>, <c>env X=1</c>,
/// <c>time</c>, <c>exec</c>, <c>command</c>): <see cref="Name"/> is the tool's base name (<c>./gradlew</c> gives <c>gradlew</c>,
/// <c>python3.12</c> gives <c>python</c>), <see cref="Arguments"/> the words after it.
/// </summary>
public sealed class CommandLine
{
    // Package runners that run the tool named next; shell-level wrappers (sudo, env, exec, …) are CommandWrappers'.
    private static readonly HashSet<string> Runners = new(StringComparer.Ordinal) { "npx", "bunx", "pnpx" };

    private CommandLine(SimpleCommand command, ShellWord nameWord, string name, IReadOnlyList<ShellWord> arguments)
    {
        Command = command;
        NameWord = nameWord;
        Name = name;
        Arguments = arguments;
    }

    public SimpleCommand Command { get; }

    public ShellWord NameWord { get; }

    /// <summary>The tool's base name in lower case.</summary>
    public string Name { get; }

    public IReadOnlyList<ShellWord> Arguments { get; }

    public string Arg(int index) => index < Arguments.Count ? Arguments[index].Value : "";

    /// <summary>The arguments that are not options, in order (an option's separate value is not skipped unless listed in <paramref name="valueOptions"/>).</summary>
    public IReadOnlyList<ShellWord> Positionals(params string[] valueOptions)
    {
        // Counted first, then one exact array (rules ask for every command of every script).
        int count = 0;
        for (int i = NextPositional(0, valueOptions); i >= 0; i = NextPositional(i + 1, valueOptions))
        {
            count++;
        }

        if (count == 0)
        {
            return [];
        }

        var positionals = new ShellWord[count];
        int n = 0;
        for (int i = NextPositional(0, valueOptions); i >= 0; i = NextPositional(i + 1, valueOptions))
        {
            positionals[n++] = Arguments[i];
        }

        return positionals;
    }

    /// <summary>The first positional argument's value, or "".</summary>
    public string Sub(params string[] valueOptions) => NthPositional(1, valueOptions)?.Value ?? "";

    // The index of the first positional argument at or after `from`, or -1: a plain loop, as every command of every script
    // asks (no iterator, no enumerator over the option list).
    private int NextPositional(int from, string[] valueOptions)
    {
        for (int i = from; i < Arguments.Count; i++)
        {
            string v = Arguments[i].Value;
            if (v.StartsWith('-') && v.Length > 1)
            {
                if (!v.Contains('=', StringComparison.Ordinal) && Array.IndexOf(valueOptions, v) >= 0)
                {
                    i++;
                }

                continue;
            }

            return i;
        }

        return -1;
    }

    // The n-th positional argument (1-based), the last one when there are fewer, null when there is none: what
    // Sub and VerbSpan need, without listing them all.
    private ShellWord? NthPositional(int n, string[] valueOptions)
    {
        ShellWord? last = null;
        int count = 0;
        for (int i = NextPositional(0, valueOptions); i >= 0; i = NextPositional(i + 1, valueOptions))
        {
            last = Arguments[i];
            if (++count == n)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> (any of the given spellings), or null.</summary>
    public ShellWord? OptionWord(params string[] names)
    {
        for (int i = 0; i < Arguments.Count; i++)
        {
            string v = Arguments[i].Value;
            foreach (string n in names)
            {
                if (v == n && i + 1 < Arguments.Count)
                {
                    return Arguments[i + 1];
                }
            }
        }

        return null;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c>, or null.</summary>
    public string? Option(params string[] names)
    {
        if (OptionWord(names) is { } word)
        {
            return word.Value;
        }

        foreach (ShellWord a in Arguments)
        {
            foreach (string n in names)
            {
                if (n.StartsWith("--", StringComparison.Ordinal) && a.Value.StartsWith(n + "=", StringComparison.Ordinal))
                {
                    return a.Value[(n.Length + 1)..];
                }
            }
        }

        return null;
    }

    public bool Has(params string[] arguments) => Arguments.Any(a => arguments.Contains(a.Value, StringComparer.Ordinal) || arguments.Any(x => x.StartsWith("--", StringComparison.Ordinal) && a.Value.StartsWith(x + "=", StringComparison.Ordinal)));

    /// <summary>The span from the tool name to the end of the given argument (or of the name alone).</summary>
    public TextSpan SpanTo(ShellWord? last) => last is null ? NameWord.Span : TextSpan.FromBounds(NameWord.Span.Start, Math.Max(NameWord.Span.Start + NameWord.Span.Length, last.Span.Start + last.Span.Length));

    /// <summary>The span of the name and its first positional (<c>flyctl deploy</c>, <c>flutter build apk</c> takes two).</summary>
    public TextSpan VerbSpan(int positionals = 1, params string[] valueOptions)
    {
        if (positionals < 1)
        {
            var p = Positionals(valueOptions);
            return SpanTo(p.Count == 0 ? null : p[Math.Min(positionals, p.Count) - 1]);
        }

        return SpanTo(NthPositional(positionals, valueOptions));
    }

    public static CommandLine? From(SimpleCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name is null)
        {
            return null;
        }

        var words = command.Words;
        string first = words[0].Value;
        string firstName = BaseName(first);
        if (!CommandWrappers.IsWrapperPath(first) && !Runners.Contains(firstName) && TwoWordRunner(firstName, words.Count > 1 ? words[1].Value : "") == 0)
        {
            // Most commands: no wrapper and no runner, the name is the tool and the arguments are the command's own.
            return new CommandLine(command, words[0], firstName, command.Arguments);
        }

        string[] values = [.. words.Select(w => w.Value)];
        int i = 0;
        while (i < words.Count)
        {
            int run = i + CommandWrappers.CommandIndex(i == 0 ? values : values[i..]);
            if (run != i)
            {
                i = run;
                continue;
            }

            int runner = RunnerLength(values, i);
            if (runner > 0)
            {
                i += runner;
                continue;
            }

            break;
        }

        if (i >= words.Count)
        {
            return null;
        }

        return new CommandLine(command, words[i], BaseName(words[i].Value), [.. words.Skip(i + 1)]);
    }

    /// <summary>
    /// How many words at <paramref name="index"/> are a package runner that runs the tool named next (<c>npx -y</c>,
    /// <c>bundle exec</c>, <c>poetry run</c>, <c>uv run</c>, <c>pnpm dlx</c>…), or 0. Shell-level wrappers (sudo, env,
    /// exec…) are <see cref="CommandWrappers"/>'.
    /// </summary>
    public static int RunnerLength(IReadOnlyList<string> words, int index)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (index >= words.Count)
        {
            return 0;
        }

        string name = BaseName(words[index]);
        if (Runners.Contains(name))
        {
            int i = index + 1;
            while (i < words.Count && words[i].StartsWith('-'))
            {
                i++;
            }

            return i - index;
        }

        return TwoWordRunner(name, index + 1 < words.Count ? words[index + 1] : "");
    }

    // The runners of two words (bundle exec, poetry run, ...): 2 when name and next are one, else 0.
    private static int TwoWordRunner(string name, string next)
    {
        return (name == "bundle" && next == "exec") || (name is "poetry" or "pipenv" or "uv" or "pdm" or "hatch" && next == "run")
            || (name == "dotnet" && next == "tool") || (name == "yarn" && next == "dlx") || (name == "pnpm" && next is "dlx" or "exec") ? 2 : 0;
    }

    /// <summary>The lower-case file name of a command path; <c>python3.12</c> → <c>python</c>, <c>pip3</c> → <c>pip</c>.</summary>
    public static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        string name = (slash >= 0 ? path[(slash + 1)..] : path).ToLowerInvariant();
        if (name.StartsWith("python", StringComparison.Ordinal) && name.Length > 6 && (char.IsAsciiDigit(name[6]) || name[6] == '.'))
        {
            return "python";
        }

        if (name is "pip3" or "py")
        {
            return name == "py" ? "python" : "pip";
        }

        if (name.EndsWith(".bat", StringComparison.Ordinal) || name.EndsWith(".cmd", StringComparison.Ordinal) || name.EndsWith(".exe", StringComparison.Ordinal))
        {
            name = name[..^4];
        }

        return name;
    }
}
