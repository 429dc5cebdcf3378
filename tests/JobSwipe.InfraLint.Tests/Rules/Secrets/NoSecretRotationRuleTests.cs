using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class NoSecretRotationRuleTests
{
    private const string SetSecrets = "#!/usr/bin/env bash\nset -euo pipefail\n[|flyctl secrets set|] --app web \"${args[@]}\"\n";

    [Test]
    public void Reports_at_the_fly_secrets_command_when_nothing_documents_rotation()
    {
        var found = RuleVerifier.Reports<NoSecretRotationRule>(("scripts/set_secrets.sh", SetSecrets), ("README.md", "# App\n\n## Deploying\nRun the scripts.\n"));
        Assert.That(found.Single().Message, Does.Contain("Fly secrets"));
    }

    [Test]
    public void Prefers_secrets_set_over_secrets_import() =>
        RuleVerifier.Reports<NoSecretRotationRule>(
            ("scripts/a_deploy.sh", "#!/bin/sh\nflyctl secrets import --app web < .env.production\n"),
            ("scripts/set_secrets.sh", SetSecrets));

    [Test]
    public void Reports_vault_usage_without_rotation() =>
        RuleVerifier.Reports<NoSecretRotationRule>((".env.example", "[|VAULT_ADDR|]=http://localhost:8200\n"));

    [TestCase("docs/security/secret-rotation.md", "# Rotating secrets\n")]
    [TestCase("docs/runbooks/ops.md", "# Operations\n\n## Rotating credentials\nEvery 90 days…\n")]
    [TestCase("README.md", "Secrets\n=======\n\nKey rotation\n------------\nRun the job.\n")]
    [TestCase(".github/workflows/rotate.yml", "on:\n  push:\n")]
    [TestCase(".github/workflows/nightly.yml", "on:\n  schedule:\n    - cron: '0 3 1 * *'\njobs:\n  rotate:\n    steps:\n      - run: scripts/rotate_keys.sh\n")]
    public void Quiet_when_a_rotation_procedure_exists(string path, string content) =>
        RuleVerifier.ReportsNothing<NoSecretRotationRule>(("scripts/set_secrets.sh", SetSecrets.Replace("[|", "").Replace("|]", "")), (path, content));

    [Test]
    public void Quiet_when_no_secrets_are_managed() =>
        RuleVerifier.ReportsNothing<NoSecretRotationRule>(("scripts/deploy.sh", "#!/bin/sh\nflyctl deploy --app web\nflyctl secrets list --app web\n"), ("README.md", "# App\n"));
}
