using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class CommittedSecretRuleTests
{
    private static readonly string GitHub = "gh" + "p_" + FakeSecrets.Random(FakeSecrets.Alnum, 36, 3);
    private static readonly string Stripe = "sk" + "_live_" + FakeSecrets.Random(FakeSecrets.Alnum, 24, 10);

    [Test]
    public void Reports_the_secret_in_every_kind_of_file()
    {
        var found = RuleVerifier.Reports<CommittedSecretRule>(
            (".env.production", $"GITHUB_TOKEN=[|{GitHub}|]\n"),
            ("fly.toml", $"app = \"x\"\n[env]\n  STRIPE_KEY = \"[|{Stripe}|]\"\n"),
            ("Dockerfile", $"FROM alpine:3.20\nENV TOKEN=[|{GitHub}|]\n"),
            ("scripts/deploy.sh", $"#!/bin/sh\nfly secrets set STRIPE_KEY=[|{Stripe}|]\n"),
            ("docker-compose.yml", $"services:\n  app:\n    environment:\n      TOKEN: [|{GitHub}|]\n"),
            (".github/workflows/ci.yml", $"jobs:\n  a:\n    env:\n      NPM_TOKEN: [|{FakeSecrets.Join("np", "m_", FakeSecrets.Random(FakeSecrets.Alnum, 36, 21))}|]\n"));
        foreach (var d in found)
        {
            Assert.That(d.Message, Does.Not.Contain(GitHub).And.Not.Contain(Stripe));
        }

        Assert.That(found.Select(d => d.Message), Has.Some.StartsWith("A GitHub token is committed"));
    }

    [Test]
    public void Reports_a_private_key_block_as_one_finding() =>
        RuleVerifier.Reports<CommittedSecretRule>(("deploy/key.sh", "#!/bin/sh\ncat > key <<'EOF'\n[|" + FakeSecrets.PrivateKey(24) + "|]\nEOF\n"));

    [Test]
    public void Reports_the_password_of_a_connection_string_only()
    {
        string password = FakeSecrets.Random(FakeSecrets.Alnum, 20, 27);
        RuleVerifier.Reports<CommittedSecretRule>((".env", $"DATABASE_URL=postgresql://app:[|{password}|]@db.internal:5432/app\n"));
    }

    [Test]
    public void Quiet_on_references_placeholders_defaults_and_documented_examples() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(
            (".env.example", "GITHUB_TOKEN=<your-token>\nAWS_ACCESS_KEY_ID=AK" + "IAIOSFODNN7EXAMPLE\nDB_URL=postgresql://postgres:postgres@localhost:5432/app\n"),
            ("docker-compose.production.yml", "services:\n  app:\n    environment:\n      TOKEN: ${GITHUB_TOKEN}\n      DATABASE_URL: postgresql://app:${DB_PASSWORD}@db/app\n"),
            ("fly.toml", "app = \"x\"\n[env]\n  LOG_LEVEL = \"info\"\n"));

    [Test]
    public void Files_of_unknown_kinds_are_not_scanned() =>
        RuleVerifier.ReportsNothing<CommittedSecretRule>(("notes/token.txt", $"token {GitHub}\n"));
}
