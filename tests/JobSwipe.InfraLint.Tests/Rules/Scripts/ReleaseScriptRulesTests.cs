using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class DeployScriptWithoutErrexitRuleTests
{
    [Test]
    public void A_deploy_without_errexit_is_reported()
    {
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("deploy.sh", "#!/bin/bash\nnpm run build\n[|fly deploy|]\n"));
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("m.sh", "#!/bin/bash\ncd mobile\n[|flutter build apk|] --release\n"));
    }

    [Test]
    public void Set_e_in_any_spelling_or_on_the_shebang_is_accepted()
    {
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("a.sh", "#!/bin/bash\nset -euo pipefail\nfly deploy\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("b.sh", "#!/bin/bash\nset -o errexit\nfly deploy\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("c.sh", "#!/bin/bash -e\nfly deploy\n"));
    }

    [Test]
    public void Set_e_after_the_deploy_is_too_late_and_scripts_without_deploys_are_quiet()
    {
        RuleVerifier.Reports<DeployScriptWithoutErrexitRule>(("a.sh", "[|kubectl apply|] -f x.yml\nset -e\n"));
        RuleVerifier.ReportsNothing<DeployScriptWithoutErrexitRule>(("b.sh", "#!/bin/bash\ndocker compose up -d\n"));
    }
}

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
}

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
}

public sealed class ReleaseWithoutTestsRuleTests
{
    [Test]
    public void A_build_or_deploy_with_no_test_before_it_is_reported()
    {
        var d = RuleVerifier.Reports<ReleaseWithoutTestsRule>(("m.sh", "flutter pub get\n[|flutter build apk|]\nflutter test\n"));
        Assert.That(d[0].Message, Does.Contain("flutter test"));
        RuleVerifier.Reports<ReleaseWithoutTestsRule>(("d.sh", "npm ci\n[|flyctl deploy|] --remote-only\n"));
    }

    [Test]
    public void Tests_before_the_first_build_or_deploy_are_accepted()
    {
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("a.sh", "flutter test\nflutter build apk\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("b.sh", "(cd backend && python -m pytest -q)\nfly deploy\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("c.sh", "npm test && kubectl apply -f k8s\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("d.sh", "run_tests() { dotnet test; }\nrun_tests\nfly deploy\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("e.sh", "make test\n./gradlew bundleRelease\n"));
    }
}

public sealed class ReleaseArtifactsNotStoredRuleTests
{
    [Test]
    public void A_release_build_never_uploaded_anywhere_is_reported_once()
    {
        RuleVerifier.Reports<ReleaseArtifactsNotStoredRule>(("m.sh", "[|flutter build apk|]\nflutter build ipa\ncp build/app.apk /tmp/\n"));
    }

    [Test]
    public void Buckets_releases_stores_and_distribution_are_accepted()
    {
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("a.sh", "flutter build apk\naws s3 cp build/app.apk s3://bucket/\n"));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("b.sh", "flutter build apk\ngsutil cp build/app.apk gs://bucket/\n"));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("c.sh", "flutter build apk\ngh release upload v1 build/app.apk\n"));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("d.sh", "flutter build apk\nfirebase appdistribution:distribute build/app.apk --app x\n"));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("e.sh", "flutter build appbundle\nfastlane supply --aab a.aab\n"));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>(("f.sh", "flutter build apk\naz storage blob upload -f a.apk -c builds -n a.apk\n"));
    }
}

public sealed class RealWorldRegressionTests
{
    [Test]
    public void Kubectl_create_namespace_is_not_a_deploy()
    {
        RuleVerifier.ReportsNothing<DeployWithoutRollbackRule>(("k.sh", "kubectl create namespace nginx\nkubectl rollout status deployment nginx -n nginx\n"));
    }

    [Test]
    public void A_fastlane_distribution_lane_uploads_and_manages_the_version()
    {
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>(("a.sh", "flutter build appbundle\ncd android\nfastlane distribute_prod\n"));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>(("b.sh", "flutter build ios --release\ncd ios\nbundle exec fastlane release\n"));
    }

    [Test]
    public void Messages_show_a_continued_command_on_one_line()
    {
        var d = RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>(("i.sh", "[|xcodebuild \\\n  -scheme Runner \\\n  archive|] && open x\n"));
        Assert.That(d[0].Message, Does.StartWith("'xcodebuild -scheme Runner archive'"));
    }
}

public sealed class CiReleaseWorkflowTests
{
    private const string Build = "on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: [|./gradlew bundleRelease|]\n";

    [Test]
    public void A_release_build_in_a_workflow_that_never_uploads_is_reported_in_the_workflow()
    {
        RuleVerifier.Reports<ReleaseBuildNeverUploadedRule>((".github/workflows/release.yml", Build));
        RuleVerifier.Reports<ReleaseArtifactsNotStoredRule>((".github/workflows/release.yml", Build));
        RuleVerifier.Reports<ReleaseWithoutTestsRule>((".github/workflows/release.yml", Build));
        RuleVerifier.Reports<ReleaseWithoutVersioningRule>((".github/workflows/release.yml", Build));
    }

    [Test]
    public void Tests_in_another_workflow_of_the_repository_count()
    {
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(
            (".github/workflows/release.yml", Build.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal)),
            (".github/workflows/pr.yml", "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flutter test\n"));
    }

    [Test]
    public void Upload_actions_other_jobs_and_tag_triggers_count()
    {
        string release = "on:\n  push:\n    tags: ['v*']\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n  build:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew bundleRelease\n      - uses: actions/upload-artifact@v4\n        with:\n          path: app/build/outputs/bundle\n      - uses: r0adkll/upload-google-play@v1\n        with:\n          packageName: x\n";
        RuleVerifier.ReportsNothing<ReleaseBuildNeverUploadedRule>((".github/workflows/release.yml", release));
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>((".github/workflows/release.yml", release));
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>((".github/workflows/release.yml", release));
        RuleVerifier.ReportsNothing<ReleaseWithoutVersioningRule>((".github/workflows/release.yml", release));
    }
}
