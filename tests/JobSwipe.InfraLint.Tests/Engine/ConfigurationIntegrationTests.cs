using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Engine;

public class ConfigurationIntegrationTests
{
    [Test]
    public void Editorconfig_problems_are_reported_as_JSI0002_at_their_place()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n\n[*.yml]\ndotnet_diagnostic.JSI9999.severity = error\ndotnet_diagnostic.JSI0003.severity = loud\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root));

        var problems = result.Diagnostics.Where(d => d.Id == "JSI0002").ToList();
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems.Select(p => p.Location.Path), Is.All.EqualTo(".editorconfig"));
        Assert.That(problems.Select(p => p.Location.Span.Start.Line), Is.EquivalentTo(new[] { 4, 5 }));
        Assert.That(problems.Select(p => p.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void Editorconfig_sets_the_environment_and_severity_of_engine_findings()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            [".editorconfig"] = "root = true\n\n[big/**]\ndotnet_diagnostic.JSI0003.severity = error\n",
        });
        repo.WriteBytes("big/Dockerfile", [0x46, 0x00]);
        repo.WriteBytes("other/Dockerfile", [0x46, 0x00]);
        var outside = Path.Combine(Path.GetTempPath(), "infralint-outside-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(outside, "x");
        try
        {
            File.CreateSymbolicLink(Path.Combine(repo.Root, "big", "link.env"), outside);
            File.CreateSymbolicLink(Path.Combine(repo.Root, "other", "link.env"), outside);
        }
        catch (IOException ex)
        {
            Assert.Ignore("symbolic links cannot be created here: " + ex.Message);
        }

        try
        {
            var result = LintEngine.Run(new LintOptions(repo.Root));
            var skipped = result.Diagnostics.Where(d => d.Id == "JSI0003").ToDictionary(d => d.Location.Path, d => d.Severity);
            Assert.That(skipped["big/link.env"], Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(skipped["other/link.env"], Is.EqualTo(DiagnosticSeverity.Info));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void Warning_policy_applies_after_configuration()
    {
        var policy = InfraLint.Configuration.WarningPolicy.FromProperties("JSI0001;JSI2003", "JSI2002", "JSI2004", "true");
        Assert.Multiple(() =>
        {
            Assert.That(policy.Apply("JSI0001", DiagnosticSeverity.Warning), Is.EqualTo(DiagnosticSeverity.Suppressed));
            Assert.That(policy.Apply("JSI2003", DiagnosticSeverity.Error), Is.EqualTo(DiagnosticSeverity.Suppressed), "NoWarn silences error-level rules too");
            Assert.That(policy.Apply("JSI2002", DiagnosticSeverity.Warning), Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(policy.Apply("JSI2004", DiagnosticSeverity.Warning), Is.EqualTo(DiagnosticSeverity.Warning), "WarningsNotAsErrors exempts");
            Assert.That(policy.Apply("JSI2005", DiagnosticSeverity.Warning), Is.EqualTo(DiagnosticSeverity.Error), "TreatWarningsAsErrors");
            Assert.That(policy.Apply("JSI1003", DiagnosticSeverity.Info), Is.EqualTo(DiagnosticSeverity.Info), "info stays info");
        });
    }

    [Test]
    public void Canonical_lines_use_absolute_paths_and_four_positions()
    {
        var diagnostic = Diagnostic.Create(EngineDescriptors.FileSkipped, new Location("a/b.yml", new LinePositionSpan(new LinePosition(3, 5), new LinePosition(3, 9))), "a/b.yml", "why");
        string root = Path.Combine(Path.GetTempPath(), "repo");
        string line = Reporting.CanonicalFormatter.Format(diagnostic, root);
        Assert.That(line, Is.EqualTo($"{Path.Combine(root, "a", "b.yml")}(3,5,3,9): info JSI0003: a/b.yml was skipped: why"));
    }
}
