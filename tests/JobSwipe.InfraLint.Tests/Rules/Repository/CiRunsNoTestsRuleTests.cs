using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class CiRunsNoTestsRuleTests
{
    [Test]
    public void Reports_at_the_first_ci_file_when_no_job_tests()
    {
        var found = RuleVerifier.Reports<CiRunsNoTestsRule>(
            (".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    steps:\n      - uses: actions/checkout@v4\n      # - run: pytest\n      - run: flyctl deploy --remote-only\n"),
            (".github/workflows/backup.yml", "[*]on:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  b:\n    steps:\n      - run: scripts/backup.sh\n"),
            ("scripts/backup.sh", "#!/bin/sh\npg_dump x > y\n"));
        Assert.That(found.Single().Message, Does.Contain("checked 2 CI files"));
    }

    [TestCase("      - run: pytest -q\n")]
    [TestCase("      - run: python -m pytest backend/tests\n")]
    [TestCase("      - run: npm test\n")]
    [TestCase("      - run: pnpm run test -- --coverage\n")]
    [TestCase("      - run: dotnet test --no-build\n")]
    [TestCase("      - run: go test ./...\n")]
    [TestCase("      - run: ./gradlew check\n")]
    [TestCase("      - run: flutter test\n")]
    [TestCase("      - run: make test\n")]
    public void Quiet_when_a_step_runs_tests(string step) =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>((".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    steps:\n" + step));

    // One vocabulary with JSI4006 (TestCommands): Maven's package phase runs the tests in raw CI text too.
    [Test]
    public void A_maven_package_in_a_ci_file_the_parser_does_not_read_runs_tests() =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>((".travis.yml", "language: java\nscript:\n  - mvn -B package\n"));

    [Test]
    public void Maven_with_the_tests_skipped_runs_no_tests() =>
        RuleVerifier.Reports<CiRunsNoTestsRule>((".gitlab-ci.yml", Markup.WholeFile + "build:\n  script:\n    - mvn -B install -DskipTests\n"));

    [Test]
    public void A_make_target_that_only_contains_test_in_a_word_is_not_a_test_run() =>
        RuleVerifier.Reports<CiRunsNoTestsRule>((".gitlab-ci.yml", Markup.WholeFile + "push:\n  script:\n    - make latest\n"));

    // Workflow steps the CI parser reads are also judged as parsed commands: options between the words do not hide a test run.
    [TestCase("      - run: docker compose -f ci/compose.yml run --rm app pytest\n")]
    [TestCase("      - run: make -C backend test\n")]
    public void A_parsed_workflow_step_that_runs_tests_counts(string step) =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>((".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n" + step));

    [Test]
    public void Follows_ci_delegating_to_a_script() =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>(
            (".gitlab-ci.yml", "test:\n  script:\n    - ./scripts/ci.sh\n"),
            ("scripts/ci.sh", "#!/bin/sh\nset -e\npytest\n"));

    [Test]
    public void Quiet_without_ci() =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>(("Dockerfile", "FROM alpine:3.20\n"));
}
