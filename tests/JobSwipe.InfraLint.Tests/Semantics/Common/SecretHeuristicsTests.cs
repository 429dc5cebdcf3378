using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class SecretHeuristicsTests
{
    [TestCase("POSTGRES_PASSWORD", true)]
    [TestCase("SECRET_KEY", true)]
    [TestCase("VAULT_TOKEN", true)]
    [TestCase("stripe_api_key", true)]
    [TestCase("MINIO_ROOT_PASSWORD", true)]
    [TestCase("AWS_SECRET_ACCESS_KEY", true)]
    [TestCase("GOOGLE_APPLICATION_CREDENTIALS_JSON", true)]
    [TestCase("DB_PASS", true)]
    [TestCase("POSTGRES_PASSWORD_FILE", false)]
    [TestCase("TOKEN_URL", false)]
    [TestCase("AWS_ACCESS_KEY_ID", false)]
    [TestCase("JWT_SECRET_ALGORITHM", false)]
    [TestCase("SSH_PUBLIC_KEY", false)]
    [TestCase("POSTGRES_USER", false)]
    [TestCase("DATABASE_URL", false)]
    [TestCase("PASSWORD_MIN_LENGTH", false)]
    [TestCase("MONKEY", false)]
    [TestCase("GPG_KEY", false)]
    [TestCase("NGINX_GPG_KEY", false)]
    [TestCase("PGP_KEY", false)]
    [TestCase("SIGNING_KEY_FINGERPRINT", false)]
    [TestCase("NODE_SHA256", false)]
    public void Recognises_secret_like_names(string name, bool expected) =>
        Assert.That(SecretHeuristics.IsSecretLikeName(name), Is.EqualTo(expected));

    [TestCase("${POSTGRES_PASSWORD}", true)]
    [TestCase("${POSTGRES_PASSWORD:-x}", true)]
    [TestCase("$TOKEN", true)]
    [TestCase("{{ secrets.TOKEN }}", true)]
    [TestCase("postgres", false)]
    [TestCase("abc${X}", false)]
    public void Recognises_references(string value, bool expected) =>
        Assert.That(SecretHeuristics.IsReference(value), Is.EqualTo(expected));

    [TestCase("postgres", true)]
    [TestCase("minioadmin", true)]
    [TestCase("dev-secret-key-change-in-production", true)]
    [TestCase("changeme", true)]
    [TestCase("k8Vq2pLx9", false)]
    public void Recognises_known_defaults(string value, bool expected) =>
        Assert.That(SecretHeuristics.DescribeKnownDefault(value) is not null, Is.EqualTo(expected));

    [Test]
    public void Finds_inline_url_passwords()
    {
        const string url = "postgresql://app:s3cr3t@db:5432/app";
        var found = SecretHeuristics.FindUrlPassword(url);
        Assert.That(found, Is.Not.Null);
        Assert.That(url.Substring(found!.Value.Start, found.Value.Length), Is.EqualTo("s3cr3t"));
        Assert.That(SecretHeuristics.FindUrlPassword("postgresql://app:${DB_PASSWORD}@db/app"), Is.Null);
        Assert.That(SecretHeuristics.FindUrlPassword("https://example.com/path"), Is.Null);
        Assert.That(SecretHeuristics.FindUrlPassword("redis://redis:6379/0"), Is.Null);
    }

    // The scheme is the run of scheme characters before "://", from its first letter; a long run without "://" is no URL.
    [TestCase("x=1git+ssh.v2://deploy:hunter2@host/repo", "hunter2")]
    [TestCase("mongodb+srv://admin:pa55@cluster0.example.net", "pa55")]
    [TestCase("--url=-.-redis://:redispw@cache:6379", "redispw")]
    [TestCase("9://u:p@h", null)]
    public void Finds_the_password_after_any_scheme(string value, string? password)
    {
        var found = SecretHeuristics.FindUrlPassword(value);
        Assert.That(found is null ? null : value.Substring(found.Value.Start, found.Value.Length), Is.EqualTo(password));
    }

    [Test]
    public void A_long_base64_value_has_no_url_password()
    {
        string value = string.Concat(Enumerable.Repeat("QmFzZTY0LWVuY29kZWQ+ZGF0YS1ibG9i.", 20_000));
        Assert.That(SecretHeuristics.FindUrlPassword(value), Is.Null);
        Assert.That(SecretHeuristics.FindUrlPassword(value + "a://user:pw@h"), Is.Not.Null);
    }

    [TestCase("<your-key>", true)]
    [TestCase("REPLACE_ME", true)]
    [TestCase("xxxx", true)]
    [TestCase("nokey", true)]
    [TestCase("dummy", true)]
    [TestCase("not-a-secret", true)]
    [TestCase("dummykey1234", false)]
    [TestCase("{YOUR_PASSWORD}", true)]
    [TestCase("{a1b2:c3}", false)]
    [TestCase("sk_live_x", false)]
    [TestCase("'k9-REPLACE-WITH-real'", true)]
    [TestCase("\"abcPlaceHolderdef\"", true)]
    [TestCase("`k9-BUILD_TIME-x`", true)]
    [TestCase(" q7Fz_HERE ", true)]
    [TestCase("q7Fz[Redacted]", true)]
    [TestCase("q7Fz-her3", false)]
    public void Recognises_placeholders(string value, bool expected) =>
        Assert.That(SecretHeuristics.IsPlaceholder(value), Is.EqualTo(expected));
}
