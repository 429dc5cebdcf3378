using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4007: release artifacts built and never stored or distributed.</summary>
public sealed class ReleaseArtifactsNotStoredRule : ReleaseEvidenceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4007", "Release artifacts never stored",
        "'{0}' builds release artifacts that this script never stores or distributes; upload them (bucket, GitHub release, store, Firebase App Distribution)", DiagnosticCategories.Scripts, DiagnosticSeverity.Info,
        "A release build produces artifacts that the script never uploads anywhere: no bucket copy, GitHub release, store upload or distribution service. The binaries live only on the build machine.");

    protected override DiagnosticDescriptor RuleDescriptor => Descriptor;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) => facts.Commands.Any(c => DeployCommands.IsArtifactUpload(c.Line));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.StoresArtifacts;
}
