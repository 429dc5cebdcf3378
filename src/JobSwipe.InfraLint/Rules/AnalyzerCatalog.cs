using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>Every built-in analyzer, in ID order. A test checks that every rule class is listed here exactly once.</summary>
public static class AnalyzerCatalog
{
    public static IReadOnlyList<InfraAnalyzer> BuiltIn { get; } =
    [
        new Secrets.CommittedSecretRule(),
        new Secrets.DevelopmentValueInProductionRule(),
        new Secrets.InconsistentVariableNameRule(),
        new Secrets.RequiredVariableNotProvidedRule(),
        new Secrets.ProductionEnvFileTrackedRule(),
        new Secrets.DuplicateEnvKeyRule(),
        new Secrets.NoSecretRotationRule(),
        new Secrets.VaultAuditNotEnabledRule(),
        new RepositoryRules.NoCiPipelineRule(),
        new RepositoryRules.CiRunsNoTestsRule(),
        new RepositoryRules.NoMonitoringRule(),
        new RepositoryRules.DatastoreWithoutBackupRule(),
        new RepositoryRules.NoSecurityScanningRule(),
        new RepositoryRules.UnusedDockerfileRule(),
        new RepositoryRules.BackupWithoutRestoreRule(),
    ];

    /// <summary>The engine's own descriptors (JSI0xxx), reported by the runner rather than by an analyzer.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> EngineDescriptors { get; } =
    [
        Descriptors.ParseError,
        Descriptors.InvalidConfiguration,
        Descriptors.FileSkipped,
        Descriptors.RuleFailed,
        Descriptors.InvalidUtf8,
    ];

    /// <summary>Every built-in descriptor: the engine's and the analyzers', in ID order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } =
        [.. EngineDescriptors.Concat(BuiltIn.SelectMany(a => a.SupportedDiagnostics)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];
}
