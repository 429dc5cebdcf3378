using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>
/// A compiled <c>.editorconfig</c> section glob, with the semantics of Roslyn's <c>AnalyzerConfig</c>:
/// <list type="bullet">
/// <item><c>*</c> any run of characters except <c>/</c>; <c>**</c> any run of characters, <c>/</c> included;
/// <c>?</c> exactly one character (like Roslyn, <c>/</c> included).</item>
/// <item><c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c> character classes (<c>\</c> escapes inside; a class cannot be empty).</item>
/// <item><c>{s1,s2,s3}</c> choices, nestable (up to <see cref="MaxBraceDepth"/> levels); <c>{n1..n2}</c> an integer
/// between n1 and n2 (either order, negative allowed, leading zeros accepted as Roslyn does).</item>
/// <item><c>\x</c> the character <c>x</c> literally. A <c>,</c> or <c>}</c> outside braces, an unclosed <c>{</c> or
/// <c>[</c>, or a trailing <c>\</c> make the glob invalid (such a section applies to no file, as in Roslyn).</item>
/// <item>A glob without <c>/</c> matches the file name in any directory at or below the <c>.editorconfig</c>'s directory;
/// a glob with a <c>/</c> is relative to that directory (a leading <c>/</c> is the same anchor). A <c>/</c> inside
/// braces counts too, as in Roslyn: <c>{*.cs,sub/a.cs}</c> is anchored.</item>
/// </list>
/// Paths are matched against the path relative to the <c>.editorconfig</c>'s directory, written with forward
/// slashes and starting with <c>/</c> (<c>/src/app.cs</c>). Matching is case-sensitive (ordinal), as Roslyn's,
/// on every operating system. Each glob is compiled once into a <see cref="Regex"/> with a match timeout (interpreted;
/// globs with more than three stars use the non-backtracking engine), so matching a path is cheap and bounded.
/// </summary>
public sealed class EditorConfigGlob
{
    /// <summary>The deepest nesting of <c>{...}</c> accepted.</summary>
    public const int MaxBraceDepth = 32;

    /// <summary>The longest glob accepted (in UTF-16 code units).</summary>
    public const int MaxLength = 4096;

    private const int CacheLimit = 2048;

    private const int MaxStarsForBacktracking = 3;

    private static readonly TimeSpan MatchTimeout = RegexLimits.MatchTimeout;

    private static readonly ConcurrentDictionary<string, (EditorConfigGlob? Glob, string? Error)> Cache = new(StringComparer.Ordinal);

    private readonly Regex _regex;
    private readonly (int Min, int Max)[] _ranges;
    private volatile bool _timedOut;

    private EditorConfigGlob(string pattern, Regex regex, (int Min, int Max)[] ranges)
    {
        Pattern = pattern;
        _regex = regex;
        _ranges = ranges;
    }

    /// <summary>The glob as written in the section header (escapes kept).</summary>
    public string Pattern { get; }

    /// <summary>The regular expression the glob compiles to (for diagnostics and tests).</summary>
    public string RegexPattern => _regex.ToString();

    /// <summary>Compiles a glob. Never throws; an invalid glob gives <c>false</c> and a plain-words reason.</summary>
    public static bool TryCreate(string pattern, [NotNullWhen(true)] out EditorConfigGlob? glob, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!Cache.TryGetValue(pattern, out var entry))
        {
            entry = Compile(pattern);
            if (Cache.Count < CacheLimit)
            {
                Cache.TryAdd(pattern, entry);
            }
        }

