using System.Text;

namespace JobSwipe.InfraLint.Syntax.Dockerfile;

/// <summary>
/// Removes quotes and escapes from a Dockerfile word and expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-w}</c>,
/// <c>${VAR-w}</c>, <c>${VAR:+w}</c>, <c>${VAR+w}</c> like BuildKit's word processor. Other operators
/// (<c>#</c>, <c>%</c>, <c>/</c>, <c>?</c>) are kept as written and mark the result unresolved. Nesting is capped.
/// </summary>
internal static class VariableExpander
{
    private const int MaxDepth = 16;

    public static ExpandedValue Expand(string raw, char escape, IReadOnlyDictionary<string, string?> variables)
    {
        var state = new State(escape, variables, expand: true);
        string value = state.Process(raw, 0);
        return new ExpandedValue(raw, value, state.Unresolved.Count == 0 && state.Resolved, state.Unresolved);
    }

    /// <summary>Quotes and escapes removed, <c>$</c> kept as written.</summary>
    public static string Unquote(string raw, char escape)
    {
        var state = new State(escape, null, expand: false);
        return state.Process(raw, 0);
    }

    private sealed class State(char escape, IReadOnlyDictionary<string, string?>? variables, bool expand)
    {
        public List<string> Unresolved { get; } = [];

        public bool Resolved { get; private set; } = true;

        public string Process(string s, int depth)
        {
            var sb = new StringBuilder(s.Length);
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == escape)
                {
                    if (i + 1 < s.Length)
                    {
                        sb.Append(s[i + 1]);
                    }

                    i += 2;
                }
                else if (c == '\'')
                {
                    int close = s.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        close = s.Length;
                    }

                    sb.Append(s, i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (c == '"')
                {
                    i++;
                    while (i < s.Length && s[i] != '"')
                    {
                        if (s[i] == escape && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '$' || s[i + 1] == escape))
                        {
                            sb.Append(s[i + 1]);
                            i += 2;
                        }
                        else if (s[i] == '$' && expand)
                        {
                            i = Dollar(s, i, sb, depth);
                        }
                        else
                        {
                            sb.Append(s[i]);
                            i++;
                        }
                    }

                    i++;
                }
                else if (c == '$' && expand)
                {
                    i = Dollar(s, i, sb, depth);
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }

            return sb.ToString();
        }

        private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        private (bool Known, string Value) Lookup(string name)
        {
            if (variables is not null && variables.TryGetValue(name, out string? value) && value is not null)
            {
                return (true, value);
            }

            return (false, "");
        }

        private void MarkUnresolved(string name)
        {
            Resolved = false;
            if (!Unresolved.Contains(name))
            {
                Unresolved.Add(name);
            }
        }

        private int Dollar(string s, int i, StringBuilder sb, int depth)
        {
            int start = i;
            if (i + 1 < s.Length && s[i + 1] == '{')
            {
                int j = i + 2;
                while (j < s.Length && IsNameChar(s[j]))
                {
                    j++;
                }

                string name = s[(i + 2)..j];
                int close = FindClose(s, j);
                if (close < 0)
                {
                    // "${" without "}": BuildKit fails to expand it; keep the text.
                    Resolved = false;
                    sb.Append(s, start, s.Length - start);
                    return s.Length;
                }

                if (name.Length == 0)
                {
                    Resolved = false;
                    sb.Append(s, start, close + 1 - start);
                    return close + 1;
                }

                var (known, value) = Lookup(name);
                if (j == close)
                {
                    if (known)
                    {
                        sb.Append(value);
                    }
                    else
                    {
                        MarkUnresolved(name);
                        sb.Append(s, start, close + 1 - start);
                    }

                    return close + 1;
                }

                bool colon = s[j] == ':';
                int op = colon ? j + 1 : j;
                char opChar = op < close ? s[op] : '\0';
                string word = op + 1 <= close ? s[(op + 1)..close] : "";
                if (opChar is '-' or '+' && depth < MaxDepth)
                {
                    bool set = known && (!colon || value.Length > 0);
                    if (!known)
                    {
                        MarkUnresolved(name);
                    }

                    if (opChar == '-')
                    {
                        sb.Append(set ? value : Process(word, depth + 1));
                    }
                    else if (set)
                    {
                        sb.Append(Process(word, depth + 1));
                    }

                    return close + 1;
                }

                // ${VAR?msg}, ${VAR#pattern}, ${VAR%pattern}, ${VAR/a/b}...: not evaluated.
                if (!known)
                {
                    MarkUnresolved(name);
                }

                Resolved = false;
                sb.Append(s, start, close + 1 - start);
                return close + 1;
            }

            int k = i + 1;
            while (k < s.Length && IsNameChar(s[k]))
            {
                k++;
            }

            if (k == i + 1)
            {
                sb.Append('$');
                return i + 1;
            }

            string simple = s[(i + 1)..k];
            var (isKnown, simpleValue) = Lookup(simple);
            if (isKnown)
            {
                sb.Append(simpleValue);
            }
            else
            {
                MarkUnresolved(simple);
                sb.Append(s, start, k - start);
            }

            return k;
        }

        private int FindClose(string s, int from)
        {
            int depth = 1;
            for (int i = from; i < s.Length; i++)
            {
                char c = s[i];
                if (c == escape)
                {
                    i++;
                }
                else if (c == '$' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    depth++;
                    i++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
