using System.Text;
using System.Xml;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>What the XML report formats share: a UTF-8 writer and text that XML 1.0 can carry.</summary>
internal static class XmlReport
{
    /// <summary>Writes a document with <paramref name="write"/> and returns it as text (UTF-8 declaration, indented, LF).</summary>
    public static string Create(Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// <paramref name="value"/> with every character XML 1.0 forbids (control characters other than tab, CR and LF,
    /// unpaired surrogates, U+FFFE/U+FFFF) written as <c>\uXXXX</c>, so the document stays well-formed.
    /// </summary>
    public static string Text(string value)
    {
        StringBuilder? text = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                text?.Append(c);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                text?.Append(c).Append(value[i + 1]);
                i++;
            }
            else
            {
                text ??= new StringBuilder(value, 0, i, value.Length + 8);
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text?.ToString() ?? value;
    }
}