        glob = entry.Glob;
        error = entry.Error;
        return glob is not null;
    }

    /// <summary>
    /// Whether a path relative to the <c>.editorconfig</c>'s directory matches. The path uses <c>/</c> and starts
    /// with <c>/</c> (<c>/Dockerfile</c>, <c>/deploy/fly.toml</c>).
    /// </summary>
    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (_timedOut)
        {
            return false;
        }

        try
        {
            if (_ranges.Length == 0)
            {
                return _regex.IsMatch(relativePath);
            }

            Match match = _regex.Match(relativePath);
            if (!match.Success)
            {
                return false;
            }

            for (int i = 0; i < _ranges.Length; i++)
            {
                // Like Roslyn: the captured digits must parse as a 32-bit integer within the range.
                if (!int.TryParse(match.Groups[i + 1].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                    || value < _ranges[i].Min
                    || value > _ranges[i].Max)
                {
                    return false;
                }
            }

            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            // Should not happen (see Compile); if it does, stop trying so one glob cannot slow every file down.
            _timedOut = true;
            return false;
        }
    }

    public override string ToString() => Pattern;

    private static (EditorConfigGlob? Glob, string? Error) Compile(string pattern)
    {
        if (pattern.Length == 0)
        {
            return (null, "the section name is empty");
        }

        if (pattern.Length > MaxLength)
        {
            return (null, $"the section name is longer than {MaxLength} characters");
        }

        var compiler = new GlobCompiler(pattern);
        if (!compiler.Compile(out string? regexText, out string? error))
        {
            return (null, error);
        }

        try
        {
            // The backtracking interpreter is cheap to build (microseconds) and, with at most a few stars, cheap to run.
            // Many stars could make it backtrack polynomially, so those globs get the linear-time engine, which is
            // costlier to build (milliseconds) but immune.
            RegexOptions options = RegexOptions.CultureInvariant | RegexOptions.Singleline;
            if (compiler.StarCount > MaxStarsForBacktracking)
            {
                options |= RegexOptions.NonBacktracking;
            }

            var regex = new Regex(regexText, options, MatchTimeout);
            return (new EditorConfigGlob(pattern, regex, [.. compiler.Ranges]), null);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return (null, "the section name is not a valid glob (" + ex.Message + ")");
        }
    }

    /// <summary>A recursive-descent compiler from the glob grammar to a regular expression.</summary>
    private sealed class GlobCompiler(string pattern)
    {
        private readonly StringBuilder _sb = new();
        private int _position;
        private string? _error;
        private char _terminator;

        public List<(int Min, int Max)> Ranges { get; } = [];

        /// <summary>How many <c>*</c> or <c>**</c> the glob has (the regex's unbounded repetitions, the implicit prefix included).</summary>
        public int StarCount { get; private set; }

        public bool Compile([NotNullWhen(true)] out string? regexText, [NotNullWhen(false)] out string? error)
        {
            _sb.Append('^');

            // editorconfig-core (and Roslyn): no '/' anywhere → "**/" prefix; a leading '/' anchors;
            // a '/' elsewhere → relative to the .editorconfig's directory.
            if (!pattern.Contains('/', StringComparison.Ordinal))
            {
                _sb.Append(".*/");
                StarCount++;
            }
            else if (pattern[0] != '/')
            {
                _sb.Append('/');
            }

            if (!CompilePathList(inChoice: false, depth: 0))
            {
                regexText = null;
                error = _error ?? "the section name is not a valid glob";
                return false;
            }

            _sb.Append(@"\z");
            regexText = _sb.ToString();
            error = null;
            return true;
        }

        private bool Fail(string message)
        {
            _error ??= message;
            return false;
        }

        private bool CompilePathList(bool inChoice, int depth)
        {
            while (_position < pattern.Length)
            {
                char c = pattern[_position];
                switch (c)
                {
                    case '*':
                        StarCount++;
                        if (_position + 1 < pattern.Length && pattern[_position + 1] == '*')
                        {
                            _sb.Append(".*");
                            _position += 2;
                        }
                        else
                        {
                            _sb.Append("[^/]*");
                            _position++;
                        }

                        break;

                    case '?':
                        _sb.Append('.');
                        _position++;
                        break;

                    case '{':
                        if (TryNumberRange(out bool rangeFailed))
                        {
                            break;
                        }

                        if (rangeFailed || !CompileChoice(depth + 1))
                        {
                            return false;
                        }

                        break;

                    case '}':
                    case ',':
                        if (!inChoice)
                        {
                            return Fail(c == ','
                                ? $"',' at column {_position + 1} is outside braces (write '\\,' for a literal comma)"
                                : $"'}}' at column {_position + 1} has no matching '{{'");
                        }

                        _terminator = c;
                        _position++;
                        return true;

                    case '[':
                        _position++;
                        if (!CompileCharacterClass())
                        {
                            return false;
                        }

                        break;

                    case '\\':
                        _position++;
                        if (_position >= pattern.Length)
                        {
                            return Fail("the section name ends with a lone '\\'");
                        }

                        AppendLiteral(pattern[_position++]);
                        break;

                    default:
                        AppendLiteral(c);
                        _position++;
                        break;
                }
            }

            return inChoice ? Fail("a '{' is never closed by '}'") : true;
        }

        private bool CompileChoice(int depth)
        {
            if (depth > MaxBraceDepth)
            {
                return Fail($"braces are nested more than {MaxBraceDepth} levels deep");
            }

            _position++; // '{'
            _sb.Append("(?:");
            while (true)
            {
                if (!CompilePathList(inChoice: true, depth))
                {
                    return false;
                }

                if (_terminator == '}')
                {
                    _sb.Append(')');
                    return true;
                }

                _sb.Append('|');
            }
        }

        /// <summary>Tries <c>{n1..n2}</c> at the current '{'. On success consumes it.</summary>
        private bool TryNumberRange(out bool failed)
        {
            failed = false;
            int p = _position + 1;
            if (!TryLexNumber(ref p, out string? start)
                || p + 1 >= pattern.Length || pattern[p] != '.' || pattern[p + 1] != '.')
            {
                return false;
            }

            p += 2;
            if (!TryLexNumber(ref p, out string? end) || p >= pattern.Length || pattern[p] != '}')
            {
                return false;
            }

            if (!int.TryParse(start, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int a)
                || !int.TryParse(end, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int b))
            {
                failed = true;
                return Fail($"the number range '{{{start}..{end}}}' is outside the 32-bit integer range");
            }

            Ranges.Add(a <= b ? (a, b) : (b, a));
            _sb.Append("(-?[0-9]+)");
            _position = p + 1;
            return true;
        }

        private bool TryLexNumber(ref int p, [NotNullWhen(true)] out string? number)
        {
            int start = p;
            if (p < pattern.Length && pattern[p] == '-')
            {
                p++;
            }

            int digits = p;
            while (p < pattern.Length && char.IsAsciiDigit(pattern[p]))
            {
                p++;
            }

            if (p == digits)
            {
                number = null;
                return false;
            }

            number = pattern[start..p];
            return true;
        }

        private bool CompileCharacterClass()
        {
            int open = _position - 1;
            var members = new StringBuilder();
            bool negated = false;
            if (_position < pattern.Length && pattern[_position] == '!')
            {
                negated = true;
                _position++;
            }

            while (_position < pattern.Length)
            {
                char c = pattern[_position++];
                switch (c)
                {
                    case '-':
                        members.Append('-');
                        break;
                    case '\\':
                        if (_position >= pattern.Length)
                        {
                            return Fail($"the character class opened at column {open + 1} ends with a lone '\\'");
                        }

                        AppendClassMember(members, pattern[_position++]);
                        break;
                    case ']':
                        if (members.Length == 0)
                        {
                            return Fail($"the character class at column {open + 1} is empty");
                        }

                        _sb.Append('[');
                        if (negated)
                        {
                            _sb.Append('^');
                        }

                        _sb.Append(members).Append(']');
                        return true;
                    default:
                        AppendClassMember(members, c);
                        break;
                }
            }

            return Fail($"the character class opened at column {open + 1} is never closed by ']'");
        }

        private static void AppendClassMember(StringBuilder members, char c) =>
            members.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

        private void AppendLiteral(char c)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '/' || c == '_')
            {
                _sb.Append(c);
            }
            else
            {
                _sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
    }
}
