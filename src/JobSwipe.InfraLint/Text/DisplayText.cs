using System.Globalization;
using System.Text;

namespace JobSwipe.InfraLint.Text;

/// <summary>
/// Makes text quoted from a linted file safe to print on a terminal, in a CI log or in an IDE: control characters
/// (C0, DEL, C1: ESC sequences, NUL, BEL, CR, LF, tab), Unicode bidirectional controls (U+202A-U+202E,
/// U+2066-U+2069, U+200E/U+200F, U+061C), line and paragraph separators, the byte-order mark and lone surrogates are
/// written as visible escapes (<c>\x1b</c>, <c>\u202e</c>). Every other character, accents and CJK included, stays as it is.
/// </summary>
public static class DisplayText
{
    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c))
            {
                builder.Append(c <= '\u00ff'
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="Escape"/> would change the text.</summary>
    public static bool NeedsEscaping(string text) => IndexOfUnsafe(text) >= 0;

    private static int IndexOfUnsafe(string text)
    {
        // Printable ASCII is always safe: a vectorised search skips it, and only the rest is looked at one by one.
        int start = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (start < 0)
        {
            return -1;
        }

        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007f' and <= '\u009f'
        || c is '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or '\ufeff'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);
}
