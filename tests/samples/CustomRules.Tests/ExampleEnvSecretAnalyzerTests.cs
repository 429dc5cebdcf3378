using CustomRules;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace CustomRules.Tests;

/// <summary>
/// Testing a custom rule: write the files a case needs to a temporary folder, run the engine with only the analyzer
/// under test, and assert on the findings' IDs, positions and messages.
/// </summary>
public sealed class ExampleEnvSecretAnalyzerTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "customrules-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Reports_a_secret_with_a_value_in_an_example_env_file_at_its_key()
    {
        var findings = Lint(".env.example", "DEBUG=true\nAPI_TOKEN=abc123\nDB_PASSWORD=\n");

        Assert.That(findings, Has.Count.EqualTo(1));
        var finding = findings[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Id, Is.EqualTo("ACME0001"));
            Assert.That(finding.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(finding.Location.Path, Is.EqualTo(".env.example"));
            Assert.That(finding.Location.ToString(), Is.EqualTo(".env.example(2,1,2,10)"));
            Assert.That(finding.Message, Does.Contain("API_TOKEN").And.Not.Contain("abc123"));
            Assert.That(finding.Descriptor.HelpLinkUri, Does.StartWith("https://example.invalid/acme/"));
        }
    }

    [TestCase(".env", "API_TOKEN=abc123\n", Description = "not an example file")]
    [TestCase(".env.example", "API_TOKEN=\n", Description = "empty")]
    [TestCase(".env.example", "API_TOKEN=${API_TOKEN}\n", Description = "a reference")]
    [TestCase(".env.sample", "LOG_LEVEL=debug\n", Description = "not a secret")]
    public void Stays_quiet(string file, string content)
    {
        Assert.That(Lint(file, content), Is.Empty);
    }

    [Test]
    public void Inline_suppression_applies_to_custom_rules()
    {
        var findings = Lint(".env.example", "# infralint-disable-next-line ACME0001 -- a public demo key\nAPI_TOKEN=demo\n");

        Assert.That(findings, Is.Empty);
    }

    private List<Diagnostic> Lint(string file, string content)
    {
        File.WriteAllText(Path.Combine(_root, file), content);
        var result = LintEngine.Run(new LintOptions(_root) { Analyzers = [new ExampleEnvSecretAnalyzer()] });
        return [.. result.Diagnostics.Where(d => d.Id == ExampleEnvSecretAnalyzer.Rule.Id)];
    }
}
