using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>Per-file configuration as the engine consumes it (severity overrides, environment overrides, problems).</summary>
public interface IAnalyzerConfiguration
{
    /// <summary>The configured severity of a rule for a file (absolute path), when one is configured.</summary>
    bool TryGetSeverity(string fullPath, DiagnosticDescriptor descriptor, out DiagnosticSeverity severity);

    /// <summary>The configured environment of a file (absolute path), when one is configured.</summary>
    FileEnvironment? GetEnvironment(string fullPath);

    /// <summary>Configuration problems to report as JSI0002.</summary>
    IReadOnlyList<Diagnostic> Problems { get; }
}

/// <summary>No configuration: every rule at its catalog severity.</summary>
public sealed class EmptyAnalyzerConfiguration : IAnalyzerConfiguration
{
    public static readonly EmptyAnalyzerConfiguration Instance = new();

    public IReadOnlyList<Diagnostic> Problems => [];

    public bool TryGetSeverity(string fullPath, DiagnosticDescriptor descriptor, out DiagnosticSeverity severity)
    {
        severity = default;
        return false;
    }

    public FileEnvironment? GetEnvironment(string fullPath) => null;
}
