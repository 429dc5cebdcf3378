using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// The rules of .gitignore files, matched as git matches them (gitignore(5)): blank lines and <c>#</c> comments are
/// skipped, <c>\#</c> and <c>\!</c> escape, trailing spaces are trimmed unless escaped, <c>!</c> negates, a trailing
/// <c>/</c> matches directories only, a pattern with a slash (other than a trailing one) is anchored to the file's
/// folder while one without matches at any depth, <c>*</c>, <c>?</c> and <c>[…]</c> do not cross <c>/</c>, and
/// <c>**</c> spans folders. The last matching rule wins, deeper files override shallower ones, and a file inside an
/// ignored folder stays ignored (git does not look inside it).
/// </summary>
public sealed class GitIgnore
{
    private readonly List<(string Directory, IReadOnlyList<Rule> Rules)> _files = [];

    /// <summary>Adds the rules of one .gitignore (or .git/info/exclude, with an empty directory) found in <paramref name="directory"/>.</summary>
    public void Add(string directory, string content)
    {
        var rules = new List<Rule>();
        foreach (string rawLine in content.Split('\n'))
        {
            if (Parse(rawLine.TrimEnd('\r')) is { } rule)
            {
                rules.Add(rule);
            }
        }

        _files.Add((directory.Trim('/'), rules));

        // Shallower files first, so that deeper ones, evaluated later, override them (a stable sort keeps file order).
        var ordered = _files.OrderBy(f => f.Directory.Length == 0 ? -1 : f.Directory.Count(c => c == '/')).ToList();
        _files.Clear();
        _files.AddRange(ordered);
    }

    /// <summary>True when git would ignore the file at <paramref name="relativePath"/> (forward slashes, relative to the repository root).</summary>
    public bool IsIgnored(string relativePath)
    {
        string[] parts = relativePath.Trim('/').Split('/');
        for (int i = 1; i < parts.Length; i++)
        {
            if (Decide(string.Join('/', parts, 0, i), isDirectory: true))
            {
                return true;
            }
        }

        return Decide(relativePath.Trim('/'), isDirectory: false);
    }

    private bool Decide(string path, bool isDirectory)
    {
        bool ignored = false;
        foreach (var (directory, rules) in _files)
        {
            string relative;
            if (directory.Length == 0)
            {
                relative = path;
            }
            else if (path.StartsWith(directory + "/", StringComparison.Ordinal))
            {
                relative = path[(directory.Length + 1)..];
            }
            else
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if ((!rule.DirectoryOnly || isDirectory) && rule.Regex.IsMatch(relative))
                {
                    ignored = !rule.Negated;
                }
            }
        }

        return ignored;
    }

    internal static Rule? Parse(string line)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        // Trailing spaces are ignored unless escaped with a backslash.
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        line = line[..end];
        bool negated = false;
        if (line.StartsWith('!'))
        {
            negated = true;
            line = line[1..];
        }
        else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
        {
            line = line[1..];
        }

        bool directoryOnly = line.EndsWith('/') && !line.EndsWith("\\/", StringComparison.Ordinal);
        if (directoryOnly)
        {
            line = line.TrimEnd('/');
        }

        if (line.Length == 0)
        {
            return null;
        }

        bool anchored = line.Contains('/', StringComparison.Ordinal);
        line = line.TrimStart('/');
        string body = ToRegex(line);
        string pattern = anchored || line.StartsWith("**", StringComparison.Ordinal) ? "^" + body + "$" : "^(?:.*/)?" + body + "$";
        return new Rule(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexLimits.MatchTimeout), negated, directoryOnly);
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*' && (i == 0 || glob[i - 1] == '/') && (i + 2 == glob.Length || glob[i + 2] == '/'))
            {
                if (i + 2 == glob.Length)
                {
                    sb.Append(".*");
                    i++;
                }
                else
                {
                    sb.Append("(?:.*/)?");
                    i += 2;
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '[' && glob.IndexOf(']', i + 2) is var close and > 0)
            {
                string set = glob[(i + 1)..close];
                if (set.StartsWith('!') || set.StartsWith('^'))
                {
                    set = "^" + set[1..];
                }

                sb.Append('[').Append(set.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                sb.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }

    internal sealed record Rule(Regex Regex, bool Negated, bool DirectoryOnly);
}
