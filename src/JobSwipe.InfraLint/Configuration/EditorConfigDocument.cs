using System.Globalization;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>One <c>key = value</c> line. <see cref="Key"/> is lower-cased; <see cref="Value"/> is trimmed.</summary>
/// <param name="Key">The key, lower-cased (keys compare case-insensitively).</param>
/// <param name="Value">
/// The value, trimmed. Like Roslyn, a <c>#</c> or <c>;</c> in the value starts a comment (editorconfig 0.15 says
/// otherwise; Roslyn has not changed). Values of the reserved editorconfig keys (<c>root</c>, <c>indent_style</c>…)
/// and the value <c>unset</c> are lower-cased, as Roslyn does; other values keep their case.
/// </param>
/// <param name="KeySpan">Where the key is.</param>
/// <param name="ValueSpan">Where the value is (empty, just after the separator, when the value is empty).</param>
/// <param name="Span">The whole property, key to value, without leading blanks or a trailing comment.</param>
public sealed record EditorConfigProperty(string Key, string Value, TextSpan KeySpan, TextSpan ValueSpan, TextSpan Span);

/// <summary>
/// A <c>[glob]</c> section and its properties in file order (a repeated key is kept; the later one wins).
/// <see cref="Glob"/> is null when the name is not a valid glob; such a section applies to no file.
/// </summary>
public sealed class EditorConfigSection
{
    internal EditorConfigSection(string name, TextSpan nameSpan, TextSpan headerSpan, IReadOnlyList<EditorConfigProperty> properties, EditorConfigGlob? glob)
    {
        Name = name;
        NameSpan = nameSpan;
        HeaderSpan = headerSpan;
        Properties = properties;
        Glob = glob;
    }

    /// <summary>The name between the brackets as written (escapes kept).</summary>
    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>The header from <c>[</c> to <c>]</c>.</summary>
    public TextSpan HeaderSpan { get; }

    public IReadOnlyList<EditorConfigProperty> Properties { get; }

    public EditorConfigGlob? Glob { get; }

    public override string ToString() => $"[{Name}]";
}

