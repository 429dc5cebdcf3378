using System.Text;
using System.Text.Json;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Manifests;

/// <summary>
/// Reads package.json with <see cref="Utf8JsonReader"/> for exact positions: dependencies, devDependencies,
/// optionalDependencies, peerDependencies, scripts, name, main and type. Malformed JSON is a syntax error at its place.
/// </summary>
public static class PackageJsonParser
{
    /// <summary>The deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 256;

    public static ParseResult<PackageJsonManifest> Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Encoding.UTF8.GetBytes(text.Content);
        int[] byteToChar = BuildByteToChar(text.Content, bytes.Length);
        var deps = new List<Dependency>();
        var scripts = new List<PackageScript>();
        PackageJsonString? name = null, main = null, type = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                return Fail(text, "The package.json file is empty.", new TextSpan(0, 0), deps, scripts);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(text, "package.json must contain a JSON object.", TokenSpan(ref reader, byteToChar), deps, scripts);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string property = reader.GetString() ?? string.Empty;
                reader.Read();
                switch (property)
                {
                    case "dependencies":
                    case "devDependencies":
                    case "optionalDependencies":
                    case "peerDependencies":
                        ReadObject(ref reader, byteToChar, (key, keySpan, value, _) => deps.Add(new Dependency(key.ToLowerInvariant(), key, keySpan, property == "devDependencies")
                        {
                            VersionSpec = value,
                            Group = property,
                            IsOptional = property is "optionalDependencies" or "peerDependencies",
                        }));
                        break;
                    case "scripts":
                        ReadObject(ref reader, byteToChar, (key, keySpan, value, valueSpan) =>
                        {
                            if (value is not null)
                            {
                                scripts.Add(new PackageScript(key, keySpan, value, valueSpan));
                            }
                        });
                        break;
                    case "name":
                    case "main":
                    case "type":
                        PackageJsonString? str = null;
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            str = new PackageJsonString(reader.GetString() ?? string.Empty, ValueSpan(ref reader, byteToChar));
                        }
                        else
                        {
                            reader.Skip();
                        }

                        if (property == "name")
                        {
                            name ??= str;
                        }
                        else if (property == "main")
                        {
                            main ??= str;
                        }
                        else
                        {
                            type ??= str;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Read to the end so trailing garbage is reported.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            int line = (int)Math.Clamp((ex.LineNumber ?? 0) + 1, 1, int.MaxValue);
            int lineStartChar = text.GetLineStart(line);
            int lineStartByte = Encoding.UTF8.GetByteCount(text.Content.AsSpan(0, lineStartChar));
            long errorByte = Math.Clamp(lineStartByte + (ex.BytePositionInLine ?? 0), 0, bytes.Length);
            int at = byteToChar[errorByte];
            return Fail(text, PlainJsonMessage(ex.Message), new TextSpan(at, at < text.Length ? 1 : 0), deps, scripts);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return Fail(text, "The package.json file could not be read: " + ex.Message, new TextSpan(0, Math.Min(1, text.Length)), deps, scripts);
        }

        return ParseResult<PackageJsonManifest>.Success(new PackageJsonManifest(text, deps, scripts, name, main, type));
    }

    private static ParseResult<PackageJsonManifest> Fail(SourceText text, string message, TextSpan span, List<Dependency> deps, List<PackageScript> scripts) =>
        ParseResult<PackageJsonManifest>.Failure(new SyntaxError(message, span), new PackageJsonManifest(text, deps, scripts, null, null, null));

    private static string PlainJsonMessage(string message)
    {
        // "'x' is an invalid start of a value. LineNumber: 2 | BytePositionInLine: 4." → drop the position suffix.
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string m = at >= 0 ? message[..at] : message;
        if (m.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            return $"The JSON nesting is deeper than {MaxDepth} levels.";
        }

        return "Invalid JSON: " + m.Trim();
    }

    private delegate void EntryHandler(string key, TextSpan keySpan, string? value, TextSpan valueSpan);

    private static void ReadObject(ref Utf8JsonReader reader, int[] byteToChar, EntryHandler handler)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString() ?? string.Empty;
            TextSpan keySpan = ValueSpan(ref reader, byteToChar);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                handler(key, keySpan, reader.GetString(), ValueSpan(ref reader, byteToChar));
            }
            else
            {
                TextSpan valueSpan = TokenSpan(ref reader, byteToChar);
                reader.Skip();
                handler(key, keySpan, null, valueSpan);
            }
        }
    }

    /// <summary>The span of a string or property name's content, quotes excluded.</summary>
    private static TextSpan ValueSpan(ref Utf8JsonReader reader, int[] byteToChar)
    {
        long start = reader.TokenStartIndex + 1;
        long end = start + (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length);
        return TextSpan.FromBounds(byteToChar[Math.Min(start, byteToChar.Length - 1)], byteToChar[Math.Min(end, byteToChar.Length - 1)]);
    }

    private static TextSpan TokenSpan(ref Utf8JsonReader reader, int[] byteToChar)
    {
        long start = reader.TokenStartIndex;
        long end = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? start + 1 : reader.BytesConsumed;
        return TextSpan.FromBounds(byteToChar[Math.Min(start, byteToChar.Length - 1)], byteToChar[Math.Min(end, byteToChar.Length - 1)]);
    }

    /// <summary>Maps each UTF-8 byte offset to the UTF-16 offset of the character it belongs to.</summary>
    private static int[] BuildByteToChar(string content, int byteCount)
    {
        var map = new int[byteCount + 1];
        int b = 0;
        for (int c = 0; c < content.Length; c++)
        {
            int width;
            char ch = content[c];
            if (char.IsHighSurrogate(ch) && c + 1 < content.Length && char.IsLowSurrogate(content[c + 1]))
            {
                width = 4;
                for (int k = 0; k < width && b + k < byteCount; k++)
                {
                    map[b + k] = c;
                }

                b += width;
                c++;
                continue;
            }

            width = ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
            for (int k = 0; k < width && b + k < byteCount; k++)
            {
                map[b + k] = c;
            }

            b += width;
        }

        map[byteCount] = content.Length;
        return map;
    }
}
