using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4005: a release build with no version management and no release notes.</summary>
public sealed class ReleaseWithoutVersioningRule : ReleaseEvidenceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4005", "Release build without version management",
        "'{0}' builds a release with no version management and no release notes; pass --build-name/--build-number (or bump the version), tag the release and keep release notes", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A release build runs with no version management (no --build-name/--build-number, no version bump of pubspec/gradle/plist, no git tag or fastlane increment_*) and no release notes, so every build carries the same version and stores reject the upload.");

    protected override DiagnosticDescriptor RuleDescriptor => Descriptor;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) =>
        facts.Commands.Any(c => DeployCommands.IsVersioning(c.Line))
        || facts.Commands.Any(c => c.Command.Words.Any(w => DeployCommands.MentionsReleaseNotes(w.Value)))
        || script.Assignments.Any(a => a.Value is not null && DeployCommands.MentionsReleaseNotes(a.Value.Value));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.Versions;
}
