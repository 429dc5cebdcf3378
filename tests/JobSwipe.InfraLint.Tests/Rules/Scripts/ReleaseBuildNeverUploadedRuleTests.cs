using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ReleaseBuildNeverUploadedRuleTests
{
    [Test]
    public void The_release_builds_of_a_script_that_uploads_nothing_are_one_finding_at_the_first()
    {
        // One problem (nothing uploads), one finding: every build is one of its locations, so one suppression silences it.
        var finding = RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("m.sh", "cd mobile\n[|flutter build apk|] --release\nflutter build appbundle\nflutter build ipa --release\n")).Single();
        Assert.That(finding.AdditionalLocations.Select(l => (l.Span.Start.Line, l.Span.Start.Column, l.Span.End.Column)), Is.EqualTo(new[] { (3, 1, 24), (4, 1, 18) }));
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("a.sh", "cd android && [|./gradlew bundleRelease|]\n"));
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("i.sh", "[|xcodebuild -workspace App.xcworkspace -scheme App archive|] -archivePath build/App.xcarchive\n"));
    }

    [Test]
    public void The_release_builds_of_a_workflow_that_uploads_nothing_are_one_finding_across_its_steps()
    {
        var finding = RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>((".github/workflows/release.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: [|flutter build apk|] --release\n      - run: flutter build ipa --release\n")).Single();
        Assert.That(finding.AdditionalLocations.Select(l => (l.Path, l.Span.Start.Line, l.Span.Start.Column)), Is.EqualTo(new[] { (".github/workflows/release.yml", 7, 14) }));
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