/// <summary>
/// A parsed <c>.editorconfig</c> file, read the way Roslyn's <c>AnalyzerConfig</c> reads it:
/// <list type="bullet">
/// <item>blank lines are skipped; a line whose first non-blank character is <c>#</c> or <c>;</c> is a comment;</item>
/// <item><c>[name]</c> starts a section (the name may contain <c>]</c>; a <c>#</c> or <c>;</c> in it must be escaped with
/// <c>\</c>; a comment may follow the closing bracket);</item>
/// <item><c>key = value</c> (or <c>key: value</c>) is a property; the key is letters, digits, <c>_</c>, <c>.</c> and
/// <c>-</c>; the value runs to the first <c>#</c> or <c>;</c> (a comment) or the end of the line, trimmed;</item>
/// <item>properties before the first section form the preamble (<see cref="Preamble"/>); only <c>root</c> means something
/// there — the preamble applies to no file.</item>
/// </list>
/// Roslyn silently drops any other line; here each one is also reported in <see cref="Problems"/> with its span.
/// Parsing never throws and is linear in the text's length.
/// </summary>
public sealed class EditorConfigDocument : ISyntaxModel
{
    /// <summary>The file name Roslyn and editors look for.</summary>
    public const string FileName = ".editorconfig";

    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        "root", "indent_style", "indent_size", "tab_width", "end_of_line", "charset", "trim_trailing_whitespace", "insert_final_newline",
    };

    private EditorConfigDocument(
        string path,
        string directoryPath,
        SourceText text,
        IReadOnlyList<EditorConfigProperty> preamble,
        IReadOnlyList<EditorConfigSection> sections,
        IReadOnlyList<SyntaxComment> comments,
        IReadOnlyList<ConfigurationProblem> problems)
    {
        Path = path;
        DirectoryPath = directoryPath;
        NormalizedDirectory = PathNormalizer.NormalizeDirectory(directoryPath);
        Text = text;
        Preamble = preamble;
        Sections = sections;
        Comments = comments;
        Problems = problems;
        EditorConfigProperty? root = preamble.LastOrDefault(p => p.Key == "root");
        IsRoot = root is not null && root.Value == "true";
    }

    /// <summary>The file's path (<see cref="DirectoryPath"/> joined with <c>.editorconfig</c>), as used in problems.</summary>
    public string Path { get; }

    /// <summary>The directory the file is in, as given.</summary>
    public string DirectoryPath { get; }

    /// <summary>The directory with <c>/</c> separators and no trailing <c>/</c> (the file-system root is the empty string).</summary>
    public string NormalizedDirectory { get; }

    public SourceText Text { get; }

    /// <summary>Properties before the first section header.</summary>
    public IReadOnlyList<EditorConfigProperty> Preamble { get; }

    /// <summary>The <c>[glob]</c> sections in file order (including those whose glob is invalid).</summary>
    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <summary>Whole-line comments and the comments after values or section headers.</summary>
    public IReadOnlyList<SyntaxComment> Comments { get; }

    /// <summary>Malformed lines and invalid section globs, each with its span.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary><c>root = true</c> in the preamble (case-insensitive): no <c>.editorconfig</c> further up applies.</summary>
    public bool IsRoot { get; }

    /// <summary>Parses the text of the <c>.editorconfig</c> in <paramref name="directoryPath"/>. Never throws.</summary>
    public static EditorConfigDocument Parse(SourceText text, string directoryPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(directoryPath);
        string path = PathNormalizer.Join(directoryPath, FileName);
        var parser = new Parser(text, path);
        parser.Run();
        return new EditorConfigDocument(path, directoryPath, text, parser.Preamble, parser.Sections, parser.Comments, parser.Problems);
    }

    /// <summary>Parses a string; a convenience for tests and callers that already read the file.</summary>
    public static EditorConfigDocument Parse(string text, string directoryPath) => Parse(new SourceText(text ?? string.Empty), directoryPath);

    public override string ToString() => Path;

    private sealed class Parser(SourceText text, string path)
    {
        private readonly string _content = text.Content;
        private List<EditorConfigProperty> _current = [];
        private string? _sectionName;
        private TextSpan _sectionNameSpan;
        private TextSpan _sectionHeaderSpan;

        public List<EditorConfigProperty> Preamble { get; private set; } = [];

        public List<EditorConfigSection> Sections { get; } = [];

        public List<SyntaxComment> Comments { get; } = [];

        public List<ConfigurationProblem> Problems { get; } = [];

        public void Run()
        {
            Preamble = _current;
            for (int line = 1; line <= text.LineCount; line++)
            {
                int start = text.GetLineStart(line);
                int end = text.GetLineEnd(line);
                if (line == 1 && start < end && _content[start] == '\uFEFF')
                {
                    start++;
                }

                ParseLine(start, end);
            }

            CloseSection();
        }

        private void ParseLine(int start, int end)
        {
            int i = start;
            while (i < end && char.IsWhiteSpace(_content[i]))
            {
                i++;
            }

            if (i == end)
            {
                return;
            }

            char first = _content[i];
            if (first is '#' or ';')
            {
                AddComment(i, end);
                return;
            }

            if (first == '[')
            {
                if (!TryParseSectionHeader(i, end))
                {
                    ReportBadHeader(i, end);
                }

                return;
            }

            ParseProperty(i, end);
        }

        /// <summary>
        /// Roslyn's header: '[' name ']' blanks, then nothing or a comment. The name is one or more characters where
        /// every '#' or ';' is preceded by '\'; it may contain ']' (the last ']' before the blanks closes it).
        /// </summary>
        private bool TryParseSectionHeader(int open, int end)
        {
            int nameStart = open + 1;
            int comment = end;
            for (int j = nameStart; j < end; j++)
            {
                if (_content[j] is '#' or ';' && _content[j - 1] != '\\')
                {
                    comment = j;
                    break;
                }
            }

            int close = comment - 1;
            while (close >= nameStart && char.IsWhiteSpace(_content[close]))
            {
                close--;
            }

            if (close <= nameStart || _content[close] != ']')
            {
                return false;
            }

            CloseSection();
            _sectionName = _content[nameStart..close];
            _sectionNameSpan = TextSpan.FromBounds(nameStart, close);
            _sectionHeaderSpan = TextSpan.FromBounds(open, close + 1);
            _current = [];
            if (comment < end)
            {
                AddComment(comment, end);
            }

            return true;
        }

        private void ReportBadHeader(int open, int end)
        {
            int trimmedEnd = TrimEnd(open, end);
            var span = TextSpan.FromBounds(open, trimmedEnd);
            string header = _content[open..trimmedEnd];
            string message;
            if (header.StartsWith("[]", StringComparison.Ordinal))
            {
                message = "The section header '[]' has no glob; the line is ignored and the properties after it stay in the previous section.";
            }
            else if (!header.Contains(']', StringComparison.Ordinal))
            {
                message = $"The section header '{Shorten(header)}' has no closing ']'; the line is ignored and the properties after it stay in the previous section.";
            }
            else
            {
                message = $"The section header '{Shorten(header)}' is malformed: only a comment may follow the closing ']', and a '#' or ';' in the glob must be written '\\#' or '\\;'. The line is ignored.";
            }

            Problems.Add(new ConfigurationProblem(path, span, message, text));
        }

        private void ParseProperty(int keyStart, int end)
        {
            int keyEnd = keyStart;
            while (keyEnd < end && IsKeyCharacter(_content[keyEnd]))
            {
                keyEnd++;
            }

            int i = keyEnd;
            while (i < end && char.IsWhiteSpace(_content[i]))
            {
                i++;
            }

            if (keyEnd == keyStart || i == end || _content[i] is not ('=' or ':'))
            {
                ReportBadProperty(keyStart, keyEnd, i, end);
                return;
            }

            int valueStart = i + 1;
            while (valueStart < end && char.IsWhiteSpace(_content[valueStart]))
            {
                valueStart++;
            }

            int comment = end;
            for (int j = valueStart; j < end; j++)
            {
                if (_content[j] is '#' or ';')
                {
                    comment = j;
                    break;
                }
            }

            int valueEnd = TrimEnd(valueStart, comment);
            string key = _content[keyStart..keyEnd].ToLowerInvariant();
            string value = _content[valueStart..valueEnd];
            if (ReservedKeys.Contains(key) || string.Equals(value, "unset", StringComparison.OrdinalIgnoreCase))
            {
                value = value.ToLowerInvariant();
            }

            if (comment < end)
            {
                AddComment(comment, end);
            }

            _current.Add(new EditorConfigProperty(
                key,
                value,
                TextSpan.FromBounds(keyStart, keyEnd),
                TextSpan.FromBounds(valueStart, valueEnd),
                TextSpan.FromBounds(keyStart, Math.Max(valueEnd, i + 1))));
        }

        private void ReportBadProperty(int keyStart, int keyEnd, int afterBlanks, int end)
        {
            int lineEnd = TrimEnd(keyStart, end);
            string line = Shorten(_content[keyStart..lineEnd]);
            TextSpan span;
            string message;
            if (keyEnd == keyStart)
            {
                span = new TextSpan(keyStart, 1);
                message = _content[keyStart] is '=' or ':'
                    ? $"The property '{line}' has no key; the line is ignored."
                    : $"The line '{line}' is not a 'key = value' property, a '[section]' header or a comment: a key may only contain letters, digits, '_', '.' and '-'. The line is ignored.";
            }
            else if (afterBlanks == end)
            {
                span = TextSpan.FromBounds(keyStart, keyEnd);
                message = $"'{line}' has no '=' and no value; the line is ignored.";
            }
            else
            {
                span = TextSpan.FromBounds(keyStart, lineEnd);
                message = $"The line '{line}' is not a 'key = value' property: the key '{_content[keyStart..keyEnd]}' is followed by '{_content[afterBlanks]}' instead of '=' (a key may only contain letters, digits, '_', '.' and '-'). The line is ignored.";
            }

            Problems.Add(new ConfigurationProblem(path, span, message, text));
        }

        private void CloseSection()
        {
            if (_sectionName is null)
            {
                return;
            }

            EditorConfigGlob? glob = null;
            if (!EditorConfigGlob.TryCreate(_sectionName, out glob, out string? error))
            {
                Problems.Add(new ConfigurationProblem(
                    path,
                    _sectionNameSpan,
                    $"The section '[{Shorten(_sectionName)}]' applies to no file: {error}.",
                    text));
            }

            Sections.Add(new EditorConfigSection(_sectionName, _sectionNameSpan, _sectionHeaderSpan, _current, glob));
            _sectionName = null;
        }

        private void AddComment(int start, int end)
        {
            int bodyStart = start + 1;
            Comments.Add(new SyntaxComment(TextSpan.FromBounds(start, end), _content[bodyStart..end].Trim()));
        }

        private int TrimEnd(int start, int end)
        {
            while (end > start && char.IsWhiteSpace(_content[end - 1]))
            {
                end--;
            }

            return end;
        }

        private static string Shorten(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");

        /// <summary>Roslyn's key class: regex <c>[\w\.\-_]</c>, where <c>\w</c> is letters, decimal digits, non-spacing marks and connector punctuation.</summary>
        private static bool IsKeyCharacter(char c)
        {
            if (c is '.' or '-' or '_' || char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }

            if (c < 128)
            {
                return false;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
        }
    }
}
