namespace JobSwipe.InfraLint.Syntax.Compose;

/// <summary>
/// A variable reference in a compose value: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?message}</c>, <c>${VAR?message}</c>, <c>${VAR:+alt}</c>. <see cref="Start"/> and <see cref="Length"/>
/// are offsets within the value (map them with <c>YamlScalar.MapValueSpanToSource</c>).
/// </summary>
public sealed record ComposeVariableReference(string Name, string? Operator, string? Default, string? ErrorMessage, int Start, int Length)
{
    /// <summary>True for <c>:?</c> / <c>?</c>: Compose fails when the variable is unset (or empty with <c>:?</c>).</summary>
    public bool IsRequired => Operator is ":?" or "?";

    /// <summary>True when a default is given (<c>:-</c> / <c>-</c>).</summary>
    public bool HasDefault => Operator is ":-" or "-";

    /// <summary>True for the braced form <c>${…}</c>.</summary>
    public bool IsBraced { get; init; }
}

/// <summary>Finds variable references in compose values without expanding them. <c>$$</c> is an escaped dollar.</summary>
public static class ComposeInterpolation
{
    public static IReadOnlyList<ComposeVariableReference> Find(string value)
    {
        var result = new List<ComposeVariableReference>();
        if (string.IsNullOrEmpty(value))
        {
            return result;
        }

        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 >= value.Length)
            {
                continue;
            }

            char next = value[i + 1];
            if (next == '$')
            {
                i++;
                continue;
            }

            if (next == '{')
            {
                int close = FindClose(value, i + 2);
                if (close < 0)
                {
                    continue;
                }

                string body = value[(i + 2)..close];
                int nameEnd = 0;
                while (nameEnd < body.Length && IsNameChar(body[nameEnd]))
                {
                    nameEnd++;
                }

                if (nameEnd > 0)
                {
                    string name = body[..nameEnd];
                    string rest = body[nameEnd..];
                    string? op = null;
                    string? argument = null;
                    foreach (var candidate in new[] { ":-", ":?", ":+", "-", "?", "+" })
                    {
                        if (rest.StartsWith(candidate, StringComparison.Ordinal))
                        {
                            op = candidate;
                            argument = rest[candidate.Length..];
                            break;
                        }
                    }

                    if (op is not null || rest.Length == 0)
                    {
                        bool required = op is ":?" or "?";
                        result.Add(new ComposeVariableReference(name, op, required ? null : argument, required ? argument : null, i, close - i + 1) { IsBraced = true });
                        if (argument is not null && !required)
                        {
                            // References nested in a default (${A:-${B}}) are references too.
                            int argStart = i + 2 + nameEnd + op!.Length;
                            foreach (var inner in Find(argument))
                            {
                                result.Add(inner with { Start = inner.Start + argStart });
                            }
                        }
                    }
                }

                i = close;
                continue;
            }

            if (IsNameStart(next))
            {
                int end = i + 1;
                while (end < value.Length && IsNameChar(value[end]))
                {
                    end++;
                }

                result.Add(new ComposeVariableReference(value[(i + 1)..end], null, null, null, i, end - i));
                i = end - 1;
            }
        }

        return result;
    }

    private static int FindClose(string value, int from)
    {
        int depth = 1;
        for (int i = from; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                depth++;
                i++;
            }
            else if (value[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNameStart(char c) => c == '_' || char.IsAsciiLetter(c);

    private static bool IsNameChar(char c) => c == '_' || char.IsAsciiLetterOrDigit(c);
}
