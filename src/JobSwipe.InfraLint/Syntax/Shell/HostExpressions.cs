using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Shell;

/// <summary>
/// Host syntax inside shell text that the shell never sees, such as a CI workflow's <c>${{ secrets.HOST }}</c>: before
/// the shell text is parsed, each expression is replaced by a variable expansion of exactly the same length (so every
/// span still maps to the host file), with a distinct name per expression. <see cref="Restore"/> puts the original text
/// back into anything shown to a user.
/// </summary>
public sealed class HostExpressions
{
    private readonly List<(string Placeholder, string Original)> _replaced;

    private HostExpressions(string masked, List<(string Placeholder, string Original)> replaced)
    {
        Masked = masked;
        _replaced = replaced;
    }

    /// <summary>The shell text with every expression replaced by its placeholder expansion.</summary>
    public string Masked { get; }

    /// <summary>True when at least one expression was replaced.</summary>
    public bool Any => _replaced.Count > 0;

    /// <summary>Replaces each expression that starts with <paramref name="open"/> and ends with the next <paramref name="close"/>.</summary>
    public static HostExpressions Mask(string text, string open, string close)
    {
        ArgumentNullException.ThrowIfNull(text);
        var replaced = new List<(string, string)>();
        var masked = new StringBuilder(text.Length);
        int at = 0;
        while (at < text.Length)
        {
            int start = text.IndexOf(open, at, StringComparison.Ordinal);
            int end = start < 0 ? -1 : text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                break;
            }

            end += close.Length;
            string original = text[start..end];
            string placeholder = Placeholder(replaced.Count, original.Length);
            masked.Append(text, at, start - at).Append(placeholder);
            replaced.Add((placeholder, original));
            at = end;
        }

        masked.Append(text, at, text.Length - at);
        return new HostExpressions(masked.ToString(), replaced);
    }

    /// <summary>Parses the masked text; the script's <see cref="ShellScript.Restore"/> gives back the original text.</summary>
    public ParseResult<ShellScript> Parse()
    {
        var result = ShellParser.Parse(new SourceText(Masked));
        result.Model?.AttachHostExpressions(this);
        return result;
    }

    /// <summary><paramref name="shown"/> with every placeholder replaced by the expression it stands for.</summary>
    public string Restore(string shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        foreach ((string placeholder, string original) in _replaced)
        {
            shown = shown.Replace(placeholder, original, StringComparison.Ordinal);
        }

        return shown;
    }

    // $H<index>_… padded to the expression's length: a plain variable expansion the shell parser reads as a value from elsewhere.
    private static string Placeholder(int index, int length)
    {
        string head = "$H" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";
        return head.Length >= length ? head[..Math.Max(2, length)] : head + new string('X', length - head.Length);
    }
}
