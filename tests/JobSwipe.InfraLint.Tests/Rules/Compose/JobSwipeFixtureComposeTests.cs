using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

/// <summary>The audit's compose findings (FIXTURE_MAP.md) on the JobSwipe replica, and silence on its remediated twin.</summary>
public class JobSwipeFixtureComposeTests
{
    private static readonly string[] BlockIds = ["JSI2003", "JSI2004", "JSI2005", "JSI2006", "JSI2007", "JSI2008", "JSI2009", "JSI2010", "JSI2011", "JSI2013", "JSI2014", "JSI2015", "JSI2016"];

    private static IReadOnlyList<Diagnostic> Run(string fixture) =>
        [.. LintEngine.Run(new LintOptions(RepositoryPaths.Fixture(fixture))).Diagnostics.Where(d => BlockIds.Contains(d.Id))];

    private static List<int> Lines(IReadOnlyList<Diagnostic> findings, string id, string path) =>
        [.. findings.Where(d => d.Id == id && d.Location.Path == path).Select(d => d.Location.Span.Start.Line).Order()];

    [Test]
    public void The_audit_findings_appear_where_the_map_puts_them()
    {
        var findings = Run("jobswipe");
        Assert.Multiple(() =>
        {
            Assert.That(Lines(findings, "JSI2003", "docker-compose.yml"), Is.EqualTo(new[] { 11, 14, 17, 39, 40, 44, 45, 47, 73, 105, 106 }));
            Assert.That(Lines(findings, "JSI2004", "docker-compose.yml"), Is.EqualTo(new[] { 60, 89, 101, 118, 151, 162, 172, 181 }));
            Assert.That(Lines(findings, "JSI2006", "docker-compose.production.yml"), Is.EqualTo(new[] { 52, 70, 87 }));
            Assert.That(Lines(findings, "JSI2008", "docker-compose.yml"), Is.EqualTo(new[] { 182 }));
            Assert.That(Lines(findings, "JSI2013", "docker-compose.yml"), Is.EqualTo(new[] { 2 }));
            var ollama = findings.Single(d => d.Id == "JSI2015");
            Assert.That((ollama.Location.Path, ollama.Location.Span.Start.Line), Is.EqualTo(("docker-compose.production.yml", 14)));
            Assert.That(ollama.Message, Does.Contain("'ollama'").And.Contain("docker-compose.yml defines it"));
        });
    }

    [Test]
    public void The_praised_strengths_raise_nothing()
    {
        var findings = Run("jobswipe");
        Assert.Multiple(() =>
        {
            Assert.That(Lines(findings, "JSI2003", "docker-compose.production.yml"), Is.Empty, "production credentials come from ${VAR}");
            Assert.That(Lines(findings, "JSI2004", "docker-compose.production.yml"), Is.Empty, "production limits on every service");
            Assert.That(findings.Where(d => d.Id is "JSI2011" or "JSI2005" or "JSI2007"), Is.Empty, "healthchecks and references are sound");
            Assert.That(findings.Where(d => d.Id == "JSI2003").Select(d => d.Message), Has.None.Contains("minioadmin").And.None.Contains("dev-root-token"));
        });
    }

    [Test]
    public void The_remediated_repository_raises_none_of_them() =>
        Assert.That(Run("jobswipe-remediated").Select(d => $"{d.Location.Path}:{d.Location.Span.Start.Line} {d.Id}"), Is.Empty);
}
