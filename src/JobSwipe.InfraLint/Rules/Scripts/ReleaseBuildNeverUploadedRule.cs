using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4004: a mobile release build that the script never uploads to a store (every such build is reported).</summary>
public sealed class ReleaseBuildNeverUploadedRule : ReleaseEvidenceRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.ReleaseBuildNeverUploaded;

    protected override bool ReportsEveryBuild => true;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) => facts.Commands.Any(c => DeployCommands.IsStoreUpload(c.Line));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.Uploads;
}
