using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

/// <summary>The audit's Fly findings on the JobSwipe replica (FIXTURE_MAP.md), and none on the remediated copy.</summary>
public sealed class JobSwipeFixtureFlyTests
{
    private static IReadOnlyList<Diagnostic> FlyFindings(string fixture) =>
        [.. LintEngine.Run(new LintOptions(RepositoryPaths.Fixture(fixture))).Diagnostics.Where(d => d.Id.StartsWith("JSI3", StringComparison.Ordinal))];

    [TestCase("JSI3001", "fly.toml", 3)]
    [TestCase("JSI3002", "backend/ollama-fly.toml", 3)]
    [TestCase("JSI3003", "fly.toml", 9)]
    [TestCase("JSI3004", "backend/ollama-fly.toml", 10)]
    [TestCase("JSI3004", "fly.toml", 9)]
    [TestCase("JSI3005", "backend/ollama-fly.toml", 8)]
    [TestCase("JSI3008", "backend/ollama-fly.toml", 11)]
    public void Audit_finding_is_reported(string id, string path, int line) =>
        Assert.That(FlyFindings("jobswipe").Select(d => (d.Id, d.Location.Path, d.Location.Span.Start.Line)), Does.Contain((id, path, line)));

    [Test]
    public void The_conflicting_root_config_is_one_finding_that_also_points_at_its_dockerfile()
    {
        var conflict = FlyFindings("jobswipe").Single(d => d.Id == "JSI3001");
        Assert.That(conflict.AdditionalLocations.Select(l => (l.Path, l.Span.Start.Line)), Does.Contain(("fly.toml", 7)));
    }

    [TestCase("JSI3007", "backend/fly.toml", 19)]
    public void No_automated_migrations(string id, string path, int line) => Audit_finding_is_reported(id, path, line);

    [Test]
    public void Well_configured_backend_raises_only_the_migration_finding() =>
        Assert.That(FlyFindings("jobswipe").Where(d => d.Location.Path == "backend/fly.toml").Select(d => d.Id), Is.All.EqualTo("JSI3007"));

    [Test]
    public void No_unexpected_fly_findings() =>
        Assert.That(FlyFindings("jobswipe").Select(d => d.Id).Distinct(), Is.SubsetOf(new[] { "JSI3001", "JSI3002", "JSI3003", "JSI3004", "JSI3005", "JSI3007", "JSI3008" }));

    [Test]
    public void Remediated_fixture_raises_none() =>
        Assert.That(FlyFindings("jobswipe-remediated").Select(d => d.ToString()), Is.Empty);
}
