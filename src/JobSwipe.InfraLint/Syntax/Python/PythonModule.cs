using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Syntax.Python;

/// <summary>How a top-level name of a Python module got bound.</summary>
public enum PythonBindingKind
{
    Assignment,
    Function,
    Class,
    Import,
}

/// <summary>A name bound at module level: <c>app = FastAPI()</c>, <c>def main()</c>, <c>class App</c>, <c>from x import app</c>, <c>import a.b</c> (binds <c>a</c>).</summary>
public sealed record PythonBinding(string Name, PythonBindingKind Kind, TextSpan Span);

/// <summary>
/// A minimal model of a Python source file: the names its module level defines (assignments, annotated assignments,
/// <c>def</c>/<c>async def</c>, <c>class</c>, imports), also those inside top-level <c>if</c>/<c>try</c>/<c>with</c>/<c>for</c>
/// blocks (they are module attributes too), never those inside functions or classes. Strings (triple-quoted included),
/// comments, brackets spanning lines and backslash continuations are skipped. Enough to answer "does main.py define app?".
/// </summary>
public sealed class PythonModule : ISyntaxModel
{
    private PythonModule(SourceText text, IReadOnlyList<PythonBinding> bindings, bool hasWildcardImport)
    {
        Text = text;
        Bindings = bindings;
        HasWildcardImport = hasWildcardImport;
    }

    public SourceText Text { get; }

    public IReadOnlyList<SyntaxComment> Comments => [];

    public IReadOnlyList<PythonBinding> Bindings { get; }

    /// <summary>True when the module does <c>from x import *</c>: any name may then be defined.</summary>
    public bool HasWildcardImport { get; }

    /// <summary>True when the module level binds <paramref name="name"/> (or may, through a wildcard import).</summary>
    public bool Defines(string name) => HasWildcardImport || Bindings.Any(b => b.Name == name);

    public static PythonModule Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bindings = new List<PythonBinding>();
        bool wildcard = false;
        string s = text.Content;
        int depthOfBody = -1; // indentation of a def/class body we are skipping; -1 when none
        foreach (var (start, line) in LogicalLines(s))
        {
            int indent = 0;
            while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
            {
                indent++;
            }

            string body = line[indent..];
            if (body.Length == 0 || body[0] == '#')
            {
                continue;
            }

            if (depthOfBody >= 0)
            {
                if (indent > depthOfBody)
                {
                    continue;
                }

                depthOfBody = -1;
            }

            string stmt = body.StartsWith("async ", StringComparison.Ordinal) ? body[6..].TrimStart() : body;
            if (stmt.StartsWith('@'))
            {
                continue;
            }

            if (stmt.StartsWith("def ", StringComparison.Ordinal) || stmt.StartsWith("class ", StringComparison.Ordinal))
            {
                bool isClass = stmt[0] == 'c';
                string rest = stmt[(isClass ? 6 : 4)..].TrimStart();
                string name = Identifier(rest);
                if (name.Length > 0)
                {
                    bindings.Add(new PythonBinding(name, isClass ? PythonBindingKind.Class : PythonBindingKind.Function, new TextSpan(start + line.IndexOf(name, indent, StringComparison.Ordinal), name.Length)));
                }

                depthOfBody = indent;
                continue;
            }

            foreach (string part in SplitStatements(stmt))
            {
                string p = part.Trim();
                if (p.StartsWith("import ", StringComparison.Ordinal))
                {
                    foreach (string item in p[7..].Split(','))
                    {
                        string[] words = item.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        string bound = words.Length >= 3 && words[1] == "as" ? words[2] : words.Length > 0 ? words[0].Split('.')[0] : "";
                        Add(bindings, bound, PythonBindingKind.Import, start, line);
                    }
                }
                else if (p.StartsWith("from ", StringComparison.Ordinal) && p.IndexOf(" import ", StringComparison.Ordinal) is var at and > 0)
                {
                    string names = p[(at + 8)..].Trim().Trim('(', ')');
                    foreach (string item in names.Split(','))
                    {
                        string[] words = item.Trim().Trim('(', ')').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (words.Length == 0)
                        {
                            continue;
                        }

                        if (words[0] == "*")
                        {
                            wildcard = true;
                            continue;
                        }

                        Add(bindings, words.Length >= 3 && words[1] == "as" ? words[2] : words[0], PythonBindingKind.Import, start, line);
                    }
                }
                else
                {
                    // Compound headers at module level (if/try/with/for/while/else) hold module-level statements: keep reading.
                    foreach (string target in AssignmentTargets(p))
                    {
                        Add(bindings, target, PythonBindingKind.Assignment, start, line);
                    }

                    if (p.StartsWith("for ", StringComparison.Ordinal) || p.StartsWith("with ", StringComparison.Ordinal))
                    {
                        int asAt = p.IndexOf(" as ", StringComparison.Ordinal);
                        string target = p.StartsWith("for ", StringComparison.Ordinal) ? Identifier(p[4..].TrimStart()) : asAt > 0 ? Identifier(p[(asAt + 4)..].TrimStart()) : "";
                        Add(bindings, target, PythonBindingKind.Assignment, start, line);
                    }
                }
            }
        }

