using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// A path glob for <c>InfraLintExclude</c>: <c>*</c> and <c>?</c> stay within one folder, <c>**</c> spans folders,
/// <c>[abc]</c> is a character class. A pattern without <c>/</c> matches a file or folder name at any depth;
/// a pattern naming a folder also excludes everything under it. Matching is case-insensitive on Windows
/// and case-sensitive elsewhere, like the file system.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        Pattern = pattern;
        string normalized = pattern.Replace('\\', '/').Trim();
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        bool anchored = normalized.Contains('/', StringComparison.Ordinal) && !normalized.StartsWith("**/", StringComparison.Ordinal);
        normalized = normalized.Trim('/');
        var builder = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                bool slashAfter = i + 2 < normalized.Length && normalized[i + 2] == '/';
                builder.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else if (c == '[')
            {
                int close = normalized.IndexOf(']', i + 1);
                if (close < 0)
                {
                    builder.Append(@"\[");
                }
                else
                {
                    string set = normalized[(i + 1)..close];
                    if (set.StartsWith('!'))
                    {
                        set = "^" + set[1..];
                    }

                    builder.Append('[').Append(set.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                }
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append("(?:/.*)?$");
        var options = RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        _regex = new Regex(builder.ToString(), options, RegexLimits.MatchTimeout);
    }

    public string Pattern { get; }

    /// <summary>True when the relative path (forward slashes) is the matched file or folder, or lies under it.</summary>
    public bool IsMatch(string relativePath)
    {
        try
        {
            return _regex.IsMatch(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
