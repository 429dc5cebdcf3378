using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>JSI0001 is an error in the deployed kinds (Dockerfile, compose, fly.toml), a warning elsewhere, and configurable.</summary>
public class ParseErrorSeverityTests
{
    [TestCase("docker-compose.yml", "services:\n  api:\n    image: \"api:1.0\n", DiagnosticSeverity.Error)]
    [TestCase("fly.toml", "app = \"x\n", DiagnosticSeverity.Error)]
    [TestCase("Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho never closed\n", DiagnosticSeverity.Error)]
    [TestCase("deploy.sh", "#!/bin/sh\nif true; then\n  echo unterminated\n", DiagnosticSeverity.Warning)]
    [TestCase(".github/workflows/ci.yml", "on: push\njobs: [\n", DiagnosticSeverity.Warning)]
    [TestCase(".env", "A=\"unterminated\n", DiagnosticSeverity.Warning)]
    public void A_file_its_tool_cannot_load_is_an_error_in_deployed_kinds(string path, string content, DiagnosticSeverity expected)
    {
        using var repository = new TempRepository();
        repository.Write(path, content);
        repository.Write("other/fly.toml", "app = \"fine\"\n");

        var result = LintEngine.Run(new LintOptions(repository.Root));

        var parseErrors = result.Diagnostics.Where(d => d.Id == "JSI0001").ToList();
        Assert.That(parseErrors.Select(d => (d.Location.Path, d.Severity)), Is.EqualTo(new[] { (path, expected) }));
        Assert.That(result.Diagnostics.Where(d => d.Location.Path == "other/fly.toml"), Is.Not.Empty, "the other files are still linted");
    }

    [Test]
    public void Editorconfig_lowers_it_for_a_glob()
    {
        using var repository = new TempRepository();
        repository.Write(".editorconfig", "root = true\n[templates/**]\ndotnet_diagnostic.JSI0001.severity = warning\n");
        repository.Write("templates/docker-compose.yml", "services: [\n");
        repository.Write("docker-compose.yml", "services: [\n");

        var result = LintEngine.Run(new LintOptions(repository.Root));

        Assert.That(
            result.Diagnostics.Where(d => d.Id == "JSI0001").Select(d => (d.Location.Path, d.Severity)),
            Is.EquivalentTo(new[] { ("docker-compose.yml", DiagnosticSeverity.Error), ("templates/docker-compose.yml", DiagnosticSeverity.Warning) }));
    }
}
