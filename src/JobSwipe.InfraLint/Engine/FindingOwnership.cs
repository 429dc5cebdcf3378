using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Engine;

/// <summary>
/// One rule owns each problem. Where two rules can see the same thing, the rule that knows the place best owns it and
/// the other one declares so (<see cref="DiagnosticDescriptor.DefersTo"/>): its finding on a line where an owner
/// reported in the same file is a repeat, and is dropped.
/// </summary>
public static class FindingOwnership
{
    /// <summary>The findings without those that repeat an owner's finding on the same line of the same file.</summary>
    public static IReadOnlyList<Diagnostic> RemoveRepeats(IReadOnlyCollection<Diagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (!findings.Any(d => d.Descriptor.DefersTo.Count > 0))
        {
            return [.. findings];
        }

        // Only the owners' lines are asked about: the other findings (most of a run's) need no entry.
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in findings)
        {
            owners.UnionWith(d.Descriptor.DefersTo);
        }

        var owned = new HashSet<OwnedLine>();
        foreach (var d in findings)
        {
            if (!owners.Contains(d.Id))
            {
                continue;
            }

            for (int line = d.Location.Span.Start.Line; line <= d.Location.Span.End.Line; line++)
            {
                owned.Add(new OwnedLine(d.Id, d.Location.Path, line));
            }
        }

        var result = new List<Diagnostic>(findings.Count);
        foreach (var d in findings)
        {
            if (!d.Descriptor.DefersTo.Any(o => IsOwnedBy(o, d)))
            {
                result.Add(d);
            }
        }

        return result;

        bool IsOwnedBy(string owner, Diagnostic d)
        {
            for (int line = d.Location.Span.Start.Line; line <= d.Location.Span.End.Line; line++)
            {
                if (owned.Contains(new OwnedLine(owner, d.Location.Path, line)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A line of a file an owner reported on (a class, not a tuple: ReadyToRun leaves a set of tuples to the JIT).</summary>
    private sealed record OwnedLine(string Id, string Path, int Line);
}
