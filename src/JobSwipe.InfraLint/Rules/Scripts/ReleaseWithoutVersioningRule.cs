using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4005: a release build with no version management and no release notes.</summary>
public sealed class ReleaseWithoutVersioningRule : ReleaseEvidenceRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.ReleaseWithoutVersioning;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) =>
        facts.Commands.Any(c => DeployCommands.IsVersioning(c.Line))
        || facts.Commands.Any(c => c.Command.Words.Any(w => DeployCommands.MentionsReleaseNotes(w.Value)))
        || script.Assignments.Any(a => a.Value is not null && DeployCommands.MentionsReleaseNotes(a.Value.Value));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.Versions;
}
