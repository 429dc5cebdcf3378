using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>The JSI5xxx findings of the audit on the JobSwipe replica, and none on the remediated repository.</summary>
public class JobSwipeFixtureSecretsTests
{
    private static readonly string[] BlockIds = ["JSI5001", "JSI5002", "JSI5003", "JSI5004", "JSI5005", "JSI5006", "JSI5007", "JSI5008"];

    private static IReadOnlyList<Diagnostic> Run(string fixture) =>
        LintEngine.Run(new LintOptions(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", fixture))).Diagnostics;

    [Test]
    public void Audit_findings_of_the_secrets_block()
    {
        var findings = Run("jobswipe").Where(d => BlockIds.Contains(d.Id)).ToList();

        // Environment variable naming inconsistencies: the three groups of the audit.
        var naming = findings.Where(d => d.Id == "JSI5003").ToList();
        Assert.That(naming, Has.Count.EqualTo(3));
        Assert.That(naming, Has.One.Matches<Diagnostic>(d => d.Message.Contains("'VAULT_URL'") && d.Message.Contains("'VAULT_ADDR'")));
        Assert.That(naming, Has.One.Matches<Diagnostic>(d => d.Message.Contains("'OLLAMA_BASE_URL'") && d.Message.Contains("'OLLAMA_URL'")));
        Assert.That(naming, Has.One.Matches<Diagnostic>(d => d.Message.Contains("'DB_URL'") && d.Message.Contains("'DATABASE_URL'")));
        var expectedNamingSites = new[] { "docker-compose.yml:13", "scripts/set_secrets.sh:12", ".env.production.example:22", ".env.example:6", "docker-compose.yml:15", "scripts/set_secrets.sh:14", ".env.production.example:26", ".env.example:3", ".env.example:8", ".env.production.example:15" };
        Assert.That(naming.Select(Site), Is.SubsetOf(expectedNamingSites));

        // No secret rotation: at the command that sets the Fly secrets.
        Assert.That(findings.Where(d => d.Id == "JSI5007").Select(Site), Is.EqualTo(new[] { "scripts/set_secrets.sh:46" }));

        // No Vault audit logging: at the Vault service of the compose file.
        Assert.That(findings.Where(d => d.Id == "JSI5008").Select(Site), Is.EqualTo(new[] { "docker-compose.yml:118" }));

        // The replica commits no credential, no development value in a production file and no duplicate env key.
        Assert.That(findings.Where(d => d.Id is "JSI5001" or "JSI5002" or "JSI5004" or "JSI5005" or "JSI5006").Select(d => $"{d.Id} {Site(d)}"), Is.Empty);
    }

    [Test]
    public void The_remediated_repository_raises_nothing_of_the_secrets_block() =>
        Assert.That(Run("jobswipe-remediated").Where(d => BlockIds.Contains(d.Id)).Select(d => $"{d.Id} {Site(d)}: {d.Message}"), Is.Empty);

    private static string Site(Diagnostic d) => $"{d.Location.Path}:{d.Location.Span.Start.Line}";
}
