using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>Every built-in analyzer, in ID order. A test checks that every rule class is listed here exactly once.</summary>
public static class AnalyzerCatalog
{
    public static IReadOnlyList<InfraAnalyzer> BuiltIn { get; } =
    [
        new Scripts.DeployWithoutRollbackRule(),
        new Scripts.DeployWithoutMigrationsRule(),
        new Scripts.DeployScriptWithoutErrexitRule(),
        new Scripts.ReleaseBuildNeverUploadedRule(),
        new Scripts.ReleaseWithoutVersioningRule(),
        new Scripts.ReleaseWithoutTestsRule(),
        new Scripts.ReleaseArtifactsNotStoredRule(),
        new Scripts.SecretPrintedByScriptRule(),
        new Scripts.RemoteScriptPipedToShellRule(),
        new Scripts.InteractivePromptInDeployScriptRule(),
        new Scripts.HostKeyCheckingDisabledRule(),
        new Scripts.CredentialOnCommandLineRule(),
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
