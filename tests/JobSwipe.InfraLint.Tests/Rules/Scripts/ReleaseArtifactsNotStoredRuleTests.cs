using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

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

    [Test]
    public void A_release_build_in_a_workflow_that_stores_nothing_is_reported_in_the_workflow() =>
        RuleVerifier.Reports<ReleaseArtifactsNotStoredRule>((".github/workflows/release.yml", ReleaseWorkflows.BuildOnly));

    [Test]
    public void Upload_actions_in_the_workflow_count() =>
        RuleVerifier.ReportsNothing<ReleaseArtifactsNotStoredRule>((".github/workflows/release.yml", ReleaseWorkflows.Complete));
}
