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

    private static bool Raw(string line) => TestCommands.RunsTestsInRawText(line.ToLowerInvariant());

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

    // A test script's name in raw text: a word of the name starts with test (after -, _ or .), a shell extension ends a word.
    [TestCase("./ci/build_test.sh", true)]
    [TestCase("bash scripts/e2e.test.sh --ci", true)]
    [TestCase("./scripts/my_unittest.bash", true)]
    [TestCase("sh -e ./-test.sh", true)]
    [TestCase("./test.sh.bak", true)]
    [TestCase("./release-1.2.3-rc.4_test.sh", true)]
    [TestCase("./scripts/contest.sh", false)]
    [TestCase("./attestation.sh", false)]
    [TestCase("./test.shell", false)]
    [TestCase("./tests.d/setup.sh", false)]
    [TestCase("./unit.sh test", false)]
    // Gradle task paths and the runners the raw text finds by their first words (the short "go" among them).
    [TestCase("./gradlew :core:data:testDebugUnitTest", true)]
    [TestCase("./gradlew :app:lint", false)]
    [TestCase("go test ./...", true)]
    [TestCase("go vet ./...", false)]
    [TestCase("cargo build --release", false)]
    [TestCase("ergo test", false)]
    public void A_raw_line_is_decided_by_the_vocabulary(string line, bool runsTests) =>
        Assert.That(Raw(line), Is.EqualTo(runsTests));

    // A large CI file (over half a megabyte: long dotted versions, base64 blobs, many steps) is decided by what it runs, wherever that is.
    // The unanchored alternation took 1.5-4.6 s on this text (the dotted run re-read from each of its word boundaries), so
    // under load it passed its 10 s timeout and the run reported JSI0004 instead of a decision.
    [TestCase(null, false)]
    [TestCase("      - run: ./ci/unit_test.sh\n", true)]
    [TestCase("      - run: go test ./...\n", true)]
    [TestCase("      - run: docker compose exec -T app pytest -q\n", true)]
    [TestCase("      - run: ./scripts/latest.sh\n", false)]
    public void A_large_ci_text_is_decided_by_its_steps(string? step, bool runsTests)
    {
        var text = new System.Text.StringBuilder("on: push\njobs:\n  build:\n    steps:\n");
        string versions = string.Join('.', Enumerable.Range(0, 200).Select(i => $"{i}-rc_{i}")) + "_tested";
        string blob = string.Concat(Enumerable.Repeat("QmFzZTY0LWVuY29kZWQtdGVzdC1kYXRhLnNo", 60));
        for (int i = 0; i < 120; i++)
        {
            text.Append($"      - name: Build part {i}\n        run: ./build.sh --version {versions} --go {i}\n        env:\n          BLOB: {blob}\n");
            if (i == 60 && step is not null)
            {
                text.Append(step);
            }
        }

        Assert.That(text.Length, Is.GreaterThan(500_000));
        Assert.That(Raw(text.ToString()), Is.EqualTo(runsTests));
    }

    // A test word at the start of the text, and one that only a look-behind before it decides.
    [Test]
    public void The_raw_test_sees_the_text_before_a_word()
    {
        Assert.That(Raw("pytest"), Is.True);
        Assert.That(Raw("x.test.sh"), Is.True);
        Assert.That(Raw("docker run app x.test"), Is.False);
        Assert.That(Raw("docker run app test"), Is.True);
        Assert.That(Raw(""), Is.False);
    }
}
