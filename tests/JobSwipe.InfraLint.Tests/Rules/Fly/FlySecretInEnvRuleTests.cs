using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class FlySecretInEnvRuleTests
{
    [Test]
    public void Literal_secret_is_reported_without_its_value()
    {
        const string secret = "sk_live_51Habc0123456789";
        var d = RuleVerifier.Reports<FlySecretInEnvRule>(("fly.toml", $$"""
            app = "a"
            [env]
              STRIPE_SECRET_KEY = [|"{{secret}}"|]
              LOG_LEVEL = "info"
            """));
        Assert.That(d[0].Message, Does.Not.Contain(secret).And.Contain("STRIPE_SECRET_KEY"));
    }

    [Test]
    public void Non_secrets_references_and_placeholders_are_quiet() =>
        RuleVerifier.ReportsNothing<FlySecretInEnvRule>(("fly.toml", """
            app = "a"
            [env]
              TOKEN_URL = "https://auth.example.org/token"
              AWS_ACCESS_KEY_ID = "AKIAEXAMPLE"
              API_KEY = "${API_KEY}"
              JWT_SECRET = "<set with fly secrets>"
              PASSWORD = "{YOUR_PASSWORD}"
              SESSION_SECRET = ""
            """));

    [Test]
    public void Numbers_and_well_known_defaults_are_reported()
    {
        var d = RuleVerifier.Reports<FlySecretInEnvRule>(("fly.toml", """
            app = "a"
            [env]
              POSTGRES_PASSWORD = [|"postgres"|]
              API_SECRET = [|83920174|]
              PORT = 8080
            """));
        Assert.That(d.Single(x => x.Message.Contains("POSTGRES_PASSWORD", StringComparison.Ordinal)).Message, Does.Contain("a well-known default credential"));
    }

    [Test]
    public void A_placeholder_like_changeme_is_not_a_literal_secret() =>
        RuleVerifier.ReportsNothing<FlySecretInEnvRule>(("fly.toml", "app = \"a\"\n[env]\n  ADMIN_PASSWORD = \"changeme\"\n"));
}
