using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4004: a mobile release build that the script never uploads to a store (one finding per file, every such build one of its locations).</summary>
public sealed class ReleaseBuildNeverUploadedRule : ReleaseEvidenceRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4004", "Release build never uploaded to a store",
        "'{0}' builds a release that this script never uploads to a store; add fastlane supply/deliver (or upload_to_play_store/upload_to_testflight), xcrun altool or a Play publisher task", DiagnosticCategories.Scripts, DiagnosticSeverity.Error,
        "A mobile release build (flutter build apk/appbundle/ipa/ios, gradlew assembleRelease/bundleRelease, xcodebuild archive) runs in a script that never uploads it to Google Play or the App Store, so releases depend on a manual upload from someone's machine.");

    protected override DiagnosticDescriptor RuleDescriptor => Descriptor;

    protected override bool LocatesEveryBuild => true;

    protected override bool HasEvidence(ScriptFacts facts, ShellScript script) => facts.Commands.Any(c => DeployCommands.IsStoreUpload(c.Line));

    protected override bool HasEvidence(CiReleaseFacts facts) => facts.Uploads;
}
