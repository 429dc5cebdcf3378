using System.Text;
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
public sealed class DockerIgnoreDocument : ISyntaxModel
{
    internal DockerIgnoreDocument(SourceText text, IReadOnlyList<DockerIgnorePattern> patterns, IReadOnlyList<SyntaxComment> comments)
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
    private readonly (DockerIgnorePattern Pattern, Glob? Glob)[] _patterns;

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
        foreach ((DockerIgnorePattern pattern, Glob? regex) in _patterns)
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

    private static bool SafeMatch(Glob glob, string input) => glob.IsMatch(input);
}

/// <summary>Parses .dockerignore files: one pattern per line, <c>#</c> in column 1 starts a comment, <c>!</c> marks an exception.</summary>
public static class DockerIgnoreParser
{
    public static ParseResult<DockerIgnoreDocument> Parse(SourceText text)
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

        return new ParseResult<DockerIgnoreDocument>(new DockerIgnoreDocument(text, patterns, comments), errors);
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

    /// <summary>Compiles a cleaned pattern to a glob matcher (as Docker's patternmatcher reads it); null when malformed.</summary>
    internal static Glob? Compile(string pattern)
    {
        var tokens = new List<Glob.Token>();
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

                        tokens.Add(new Glob.Token(i >= pattern.Length ? Glob.Kind.AnyString : Glob.Kind.AnyDirectories));
                    }
                    else
                    {
                        tokens.Add(new Glob.Token(Glob.Kind.Star));
                    }

                    break;
                case '?':
                    tokens.Add(new Glob.Token(Glob.Kind.AnyChar));
                    break;
                case '\\':
                    if (i >= pattern.Length)
                    {
                        return null;
                    }

                    tokens.Add(new Glob.Token(Glob.Kind.Literal, pattern[i++]));
                    break;
                case '[':
                    Glob.Token? cls = ReadClass(pattern, ref i);
                    if (cls is null)
                    {
                        return null;
                    }

                    tokens.Add(cls.Value);
                    break;
                case ']':
                    return null;
                default:
                    tokens.Add(new Glob.Token(Glob.Kind.Literal, c));
                    break;
            }
        }

        return new Glob([.. tokens]);
    }

    /// <summary>Reads a Go filepath.Match class after '[': <c>^</c> negates, ranges with '-', '\\' escapes.</summary>
    private static Glob.Token? ReadClass(string pattern, ref int i)
    {
        bool negate = i < pattern.Length && pattern[i] == '^';
        if (negate)
        {
            i++;
        }

        var ranges = new List<(char Lo, char Hi)>();
        bool first = true;
        while (true)
        {
            if (i >= pattern.Length)
            {
                return null;
            }

            char c = pattern[i];
            if (c == ']' && !first)
            {
                i++;
                return new Glob.Token(Glob.Kind.Class, Negate: negate, Ranges: [.. ranges]);
            }

            if (!ReadClassChar(pattern, ref i, out char lo))
            {
                return null;
            }

            char hi = lo;
            if (i < pattern.Length && pattern[i] == '-' && i + 1 < pattern.Length && pattern[i + 1] != ']')
            {
                i++;
                if (!ReadClassChar(pattern, ref i, out hi) || hi < lo)
                {
                    return null;
                }
            }

            ranges.Add((lo, hi));
            first = false;
        }
    }

    private static bool ReadClassChar(string pattern, ref int i, out char c)
    {
        c = pattern[i++];
        if (c == '\\')
        {
            if (i >= pattern.Length)
            {
                return false;
            }

            c = pattern[i++];
        }
        else if (c is '[' or ']')
        {
            return c == ']' ? false : true;
        }

        return true;
    }
}

/// <summary>
/// A compiled .dockerignore pattern, matched by simulating all positions at once (linear in
/// pattern length times path length, whatever the number of stars).
/// </summary>
internal sealed class Glob(Glob.Token[] tokens)
{
    internal enum Kind
    {
        Literal,
        AnyChar,
        Class,
        Star,
        AnyDirectories,
        AnyString,
    }

    internal readonly record struct Token(Kind Kind, char Char = default, bool Negate = false, (char Lo, char Hi)[]? Ranges = null)
    {
        public bool MatchesOne(char c) => Kind switch
        {
            Kind.Literal => c == Char,
            Kind.AnyChar => c != '/',
            Kind.Class => c != '/' && Ranges!.Any(r => c >= r.Lo && c <= r.Hi) != Negate,
            _ => false,
        };
    }

    public bool IsMatch(string input)
    {
        int m = tokens.Length;

        // State 2k: at token k; state 2k+1: inside the "any directories/" of token k.
        var current = new bool[(2 * m) + 2];
        var next = new bool[(2 * m) + 2];
        current[0] = true;
        Close(current);
        foreach (char c in input)
        {
            Array.Clear(next);
            bool any = false;
            for (int k = 0; k < m; k++)
            {
                Token t = tokens[k];
                if (current[2 * k])
                {
                    switch (t.Kind)
                    {
                        case Kind.Star when c != '/':
                        case Kind.AnyString:
                            next[2 * k] = true;
                            break;
                        case Kind.AnyDirectories:
                            next[(2 * k) + 1] = true;
                            if (c == '/')
                            {
                                next[2 * (k + 1)] = true;
                            }

                            break;
                        default:
                            if (t.MatchesOne(c))
                            {
                                next[2 * (k + 1)] = true;
                            }

                            break;
                    }
                }

                if (current[(2 * k) + 1])
                {
                    next[(2 * k) + 1] = true;
                    if (c == '/')
                    {
                        next[2 * (k + 1)] = true;
                    }
                }
            }

            Close(next);
            (current, next) = (next, current);
            for (int k = 0; k < current.Length && !any; k++)
            {
                any = current[k];
            }

            if (!any)
            {
                return false;
            }
        }

        return current[2 * m];
    }

    /// <summary>Stars and "any directories" may match nothing: move past them.</summary>
    private void Close(bool[] states)
    {
        for (int k = 0; k < tokens.Length; k++)
        {
            if (states[2 * k] && tokens[k].Kind is Kind.Star or Kind.AnyDirectories or Kind.AnyString)
            {
                states[2 * (k + 1)] = true;
            }
        }
    }
}
