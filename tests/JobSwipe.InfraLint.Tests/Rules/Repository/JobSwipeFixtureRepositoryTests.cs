using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

/// <summary>The JSI7xxx findings of the audit on the JobSwipe replica, and none on the remediated repository.</summary>
public class JobSwipeFixtureRepositoryTests
{
    private static readonly string[] BlockIds = ["JSI7001", "JSI7002", "JSI7003", "JSI7004", "JSI7005", "JSI7006", "JSI7007"];

    private static IReadOnlyList<Diagnostic> Run(string fixture) =>
        LintEngine.Run(new LintOptions(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", fixture))).Diagnostics;

    [Test]
    public void Audit_findings_of_the_repository_block()
    {
        var findings = Run("jobswipe").Where(d => BlockIds.Contains(d.Id)).Select(d => $"{d.Id} {d.Location.Path}:{d.Location.Span.Start.Line}").ToList();

        // Repository-level findings have no file and no line (":0"); whole-file findings have a file and no line.
        Assert.That(findings, Does.Contain("JSI7001 :0"), "no CI/CD pipeline");
        Assert.That(findings, Does.Contain("JSI7003 :0"), "no monitoring and alerting");
        Assert.That(findings, Does.Contain("JSI7004 docker-compose.production.yml:52"), "no backup of the production datastores");
        Assert.That(findings, Does.Contain("JSI7005 :0"), "no security scanning");

        // Of the three Dockerfiles, fly.toml builds the root one and backend/fly.toml and the compose files the backend one;
        // the worker Dockerfile is used by nothing ("multiple Dockerfiles without usage guidelines").
        Assert.That(findings.Where(f => f.StartsWith("JSI7006", StringComparison.Ordinal)), Is.EqualTo(new[] { "JSI7006 backend/Dockerfile.worker:0" }));

        // There is no CI to run tests, and no backup to restore.
        Assert.That(findings.Where(f => f.StartsWith("JSI7002", StringComparison.Ordinal) || f.StartsWith("JSI7007", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_remediated_repository_raises_nothing_of_the_repository_block() =>
        Assert.That(Run("jobswipe-remediated").Where(d => BlockIds.Contains(d.Id)).Select(d => $"{d.Id} {d.Location.Path}:{d.Location.Span.Start.Line}: {d.Message}"), Is.Empty);
}
