using JobSwipe.InfraLint.Semantics.Scripts;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Semantics.Scripts;

/// <summary>The parsed-command check and the raw-text check answer from one vocabulary, so they agree line by line.</summary>
public class TestCommandsTests
{
    private static bool Parsed(string line)
    {
        var script = ShellParser.Parse(new SourceText(line + "\n")).Model!;
        return ScriptFacts.For(script).Commands.Any(c => TestCommands.IsTest(c.Line));
    }

    private static bool Raw(string line) => TestCommands.RawText.IsMatch(line.ToLowerInvariant());

    // Recognised by both before this change.
    [TestCase("pytest -q")]
    [TestCase("python -m pytest backend/tests")]
    [TestCase("python -m unittest discover")]
    [TestCase("tox -e py312")]
    [TestCase("npm test")]
    [TestCase("yarn test:unit")]
    [TestCase("pnpm run test -- --coverage")]
    [TestCase("dotnet test --no-build")]
    [TestCase("go test ./...")]
    [TestCase("cargo test --workspace")]
    [TestCase("mvn -B verify")]
    [TestCase("./gradlew check")]
    [TestCase("./gradlew :app:test")]
    [TestCase("flutter test")]
    [TestCase("make test")]
    [TestCase("bundle exec rspec")]
    [TestCase("bin/rails test")]
    [TestCase("xcodebuild -scheme App test")]
    [TestCase("./scripts/run-tests.sh")]
    [TestCase("python manage.py test")]
    // Before: raw text only (CI files); now also a parsed command (JSI4006, CI release facts).
    [TestCase("make unit-test")]
    [TestCase("npm run check")]
    [TestCase("npm run ci")]
    [TestCase("bun run test")]
    [TestCase("composer test")]
    [TestCase("cargo nextest run")]
    [TestCase("helm test web --namespace ci")]
    [TestCase("php artisan test")]
    [TestCase("sbt test")]
    [TestCase("just test")]
    [TestCase("mix coveralls")]
    [TestCase("gotestsum --format testname")]
    [TestCase("bats test/")]
    [TestCase("vendor/bin/pest")]
    [TestCase("docker compose run --rm app pytest")]
    [TestCase("docker compose exec -T appwrite test /usr/src/code/tests/e2e")]
    [TestCase("./ci/unit-tests.sh")]
    [TestCase("bin/rails test:system")]
    // Before: parsed command only (scripts, workflow steps); now also raw CI text (JSI7002).
    [TestCase("mvn -B package")]
    [TestCase("./gradlew testDebugUnitTest")]
    [TestCase("./gradlew connectedCheck")]
    [TestCase("fastlane scan")]
    [TestCase("fastlane ios test")]
    [TestCase("karma start --single-run")]
    [TestCase("make ci")]
    [TestCase("./testing.sh")]
    // Before: neither (options or a workspace before the script; trigger.dev's observability-map workflow).
    [TestCase("pnpm --filter @internal/observability-map run test")]
    [TestCase("npm --prefix frontend test")]
    [TestCase("yarn workspace web test")]
    public void A_test_run_is_recognised_parsed_and_raw(string line)
    {
        Assert.That(Parsed(line), Is.True, "parsed");
        Assert.That(Raw(line), Is.True, "raw");
    }

    // Not test runs for either check. Before, the raw text counted the ones marked (raw), the parsed command the ones marked (parsed).
    [TestCase("make latest")] // (raw): "latest" contains "test"
    [TestCase("./scripts/update-latest.sh")] // (raw)
    [TestCase("mvn -B package -DskipTests")] // (raw)
    [TestCase("mvn install -DskipTests=true")] // (raw, parsed)
    [TestCase("./gradlew assembleRelease --build-cache")] // (raw): the option named build
    [TestCase("make checkout")] // (raw)
    [TestCase("noxious-tool --run")] // (raw): a word starting with a runner's name
    [TestCase("npm ci")]
    [TestCase("pnpm --filter test-utils build")]
    [TestCase("docker compose exec -T app test -d /data")] // (raw): the shell's test builtin inside the container
    [TestCase("docker run --rm node:24 node -e \"if (regex.test(content)) update()\"")] // (raw): a method call in an inline script
    [TestCase("docker build -t app:test .")]
    [TestCase("test -f .env")]
    [TestCase("./gradlew bundleRelease")]
    [TestCase("flyctl deploy --remote-only")]
    public void Not_a_test_run_parsed_or_raw(string line)
    {
        Assert.That(Parsed(line), Is.False, "parsed");
        Assert.That(Raw(line), Is.False, "raw");
    }

    [Test]
    public void A_step_named_for_tests_is_raw_text_evidence_only()
    {
        Assert.That(Raw("      - name: Run unit tests\n        run: ./ci/check.py\n"), Is.True);
        Assert.That(Raw("      - name: \"\U0001F9EA Run tests\"\n        run: ./ci/check.py\n"), Is.True);
        Assert.That(Raw("      - name: Build test image\n        run: docker build .\n"), Is.False);
    }
}
