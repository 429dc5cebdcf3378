using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>
/// One rule owns each problem. Where two rules can see the same thing, the rule that knows the place best owns it and
/// the other one stays quiet there: a secret in a compose service's environment is JSI2003's, in a Dockerfile's ENV or
/// ARG JSI1008's, in a Fly [env] JSI3009's, in a script's assignment JSI4008's, on a command line JSI4016's. JSI5001,
/// which reads every text file, reports what none of them reports on the same line.
/// </summary>
public static class FindingOwnership
{
    /// <summary>For a rule ID, the rules whose finding on the same line makes its own finding a repeat.</summary>
    public static IReadOnlyDictionary<string, string[]> DefersTo { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["JSI5001"] = ["JSI1008", "JSI2003", "JSI3009", "JSI4008", "JSI4016"],
    };

    /// <summary>The findings without those that repeat an owner's finding on the same line of the same file.</summary>
    public static IReadOnlyList<Diagnostic> RemoveRepeats(IReadOnlyCollection<Diagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var owned = new HashSet<(string Id, string Path, int Line)>();
        foreach (var d in findings)
        {
            for (int line = d.Location.Span.Start.Line; line <= d.Location.Span.End.Line; line++)
            {
                owned.Add((d.Id, d.Location.Path, line));
            }
        }

        var result = new List<Diagnostic>(findings.Count);
        foreach (var d in findings)
        {
            if (DefersTo.TryGetValue(d.Id, out var owners) && owners.Any(o => IsOwnedBy(o, d)))
            {
                continue;
            }

            result.Add(d);
        }

        return result;

        bool IsOwnedBy(string owner, Diagnostic d)
        {
            for (int line = d.Location.Span.Start.Line; line <= d.Location.Span.End.Line; line++)
            {
                if (owned.Contains((owner, d.Location.Path, line)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
