using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

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

    [Test]
    public void A_release_build_in_a_workflow_without_tests_is_reported_in_the_workflow() =>
        RuleVerifier.Reports<ReleaseWithoutTestsRule>((".github/workflows/release.yml", ReleaseWorkflows.BuildOnly));

    [Test]
    public void A_test_job_in_the_same_workflow_counts() =>
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>((".github/workflows/release.yml", ReleaseWorkflows.Complete));

    [Test]
    public void Tests_in_another_workflow_of_the_repository_count()
    {
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(
            (".github/workflows/release.yml", ReleaseWorkflows.BuildOnlyText),
            (".github/workflows/pr.yml", "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: flutter test\n"));
    }
}
