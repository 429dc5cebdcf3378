using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.DockerIgnore;

/// <summary>One .dockerignore pattern.</summary>
/// <param name="Pattern">The pattern after Docker's preprocessing (trimmed, cleaned like Go's filepath.Clean, leading '/' removed), without '!'.</param>
/// <param name="IsException">True for a <c>!pattern</c> line, which re-includes what earlier lines excluded.</param>
/// <param name="Span">The line's content, leading and trailing whitespace excluded, '!' included.</param>
/// <param name="PatternSpan">The pattern as written, after the '!' and its whitespace.</param>
public sealed record DockerIgnorePattern(string Pattern, bool IsException, TextSpan Span, TextSpan PatternSpan)
{
    /// <summary>False when the pattern is malformed (for example an unclosed '['); Docker then fails the build.</summary>
    public bool IsValid { get; init; } = true;
}

/// <summary>A parsed .dockerignore with a matcher.</summary>
public sealed class DockerIgnoreFile : ISyntaxModel
{
    internal DockerIgnoreFile(SourceText text, IReadOnlyList<DockerIgnorePattern> patterns, IReadOnlyList<SyntaxComment> comments)
    {
        Text = text;
        Patterns = patterns;
        Comments = comments;
        Matcher = new DockerIgnoreMatcher(patterns);
    }

    public SourceText Text { get; }

    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    public IReadOnlyList<SyntaxComment> Comments { get; }

    public DockerIgnoreMatcher Matcher { get; }

    /// <summary>Whether a path relative to the build context (forward slashes) is left out of the context.</summary>
    public bool IsExcluded(string relativePath) => Matcher.IsExcluded(relativePath);

    /// <summary>The last pattern deciding a path (an exclusion or an exception), or null when no pattern matches.</summary>
    public DockerIgnorePattern? DecidingPattern(string relativePath) => Matcher.DecidingPattern(relativePath);
}

/// <summary>
/// Docker's .dockerignore matching: <c>*</c>, <c>?</c> and <c>[...]</c> like Go's filepath.Match (never crossing '/'),
/// <c>**</c> for any number of directories, a pattern matching a directory excludes everything below it,
/// and the last matching line wins (<c>!</c> exceptions re-include).
/// </summary>
public sealed class DockerIgnoreMatcher
{
    private readonly (DockerIgnorePattern Pattern, Regex? Regex)[] _patterns;

    public DockerIgnoreMatcher(IEnumerable<DockerIgnorePattern> patterns) =>
        _patterns = [.. patterns.Select(p => (p, p.IsValid ? DockerIgnoreParser.Compile(p.Pattern) : null))];

    /// <summary>Builds a matcher from pattern lines as they would appear in a .dockerignore.</summary>
    public static DockerIgnoreMatcher FromLines(params string[] lines) =>
        new(DockerIgnoreParser.Parse(new SourceText(string.Join('\n', lines))).Model!.Patterns);

    public bool IsExcluded(string relativePath) => DecidingPattern(relativePath) is { IsException: false };

    public DockerIgnorePattern? DecidingPattern(string relativePath)
    {
        string path = DockerIgnoreParser.CleanPath(relativePath.Replace('\\', '/'));
        if (path.Length > 1 && path[0] == '/')
        {
            path = path.TrimStart('/');
        }

        string[] parents = path.Split('/');
        DockerIgnorePattern? deciding = null;
        foreach ((DockerIgnorePattern pattern, Regex? regex) in _patterns)
        {
            if (regex is null)
            {
                continue;
            }

            bool match = SafeMatch(regex, path);
            if (!match && parents.Length > 1)
            {
                // A pattern that matches a parent directory applies to everything inside it.
                var prefix = new StringBuilder();
                for (int i = 0; i < parents.Length - 1 && !match; i++)
                {
                    if (i > 0)
                    {
                        prefix.Append('/');
                    }

                    prefix.Append(parents[i]);
                    match = SafeMatch(regex, prefix.ToString());
                }
            }

            if (match)
            {
                deciding = pattern;
            }
        }

        return deciding;
    }

