using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ReleaseWithoutVersioningRuleTests
{
    [Test]
    public void A_release_build_with_no_version_and_no_notes_is_reported_once()
    {
        RuleVerifier.Reports<ReleaseWithoutVersioningRule>(("m.sh", "[|flutter build apk|] --release\nflutter build ipa\n"));
    }

    [Test]
    public void Build_numbers_bumps_tags_and_release_notes_are_accepted()
    {
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("a.sh", "flutter build apk --build-name \"$V\" --build-number \"$N\"\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("b.sh", "sed -i \"s/^version: .*/version: $V/\" pubspec.yaml\nflutter build apk\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("c.sh", "flutter build ipa\ngit tag \"v$V\"\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("d.sh", "cd ios && agvtool next-version -all\nxcodebuild archive\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("e.sh", "NOTES=CHANGELOG.md\n./gradlew bundleRelease\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("f.sh", "fastlane run increment_build_number\nflutter build ipa\n"));
    }

    [Test]
    public void A_fastlane_release_lane_manages_the_version()
    {
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("b.sh", "flutter build ios --release\ncd ios\nbundle exec fastlane release\n"));
    }

    [Test]
    public void A_release_build_in_a_workflow_without_versioning_is_reported_in_the_workflow() =>
        RuleVerifier.Reports<ReleaseWithoutVersioningRule>((".github/workflows/release.yml", ReleaseWorkflows.BuildOnly));

    [Test]
    public void A_tag_trigger_versions_the_workflows_release() =>
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>((".github/workflows/release.yml", ReleaseWorkflows.Complete));
}
