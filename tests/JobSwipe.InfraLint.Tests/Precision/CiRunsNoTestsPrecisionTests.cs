using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI7002: test runners of the common ecosystems, tests run inside containers, and steps named for tests.</summary>
public class CiRunsNoTestsPrecisionTests
{
    [TestCase("      - run: bin/rails test\n")]
    [TestCase("      - run: bundle exec rspec\n")]
    [TestCase("      - run: bin/rspec spec/models\n")]
    [TestCase("      - run: cargo nextest run\n")]
    [TestCase("      - run: mvn -B verify\n")]
    [TestCase("      - run: vendor/bin/phpunit\n")]
    [TestCase("      - run: php artisan test\n")]
    [TestCase("      - run: mix test\n")]
    [TestCase("      - run: tox -e py312\n")]
    [TestCase("      - run: nox -s tests\n")]
    [TestCase("      - run: make unit-test\n")]
    [TestCase("      - run: helm test n8n --namespace ci\n")]
    [TestCase("      - run: docker compose exec -T appwrite test /usr/src/code/tests/e2e\n")]
    [TestCase("      - name: run specs for main\n        run: docker run --rm -e RUBY_ONLY=1 ${TEST_IMAGE}:release\n")]
    [TestCase("      - name: Unit tests\n        run: ./ci/check.py\n")]
    public void A_test_run_is_recognised(string step) =>
        RuleVerifier.ReportsNothing<CiRunsNoTestsRule>((".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n" + step));

    [Test]
    public void Building_a_test_image_is_not_a_test_run() =>
        RuleVerifier.Reports<CiRunsNoTestsRule>((".github/workflows/ci.yml", Markup.WholeFile + "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Build test image\n        run: docker build -t app:test .\n"));

    [Test]
    public void A_repository_without_tests_of_its_own_gets_info_and_one_with_tests_a_warning()
    {
        const string workflow = "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t shipper .\n";
        var configOnly = RuleVerifier.Reports<CiRunsNoTestsRule>((".github/workflows/release.yaml", Markup.WholeFile + workflow), ("vector-configs/sinks/http.toml", "[sinks.http]\n"), ("Dockerfile", "FROM timberio/vector:0.40.0-alpine\n"));
        Assert.That(configOnly.Single().Severity, Is.EqualTo(JobSwipe.InfraLint.Diagnostics.DiagnosticSeverity.Info));
        var withTests = RuleVerifier.Reports<CiRunsNoTestsRule>((".github/workflows/release.yaml", Markup.WholeFile + workflow), ("pkg/flypg/stolon_test.go", "package flypg\n"), ("Dockerfile", "FROM golang:1.22\n"));
        Assert.That(withTests.Single().Severity, Is.EqualTo(JobSwipe.InfraLint.Diagnostics.DiagnosticSeverity.Warning));
    }
}
