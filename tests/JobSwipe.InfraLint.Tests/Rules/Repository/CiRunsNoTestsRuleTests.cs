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

    [Test]
    public void Follows_ci_delegating_to_a_script() =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>(
            (".gitlab-ci.yml", "test:\n  script:\n    - ./scripts/ci.sh\n"),
            ("scripts/ci.sh", "#!/bin/sh\nset -e\npytest\n"));

    [Test]
    public void Quiet_without_ci() =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>(("Dockerfile", "FROM alpine:3.20\n"));
}
