using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// Inline suppressions, read from a file's comments in its own comment syntax:
/// <c># infralint-disable-next-line JSI2003[, JSI2004] [-- reason]</c> silences those rules on the next line;
/// <c># infralint-disable JSI2003 [-- reason]</c> silences them from that line to the end of the file.
/// IDs are case-insensitive. A comment naming an unknown ID, or none, is JSI0002.
/// </summary>
internal sealed partial class SuppressionIndex
{
    private const string Keyword = "infralint-disable";

    private readonly Dictionary<int, HashSet<string>> _nextLine = [];
    private readonly List<(int FromLine, string Id)> _toEnd = [];

    private SuppressionIndex()
    {
    }

    public static SuppressionIndex Build(string path, ISyntaxModel model, IReadOnlySet<string> knownIds, List<Diagnostic> problems)
    {
        var index = new SuppressionIndex();
        foreach (var comment in model.Comments)
        {
            // Most comments are prose: the directive's keyword is looked for before the pattern runs.
            if (!comment.Text.Contains(Keyword, StringComparison.Ordinal))
            {
                continue;
            }

            var match = DirectivePattern().Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var location = Location.Create(path, model.Text, comment.Span);
            bool nextLine = match.Groups["kind"].Value == "-next-line";
            string body = match.Groups["body"].Value;
            int reason = body.IndexOf("--", StringComparison.Ordinal);
            string idsText = reason >= 0 ? body[..reason] : body;
            var ids = idsText.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length == 0)
            {
                problems.Add(Diagnostic.Create(EngineDescriptors.InvalidConfiguration, location, "this suppression comment names no rule ID (write e.g. 'infralint-disable-next-line JSI2003 -- reason')"));
                continue;
            }

            int line = location.Span.Start.Line;
            foreach (string written in ids)
            {
                // IDs are case-insensitive, as .editorconfig keys are: `jsi2003` names JSI2003.
                string? id = knownIds.Contains(written) ? written : knownIds.FirstOrDefault(k => k.Equals(written, StringComparison.OrdinalIgnoreCase));
                if (id is null)
                {
                    problems.Add(Diagnostic.Create(EngineDescriptors.InvalidConfiguration, location, $"this suppression comment names '{written}', which is no known rule ID"));
                    continue;
                }

                if (nextLine)
                {
                    if (!index._nextLine.TryGetValue(line + 1, out var set))
                    {
                        index._nextLine[line + 1] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(id);
                }
                else
                {
                    index._toEnd.Add((line, id));
                }
            }
        }

        return index;
    }

    public bool IsEmpty => _nextLine.Count == 0 && _toEnd.Count == 0;

    /// <summary>Whether a finding of rule <paramref name="ruleId"/> whose location (primary or additional) starts on <paramref name="line"/> is silenced.</summary>
    public bool IsSuppressed(string ruleId, int line)
    {
        if (_nextLine.TryGetValue(line, out var ids) && ids.Contains(ruleId))
        {
            return true;
        }

        foreach (var (fromLine, id) in _toEnd)
        {
            if (line >= fromLine && id == ruleId)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*infralint-disable(?<kind>-next-line)?(?:\s+(?<body>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();
}