        return new PythonModule(text, bindings, wildcard);
    }

    private static void Add(List<PythonBinding> bindings, string name, PythonBindingKind kind, int lineStart, string line)
    {
        if (name.Length == 0 || !IsIdentifier(name))
        {
            return;
        }

        int at = line.IndexOf(name, StringComparison.Ordinal);
        bindings.Add(new PythonBinding(name, kind, new TextSpan(lineStart + Math.Max(0, at), name.Length)));
    }

    // `a = b = 1`, `x: int = 1`, `a, b = f()`, `(a, b) = …`; not `==`, `<=`, keyword arguments inside calls.
    private static IEnumerable<string> AssignmentTargets(string statement)
    {
        int depth = 0;
        int segmentStart = 0;
        for (int i = 0; i < statement.Length; i++)
        {
            char c = statement[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (depth == 0 && c == '=' && (i + 1 >= statement.Length || statement[i + 1] != '=') && (i == 0 || "=!<>+-*/%&|^@:".IndexOf(statement[i - 1], StringComparison.Ordinal) < 0))
            {
                string target = statement[segmentStart..i];
                int colon = target.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    target = target[..colon];
                }

                foreach (string t in target.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Split(','))
                {
                    string name = t.Trim().TrimStart('*');
                    if (IsIdentifier(name))
                    {
                        yield return name;
                    }
                }

                segmentStart = i + 1;
            }
            else if (depth == 0 && c == ':' && segmentStart == 0 && i + 1 < statement.Length && statement.IndexOf('=', i) < 0)
            {
                // annotated declaration without value: `x: int`
                string name = statement[..i].Trim();
                if (IsIdentifier(name))
                {
                    yield return name;
                }

                yield break;
            }
        }
    }

    private static IEnumerable<string> SplitStatements(string line) => line.Split(';');

    private static string Identifier(string s)
    {
        int n = 0;
        while (n < s.Length && (char.IsLetterOrDigit(s[n]) || s[n] == '_'))
        {
            n++;
        }

        return s[..n];
    }

    private static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_')
        && s is not ("if" or "else" or "elif" or "try" or "except" or "finally" or "while" or "for" or "with" or "return" or "pass" or "not" or "and" or "or" or "in" or "is" or "lambda" or "None" or "True" or "False");

    /// <summary>Logical lines with strings blanked (so their content never looks like code), comments removed and continuations joined.</summary>
    private static IEnumerable<(int Start, string Line)> LogicalLines(string s)
    {
        var current = new System.Text.StringBuilder();
        int start = 0;
        int depth = 0;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c is '"' or '\'')
            {
                bool triple = i + 2 < s.Length && s[i + 1] == c && s[i + 2] == c;
                string quote = triple ? new string(c, 3) : c.ToString();
                int end = i + quote.Length;
                while (end < s.Length)
                {
                    if (s[end] == '\\')
                    {
                        end += 2;
                        continue;
                    }

                    if (!triple && s[end] == '\n')
                    {
                        break;
                    }

                    if (string.CompareOrdinal(s, end, quote, 0, quote.Length) == 0)
                    {
                        end += quote.Length;
                        break;
                    }

                    end++;
                }

                end = Math.Min(end, s.Length);
                current.Append('"').Append('"');
                i = end;
                continue;
            }

            if (c == '#')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '\\' && i + 1 < s.Length && s[i + 1] is '\n' or '\r')
            {
                i += s[i + 1] == '\r' && i + 2 < s.Length && s[i + 2] == '\n' ? 3 : 2;
                current.Append(' ');
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }

            if (c == '\n')
            {
                if (depth == 0)
                {
                    yield return (start, current.ToString().TrimEnd('\r'));
                    current.Clear();
                    start = i + 1;
                }
                else
                {
                    current.Append(' ');
                }

                i++;
                continue;
            }

            current.Append(c);
            i++;
        }

        if (current.Length > 0)
        {
            yield return (start, current.ToString());
        }
    }
}
