using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Engine;

/// <summary>The one order of findings everywhere (path, line, column, ID, then message), so output is identical run to run.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c == 0)
        {
            c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Id, y.Id);
        }

        if (c == 0)
        {
            c = x.Location.Span.End.CompareTo(y.Location.Span.End);
        }

        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
