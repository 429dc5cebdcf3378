using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>
/// Test data is never built or deployed as it is: a generator's expected outputs (dockerfile-rails'
/// <c>test/results/&lt;case&gt;/Dockerfile</c>, whose COPY sources exist only in the app the test generates) and a
/// parser's test inputs, valid and deliberately invalid (buildkit's <c>parser/testfiles-negative/</c>). The engine reports
/// any finding there as info; a Dockerfile in an ordinary <c>test/</c> or <c>docker/test/</c> folder, which CI may build
/// and deploy, keeps its errors, and <c>infralint_environment</c> opts a test-data folder back in.
/// </summary>
public sealed class TestDataPrecisionTests
{
    private const string GeneratedDockerfile = "FROM ruby:3.3-slim\nWORKDIR /rails\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nCMD [\"bin/rails\", \"server\"]\n";

    [TestCase("test/results/api/Dockerfile", DiagnosticSeverity.Info)]
    [TestCase("spec/expected/minimal/Dockerfile", DiagnosticSeverity.Info)]
    [TestCase("internal/build/testdata/Dockerfile", DiagnosticSeverity.Info)]
    [TestCase("tests/fixtures/app/Dockerfile", DiagnosticSeverity.Info)]
    [TestCase("test/Dockerfile", DiagnosticSeverity.Error)]
    [TestCase("docker/test/Dockerfile", DiagnosticSeverity.Error)]
    [TestCase("tests/results.Dockerfile", DiagnosticSeverity.Error)]
    [TestCase("results/Dockerfile", DiagnosticSeverity.Error)]
    public void A_missing_copy_source_is_info_in_test_data_and_still_an_error_in_a_test_image_or_elsewhere(string path, DiagnosticSeverity expected)
    {
        var findings = Run((path, GeneratedDockerfile));
        Assert.That(findings.Where(d => d.Id == "JSI1021").Select(d => d.Severity), Is.EqualTo(new[] { expected, expected }));
    }

    [Test]
    public void A_parsers_deliberately_invalid_input_is_info_and_the_same_text_outside_test_data_is_an_error()
    {
        var findings = Run(
            ("frontend/dockerfile/parser/testfiles-negative/env_no_value/Dockerfile", "FROM busybox\nENV PATH\n"),
            ("build/Dockerfile", "FROM busybox\nENV PATH\n"));
        Assert.That(
            findings.Where(d => d.Id == "JSI0001").Select(d => $"{d.Location.Path} {d.Severity}"),
            Is.EquivalentTo(new[] { "frontend/dockerfile/parser/testfiles-negative/env_no_value/Dockerfile Info", "build/Dockerfile Error" }));
    }

    [Test]
    public void Infralint_environment_opts_a_test_data_folder_back_in_and_marks_another_as_test_data()
    {
        var findings = Run(
            (".editorconfig", "root = true\n\n[test/results/**]\ninfralint_environment = production\n\n[qa/cases/**]\ninfralint_environment = test_data\n"),
            ("test/results/api/Dockerfile", GeneratedDockerfile),
            ("qa/cases/one/Dockerfile", GeneratedDockerfile));
        Assert.That(
            findings.Where(d => d.Id == "JSI1021").Select(d => $"{d.Location.Path} {d.Severity}").Distinct(),
            Is.EquivalentTo(new[] { "test/results/api/Dockerfile Error", "qa/cases/one/Dockerfile Info" }));
        Assert.That(findings.Where(d => d.Id == "JSI0002"), Is.Empty, string.Join("\n", findings));
    }

    [TestCase("testdata/compose.yaml", FileEnvironment.TestData)]
    [TestCase("pkg/parser/testfiles/Dockerfile", FileEnvironment.TestData)]
    [TestCase("parser/testfiles-negative/x/Dockerfile", FileEnvironment.TestData)]
    [TestCase("src/__snapshots__/Dockerfile", FileEnvironment.TestData)]
    [TestCase("test/golden/prod/Dockerfile", FileEnvironment.TestData)]
    [TestCase("test/results/prod/Dockerfile", FileEnvironment.TestData)]
    [TestCase("results/prod/Dockerfile", FileEnvironment.Production)]
    [TestCase("test/Dockerfile", FileEnvironment.Unspecified)]
    [TestCase("tests/docker-compose.yml", FileEnvironment.Development)]
    [TestCase("deploy/test/Dockerfile.prod", FileEnvironment.Production)]
    public void Test_data_is_told_by_its_folder(string path, FileEnvironment expected) =>
        Assert.That(FileClassifier.ClassifyEnvironment(path, FileClassifier.Classify(path)), Is.EqualTo(expected));

    private static IReadOnlyList<Diagnostic> Run(params (string Path, string Content)[] files)
    {
        using var repository = new TempRepository();
        foreach (var (path, content) in files)
        {
            repository.Write(path, content);
        }

        return LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new CopySourceMissingRule()], MaxDegreeOfParallelism = 1 }).Diagnostics;
    }
}
