namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// How a finding is reported. The words follow Roslyn's <c>.editorconfig</c> vocabulary:
/// <c>error</c> fails the build, <c>warning</c> does not, <c>suggestion</c> (Info) is an MSBuild message,
/// <c>silent</c> (Hidden) is computed but not shown, <c>none</c> (Suppressed) is not reported at all.
/// </summary>
public enum DiagnosticSeverity
{
    Suppressed = 0,
    Hidden = 1,
    Info = 2,
    Warning = 3,
    Error = 4,
}

public static class DiagnosticSeverityExtensions
{
    /// <summary>The catalog's word for a severity (<c>error</c>, <c>warning</c>, <c>info</c>, <c>hidden</c>, <c>none</c>).</summary>
    public static string ToDisplayString(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Hidden => "hidden",
        _ => "none",
    };

    /// <summary>Parses Roslyn's severity words as they appear in <c>.editorconfig</c>; also accepts <c>info</c> and <c>hidden</c>.</summary>
    public static bool TryParse(string? text, out DiagnosticSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion":
            case "info": severity = DiagnosticSeverity.Info; return true;
            case "silent":
            case "hidden": severity = DiagnosticSeverity.Hidden; return true;
            case "none": severity = DiagnosticSeverity.Suppressed; return true;
            default: severity = default; return false;
        }
    }
}
