using System.Globalization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// The canonical one-line form of a finding, the same as MSBuild prints it:
/// <c>/abs/path/docker-compose.yml(12,7,12,19): error JSI2001: message</c>. Info findings print as <c>info</c>.
/// A finding without a position prints without the parenthesised span (<c>/abs/path/Dockerfile: warning …</c>), one
/// about the repository as a whole against the root folder. Paths are escaped for display (<see cref="DisplayText"/>). A finding
/// with other places names them after its message: <c>message (also at docker-compose.yml(14,9))</c>.
/// </summary>
public static class CanonicalFormatter
{
    public static string Format(Diagnostic diagnostic, string rootFullPath)
    {
        var span = diagnostic.Location.Span;
        string path = DisplayPath(diagnostic.Location.Path, rootFullPath);
        string position = diagnostic.Location.HasPosition
            ? string.Create(CultureInfo.InvariantCulture, $"({span.Start.Line},{span.Start.Column},{span.End.Line},{span.End.Column})")
            : string.Empty;
        return $"{path}{position}: {diagnostic.Severity.ToDisplayString()} {diagnostic.Id}: {FindingLocation.AppendTo(diagnostic.Message, [.. diagnostic.AdditionalLocations.Select(FindingLocation.From)])}";
    }

    /// <summary>
    /// Every finding formatted, one line each in the order given, joined by the platform's newline: the lines are made in
    /// parallel (a run of 12,000 files has about 14,000 findings; each line works out an absolute path).
    /// </summary>
    public static string FormatAll(IReadOnlyList<Diagnostic> diagnostics, string rootFullPath)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = new string[diagnostics.Count];
        Parallel.For(0, lines.Length, i => lines[i] = Format(diagnostics[i], rootFullPath));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// A finding's file as one-line formats name it: absolute, in the platform's separator style, escaped for display
    /// (the root itself for a finding about the repository). The MSBuild task logs findings against it too.
    /// </summary>
    public static string DisplayPath(string relativePath, string rootFullPath) =>
        DisplayText.Escape(GetFullPath(new Location(relativePath, default), rootFullPath));

    /// <summary>The absolute path of a location, in the platform's separator style.</summary>
    public static string GetFullPath(Location location, string rootFullPath)
    {
        if (location.Path is "." or "")
        {
            return rootFullPath;
        }

        return Path.GetFullPath(Path.Combine(rootFullPath, location.Path.Replace('/', Path.DirectorySeparatorChar)));
    }
}
