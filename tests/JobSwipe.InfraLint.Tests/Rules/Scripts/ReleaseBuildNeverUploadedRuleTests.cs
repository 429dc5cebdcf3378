using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ReleaseBuildNeverUploadedRuleTests
{
    [Test]
    public void Each_release_build_is_reported_when_nothing_uploads()
    {
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("m.sh", "cd mobile\n[|flutter build apk|] --release\n[|flutter build appbundle|]\n[|flutter build ipa|] --release\n"));
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("a.sh", "cd android && [|./gradlew bundleRelease|]\n"));
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("i.sh", "[|xcodebuild -workspace App.xcworkspace -scheme App archive|] -archivePath build/App.xcarchive\n"));
    }

    [Test]
    public void Store_uploads_are_accepted()
    {
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("a.sh", "flutter build appbundle\nfastlane supply --aab build/app.aab\n"));
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("b.sh", "flutter build ipa\nbundle exec fastlane ios beta\n"));
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("c.sh", "xcodebuild archive\nxcrun altool --upload-app -f App.ipa\n"));
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("d.sh", "./gradlew bundleRelease\n./gradlew publishReleaseBundle\n"));
    }

    [Test]
    public void Debug_profile_and_unsigned_builds_are_not_releases()
    {
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("a.sh", "flutter build apk --debug\nflutter build ios --no-codesign\nflutter build web\n./gradlew assembleDebug\necho flutter build apk\n"));
    }

    [Test]
    public void Messages_show_a_continued_command_on_one_line()
    {
        var d = RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("i.sh", "[|xcodebuild \\\n  -scheme Runner \\\n  archive|] && open x\n"));
        Assert.That(d[0].Message, Does.StartWith("'xcodebuild -scheme Runner archive'"));
    }

    [Test]
    public void A_fastlane_distribution_lane_uploads()
    {
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("a.sh", "flutter build appbundle\ncd android\nfastlane distribute_prod\n"));
    }

    [Test]
    public void A_release_build_in_a_workflow_that_never_uploads_is_reported_in_the_workflow() =>
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>((".github/workflows/release.yml", ReleaseWorkflows.BuildOnly));

    [Test]
    public void A_store_upload_action_in_the_workflow_counts() =>
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>((".github/workflows/release.yml", ReleaseWorkflows.Complete));
}
