using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4007: release artifacts built and never stored or distributed.</summary>
public sealed class ReleaseArtifactsNotStoredRule : ReleaseEvidenceRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.ReleaseArtifactsNotStored;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) => facts.Commands.Any(c => DeployCommands.IsArtifactUpload(c.Line));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.StoresArtifacts;
}
