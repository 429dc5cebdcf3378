using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

/// <summary>The JSI4xxx/JSI6xxx findings of the audit appear in the JobSwipe replica where FIXTURE_MAP.md puts them, and the remediated replica raises none.</summary>
public sealed class JobSwipeFixtureScriptsTests
{
    private static readonly string[] BlockPrefixes = ["JSI40", "JSI60"];

    private static List<Diagnostic> Block(string fixture) =>
        [.. LintEngine.Run(new LintOptions(RepositoryPaths.Fixture(fixture))).Diagnostics.Where(d => BlockPrefixes.Any(p => d.Id.StartsWith(p, StringComparison.Ordinal)))];

    private static List<string> Keys(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => $"{d.Id} {d.Location.Path}:{d.Location.Span.Start.Line}")];

    [Test]
    public void The_audit_findings_of_the_scripts_block_are_reported_where_the_fixture_map_says()
    {
        var keys = Keys(Block("jobswipe"));
        Assert.That(keys, Does.Contain("JSI4001 scripts/deploy_backend.sh:46"));
        Assert.That(keys, Does.Contain("JSI4002 scripts/deploy_backend.sh:46"));
        Assert.That(keys, Does.Contain("JSI4006 scripts/deploy_backend.sh:46"));
        // One finding for the script's three release builds (lines 6-8), at the first, the others its additional locations.
        Assert.That(keys.Count(k => k.StartsWith("JSI4004 scripts/deploy_mobile.sh:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(keys, Does.Contain("JSI4004 scripts/deploy_mobile.sh:6"));
        Assert.That(Block("jobswipe").Single(d => d.Id == "JSI4004").AdditionalLocations.Select(l => l.Span.Start.Line), Is.EqualTo(new[] { 7, 8 }));

        Assert.That(keys, Does.Contain("JSI4005 scripts/deploy_mobile.sh:6"));
        Assert.That(keys, Does.Contain("JSI4006 scripts/deploy_mobile.sh:6"));
        Assert.That(keys, Does.Contain("JSI4007 scripts/deploy_mobile.sh:6"));
        Assert.That(keys, Does.Contain("JSI4003 scripts/deploy_mobile.sh:6"));
        Assert.That(keys, Does.Contain("JSI6001 backend/Procfile:1"));
        Assert.That(keys, Does.Contain("JSI6002 backend/Procfile:1"));
    }

    [Test]
    public void The_praised_files_raise_nothing_of_the_block()
    {
        var keys = Keys(Block("jobswipe").Where(d => d.Location.Path is "Dockerfile" or "backend/Dockerfile" or "backend/fly.toml" or "scripts/set_secrets.sh" || d.Id.StartsWith("JSI60", StringComparison.Ordinal) && d.Location.Path != "backend/Procfile"));
        Assert.That(keys, Is.Empty);
    }

    [Test]
    public void The_strengths_of_deploy_backend_raise_nothing_of_the_block()
    {
        var keys = Keys(Block("jobswipe").Where(d => d.Location.Path == "scripts/deploy_backend.sh"));
        Assert.That(keys, Is.EquivalentTo(new[] { "JSI4001 scripts/deploy_backend.sh:46", "JSI4002 scripts/deploy_backend.sh:46", "JSI4006 scripts/deploy_backend.sh:46" }));
    }

    [Test]
    public void Deploy_backend_validation_rejects_every_placeholder_form_of_a_filled_in_env_file()
    {
        // The fixture does not commit .env.production (rightly); give the script one full of placeholders.
        string script = File.ReadAllText(Path.Combine(RepositoryPaths.Fixture("jobswipe"), "scripts", "deploy_backend.sh"));
        InfraLint.Tests.Infrastructure.RuleVerifier.ReportsNothing<InfraLint.Rules.Scripts.UnvalidatedSecretsImportRule>(
            ("scripts/deploy_backend.sh", script),
            (".env.production", "SECRET_KEY=<your-secret-key>\nVAULT_TOKEN=${VAULT_TOKEN}\nMINIO_ROOT_PASSWORD=changeme\n"));
    }

    [Test]
    public void The_remediated_fixture_raises_nothing_of_the_block()
    {
        Assert.That(Keys(Block("jobswipe-remediated")), Is.Empty);
    }
}
