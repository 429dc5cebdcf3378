using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

/// <summary>The Dockerfile rules (JSI1xxx) on the JobSwipe replica and its remediated twin (see FIXTURE_MAP).</summary>
public class JobSwipeFixtureDockerfileTests
{
    private static IReadOnlyList<Diagnostic> Run(string fixture) =>
        [.. LintEngine.Run(new LintOptions(RepositoryPaths.Fixture(fixture))).Diagnostics.Where(d => d.Id.StartsWith("JSI1", StringComparison.Ordinal))];

    [Test]
    public void The_audit_findings_appear_where_the_audit_places_them()
    {
        var findings = Run("jobswipe");
        Assert.That(findings.Select(d => $"{d.Id} {d.Location.Path}:{d.Location.Span.Start.Line}"), Is.EquivalentTo(new[]
        {
            "JSI1001 Dockerfile:2",
            "JSI1004 backend/Dockerfile:18",
            "JSI1004 backend/Dockerfile.worker:5", // the unused worker image shares the backend's requirements
        }));

        Diagnostic toolchain = findings.Single(d => d.Id == "JSI1001");
        Assert.That(toolchain.Message, Does.Contain("gcc").And.Contain("build-essential").And.Contain("libpq-dev"));
        Assert.That(toolchain.AdditionalLocations.Select(l => l.Span.Start.Line), Is.EquivalentTo(new[] { 13, 14, 15 }));

        Diagnostic playwright = findings.Single(d => d.Id == "JSI1004" && d.Location.Path == "backend/Dockerfile");
        Assert.That(playwright.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(playwright.AdditionalLocations.Single().Path, Is.EqualTo("backend/requirements.txt"));
        Assert.That(playwright.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(12));
    }

    [Test]
    public void The_strengths_raise_nothing()
    {
        // Non-root users (Dockerfile:30, backend/Dockerfile:35), healthchecks (:34, :39), the multi-stage backend.
        var findings = Run("jobswipe");
        Assert.That(findings.Where(d => d.Id is "JSI1002" or "JSI1003" or "JSI1005" or "JSI1012"), Is.Empty);
        Assert.That(findings.Where(d => d.Location.Path == "backend/Dockerfile" && d.Id != "JSI1004"), Is.Empty);
    }

    [Test]
    public void The_remediated_repository_raises_no_dockerfile_finding() =>
        Assert.That(Run("jobswipe-remediated").Select(d => $"{d.Id} {d.Location.Path}:{d.Location.Span.Start.Line}"), Is.Empty);
}
