namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// The end-of-line setting that <c>.gitattributes</c> files give a path: their lines are <c>pattern attr…</c>, matched like
/// gitignore patterns without negation (a pattern without '/' matches the file name at any depth below the attributes
/// file's folder; with '/' it is anchored there; <c>*</c> and <c>?</c> stay within a segment, <c>**</c> crosses segments).
/// Later lines override earlier ones, deeper files override shallower ones. Only <c>eol</c>, <c>text</c> and <c>binary</c>
/// are read.
/// </summary>
public sealed class GitAttributes
{
    private readonly List<(string Directory, GlobPattern Pattern, string? Eol, bool? Text)> _rules = [];

    /// <summary>Adds the lines of the <c>.gitattributes</c> in <paramref name="directory"/> (root-relative, "" for the root). Add shallower files first.</summary>
    public void Add(string directory, string content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(content);
        foreach (string raw in content.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == '!')
            {
                continue;
            }

            string[] parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            string pattern = parts[0];
            string? eol = null;
            bool? text = null;
            foreach (string attr in parts.Skip(1))
            {
                if (attr.StartsWith("eol=", StringComparison.Ordinal))
                {
                    eol = attr[4..];
                }
                else if (attr is "text" or "text=auto")
                {
                    text = true;
                }
                else if (attr is "-text" or "binary")
                {
                    text = false;
                    eol = null;
                }
            }

            if (eol is null && text is null)
            {
                continue;
            }

            string glob = pattern.TrimStart('/');
            if (!pattern.TrimEnd('/').Contains('/', StringComparison.Ordinal))
            {
                glob = "**/" + glob;
            }

            _rules.Add((directory, new GlobPattern(glob), eol, text));
        }
    }

    /// <summary>The <c>eol</c> value ("lf", "crlf") in effect for a root-relative path, or null when none applies (or it is binary).</summary>
    public string? EolFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? eol = null;
        foreach (var (dir, pattern, ruleEol, text) in _rules.OrderBy(r => r.Directory.Length == 0 ? 0 : r.Directory.Count(c => c == '/') + 1))
        {
            if (dir.Length > 0 && !path.StartsWith(dir + "/", StringComparison.Ordinal))
            {
                continue;
            }

            string relative = dir.Length == 0 ? path : path[(dir.Length + 1)..];
            if (!pattern.IsMatch(relative))
            {
                continue;
            }

            if (text == false)
            {
                eol = null;
            }

            if (ruleEol is not null)
            {
                eol = ruleEol;
            }
        }

        return eol;
    }
}
