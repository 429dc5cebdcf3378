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

    // One vocabulary with JSI7002 (TestCommands): test runs it knew only in raw CI text now count before a deploy.
    [TestCase("make unit-test\n")]
    [TestCase("docker compose run --rm app pytest\n")]
    [TestCase("php artisan test\n")]
    [TestCase("cargo nextest run\n")]
    [TestCase("npm run ci\n")]
    public void A_test_run_known_to_the_shared_vocabulary_counts(string test) =>
        RuleVerifier.ReportsNothing<ReleaseWithoutTestsRule>(("deploy.sh", test + "fly deploy\n"));

    [Test]
    public void Maven_with_the_tests_skipped_is_not_a_test_run() =>
        RuleVerifier.Reports<ReleaseWithoutTestsRule>(("deploy.sh", "mvn install -DskipTests=true\n[|kubectl apply|] -f k8s/\n"));

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
