using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>Every built-in analyzer, in ID order. A test checks that every rule class is listed here exactly once.</summary>
public static class AnalyzerCatalog
{
    public static IReadOnlyList<InfraAnalyzer> BuiltIn { get; } =
    [
        // JSI1xxx: Dockerfiles.
        new Dockerfile.SingleStageBuildWithToolchainRule(),
        new Dockerfile.FinalStageRunsAsRootRule(),
        new Dockerfile.FinalStageWithoutHealthcheckRule(),
        new Dockerfile.PlaywrightBrowsersMissingRule(),
        new Dockerfile.UnpinnedBaseImageRule(),
        new Dockerfile.AptInstallWithoutCleanupRule(),
        new Dockerfile.RemoteScriptPipedToShellRule(),
        new Dockerfile.SecretInImageRule(),
        new Dockerfile.SecretFilesInBuildContextRule(),
        new Dockerfile.UnknownOrDuplicateStageRule(),
        new Dockerfile.RepeatedCmdOrEntrypointRule(),
        new Dockerfile.ShellFormCommandRule(),
        new Dockerfile.AddInsteadOfCopyRule(),
        new Dockerfile.PipInstallKeepsCacheRule(),
        new Dockerfile.PipeWithoutPipefailRule(),
        new Dockerfile.CdInsteadOfWorkdirRule(),
        new Dockerfile.RelativeWorkdirRule(),
        new Dockerfile.DeprecatedMaintainerRule(),
        new Dockerfile.SshInImageRule(),
        new Dockerfile.SudoInRunRule(),
        new Dockerfile.CopySourceMissingRule(),

        // (end of JSI1xxx)

        // JSI2xxx: Docker Compose files.
        new Compose.ServiceInDevelopmentModeRule(),
        new Compose.DuplicateKeyRule(),
        new Compose.HardCodedCredentialRule(),
        new Compose.NoMemoryLimitRule(),
        new Compose.UndefinedServiceReferenceRule(),
        new Compose.StatefulServiceWithoutVolumeRule(),
        new Compose.UndeclaredResourceRule(),
        new Compose.UnpinnedImageRule(),
        new Compose.DatastorePortOnAllInterfacesRule(),
        new Compose.HostPrivilegeGrantedRule(),
        new Compose.HealthyConditionWithoutHealthcheckRule(),
        new Compose.SourceCodeBindMountedInProductionRule(),
        new Compose.ObsoleteVersionKeyRule(),
        new Compose.DuplicateContainerNameOrPortRule(),
        new Compose.ServiceHostNotDefinedRule(),
        new Compose.SecurityDisabledRule(),

        // (end of JSI2xxx)

        // JSI3xxx: Fly.io configuration.
        new Fly.ConflictingFlyConfigsRule(),
        new Fly.NoBuildableFlyImageRule(),
        new Fly.MinimalFlyConfigRule(),
        new Fly.FlyServiceWithoutHealthChecksRule(),
        new Fly.StatefulFlyAppWithoutMountsRule(),
        new Fly.InvalidFlyConfigurationRule(),
        new Fly.FlyMigrationsNotRunRule(),
        new Fly.FlyInternalPortMismatchRule(),
        new Fly.FlySecretInEnvRule(),
        new Fly.FlyAppWithoutHighAvailabilityRule(),
        new Fly.IgnoredFlyKeyRule(),
        new Fly.BareFlyDurationRule(),
        new Fly.ImpossibleFlyDeployStrategyRule(),

        // (end of JSI3xxx)

        // JSI4xxx: deploy and release scripts.
        new Scripts.DeployWithoutRollbackRule(),
        new Scripts.DeployWithoutMigrationsRule(),
        new Scripts.DeployScriptWithoutErrexitRule(),
        new Scripts.ReleaseBuildNeverUploadedRule(),
        new Scripts.ReleaseWithoutVersioningRule(),
        new Scripts.ReleaseWithoutTestsRule(),
        new Scripts.ReleaseArtifactsNotStoredRule(),
        new Scripts.SecretPrintedByScriptRule(),
        new Scripts.ScriptRunsRemoteCodeRule(),
        new Scripts.InteractivePromptInDeployScriptRule(),
        new Scripts.UnknownFlyAppRule(),
        new Scripts.UnvalidatedSecretsImportRule(),
        new Scripts.ScriptNotExecutableRule(),
        new Scripts.CrlfInExecutedFileRule(),
        new Scripts.HostKeyCheckingDisabledRule(),
        new Scripts.CredentialOnCommandLineRule(),

        // (end of JSI4xxx)

        // JSI5xxx: environment files and secrets.
        new Secrets.CommittedSecretRule(),
        new Secrets.DevelopmentValueInProductionRule(),
        new Secrets.InconsistentVariableNameRule(),
        new Secrets.RequiredVariableNotProvidedRule(),
        new Secrets.ProductionEnvFileTrackedRule(),
        new Secrets.DuplicateEnvKeyRule(),
        new Secrets.NoSecretRotationRule(),
        new Secrets.VaultAuditNotEnabledRule(),

        // (end of JSI5xxx)

        // JSI6xxx: process entrypoints.
        new Entrypoints.EntrypointTargetMissingRule(),
        new Entrypoints.InconsistentEntrypointsRule(),
        new Entrypoints.ProcfileWebPortNotBoundRule(),

        // (end of JSI6xxx)

        // JSI7xxx: the repository as a whole.
        new RepositoryRules.NoCiPipelineRule(),
        new RepositoryRules.CiRunsNoTestsRule(),
        new RepositoryRules.NoMonitoringRule(),
        new RepositoryRules.DatastoreWithoutBackupRule(),
        new RepositoryRules.NoSecurityScanningRule(),
        new RepositoryRules.UnusedDockerfileRule(),
        new RepositoryRules.BackupWithoutRestoreRule(),

        // (end of JSI7xxx)
    ];

    /// <summary>The engine's own descriptors (JSI0xxx), reported by the runner rather than by an analyzer.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> EngineDescriptors => Diagnostics.EngineDescriptors.All;

    /// <summary>Every built-in descriptor: the engine's and the analyzers', in ID order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } =
        [.. EngineDescriptors.Concat(BuiltIn.SelectMany(a => a.SupportedDiagnostics)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)];
}
