using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>
/// MSBuild's warning properties, applied as users expect of compiler diagnostics: <c>NoWarn</c> silences a rule
/// (whatever its severity, as it does for analyzer diagnostics), <c>WarningsAsErrors</c> turns listed warnings into
/// errors, <c>TreatWarningsAsErrors</c> turns every warning into an error except those in <c>WarningsNotAsErrors</c>.
/// </summary>
public sealed record WarningPolicy
{
    public static readonly WarningPolicy None = new();

    public IReadOnlySet<string> NoWarn { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> WarningsAsErrors { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> WarningsNotAsErrors { get; init; } = new HashSet<string>();

    public bool TreatWarningsAsErrors { get; init; }

    /// <summary>Builds a policy from MSBuild property values (codes separated by ';' or ',', spaces ignored).</summary>
    public static WarningPolicy FromProperties(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, string? treatWarningsAsErrors) => new()
    {
        NoWarn = Split(noWarn),
        WarningsAsErrors = Split(warningsAsErrors),
        WarningsNotAsErrors = Split(warningsNotAsErrors),
        TreatWarningsAsErrors = string.Equals(treatWarningsAsErrors?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
    };

    public DiagnosticSeverity Apply(string id, DiagnosticSeverity severity)
    {
        if (NoWarn.Contains(id))
        {
            return DiagnosticSeverity.Suppressed;
        }

        if (severity == DiagnosticSeverity.Warning
            && (WarningsAsErrors.Contains(id) || (TreatWarningsAsErrors && !WarningsNotAsErrors.Contains(id))))
        {
            return DiagnosticSeverity.Error;
        }

        return severity;
    }

    private static HashSet<string> Split(string? value) =>
        new((value ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