    private static bool SafeMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

/// <summary>Parses .dockerignore files: one pattern per line, <c>#</c> in column 1 starts a comment, <c>!</c> marks an exception.</summary>
public static class DockerIgnoreParser
{
    public static ParseResult<DockerIgnoreFile> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = new List<DockerIgnorePattern>();
        var comments = new List<SyntaxComment>();
        var errors = new List<SyntaxError>();
        string s = text.Content;
        for (int line = 1; line <= text.LineCount; line++)
        {
            int start = text.GetLineStart(line);
            int end = text.GetLineEnd(line);
            if (line == 1 && start < end && s[start] == '\ufeff')
            {
                start++;
            }

            if (start < end && s[start] == '#')
            {
                comments.Add(new SyntaxComment(TextSpan.FromBounds(start, end), s[(start + 1)..end].Trim()));
                continue;
            }

            int a = start;
            int b = end;
            while (a < b && char.IsWhiteSpace(s[a]))
            {
                a++;
            }

            while (b > a && char.IsWhiteSpace(s[b - 1]))
            {
                b--;
            }

            if (a == b)
            {
                continue;
            }

            bool exception = s[a] == '!';
            int p = a;
            if (exception)
            {
                p++;
                while (p < b && char.IsWhiteSpace(s[p]))
                {
                    p++;
                }
            }

            string raw = s[p..b];
            string pattern = raw;
            if (pattern.Length > 0)
            {
                pattern = CleanPath(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            bool valid = pattern.Length > 0 && Compile(pattern) is not null;
            if (!valid)
            {
                errors.Add(new SyntaxError(pattern.Length == 0
                    ? "An exception line '!' has no pattern."
                    : $"The pattern '{raw}' is malformed (check its '[...]' character class and '\\' escapes); Docker rejects it.", TextSpan.FromBounds(a, b)));
            }

            patterns.Add(new DockerIgnorePattern(pattern, exception, TextSpan.FromBounds(a, b), TextSpan.FromBounds(p, b)) { IsValid = valid });
        }

        return new ParseResult<DockerIgnoreFile>(new DockerIgnoreFile(text, patterns, comments), errors);
    }

    /// <summary>Go's path.Clean for '/'-separated paths.</summary>
    internal static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        bool rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        string joined = string.Join('/', parts);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>Translates a cleaned pattern to an anchored regular expression, as Docker's patternmatcher does; null when malformed.</summary>
    internal static Regex? Compile(string pattern)
    {
        var sb = new StringBuilder("^");
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i++];
            switch (c)
            {
                case '*':
                    if (i < pattern.Length && pattern[i] == '*')
                    {
                        i++;
                        if (i < pattern.Length && pattern[i] == '/')
                        {
                            i++;
                        }

                        sb.Append(i >= pattern.Length ? ".*" : "(.*/)?");
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }

                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '\\':
                    if (i < pattern.Length)
                    {
                        sb.Append(Regex.Escape(pattern[i++].ToString()));
                    }
                    else
                    {
                        return null;
                    }

                    break;
                case '[':
                    int close = ClassEnd(pattern, i);
                    if (close < 0)
                    {
                        return null;
                    }

                    sb.Append(TranslateClass(pattern[i..close]));
                    i = close + 1;
                    break;
                case ']':
                    return null;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append('$');
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The index of the ']' closing a class whose content starts at <paramref name="start"/>, or -1.</summary>
    private static int ClassEnd(string pattern, int start)
    {
        int i = start;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        bool first = true;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                i += 2;
                first = false;
                continue;
            }

            if (c == ']' && !first)
            {
                return i;
            }

            if (c == ']')
            {
                // Go's filepath.Match does not accept an empty class.
                return -1;
            }

            first = false;
            i++;
        }

        return -1;
    }

    /// <summary>Go filepath.Match class: <c>[^...]</c> negates, ranges with '-', '\' escapes; never matches '/'.</summary>
    private static string TranslateClass(string body)
    {
        var sb = new StringBuilder();
        bool negate = body.StartsWith('^');
        int i = negate ? 1 : 0;
        while (i < body.Length)
        {
            char c = body[i++];
            if (c == '\\' && i < body.Length)
            {
                c = body[i++];
            }

            if (c == '-' && sb.Length > 0 && i < body.Length)
            {
                sb.Append('-');
                continue;
            }

            sb.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }

        return negate ? "[^/" + sb + "]" : "[" + sb + "-[/]]";
    }
}
