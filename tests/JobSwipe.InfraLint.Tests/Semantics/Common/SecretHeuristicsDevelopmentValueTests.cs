using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class SecretHeuristicsDevelopmentValueTests
{
    [TestCase("SECRET_KEY", "dev-secret-key-change-in-production", "a development placeholder")]
    [TestCase("VAULT_TOKEN", "dev-root-token", "a development placeholder")]
    [TestCase("ANY_NAME", "change-me-before-release-changeme", "a development placeholder")]
    [TestCase("MINIO_ROOT_USER", "minioadmin", "a development placeholder")]
    [TestCase("APP_SECRET", "changeme", "a development placeholder")]
    [TestCase("POSTGRES_PASSWORD", "postgres", "a well-known default credential")]
    [TestCase("MINIO_ACCESS_KEY", "admin", "a well-known default credential")]
    [TestCase("DATABASE_URL", "postgresql://app:x@localhost:5432/app", "a localhost service address")]
    [TestCase("VAULT_ADDR", "http://127.0.0.1:8200", "a localhost service address")]
    [TestCase("REDIS_HOST", "redis://localhost:6379", "a localhost service address")]
    [TestCase("MINIO_ENDPOINT", "localhost:9000", "a localhost service address")]
    public void Describes_development_values(string name, string value, string expected) =>
        Assert.That(SecretHeuristics.DescribeDevelopmentValue(name, value), Is.EqualTo(expected));

    [TestCase("POSTGRES_USER", "postgres")]
    [TestCase("POSTGRES_DB", "postgres")]
    [TestCase("SECRET_KEY", "${SECRET_KEY}")]
    [TestCase("SECRET_KEY", "<generate-a-secret>")]
    [TestCase("OLLAMA_HOST", "0.0.0.0")]
    [TestCase("VAULT_ADDR", "https://vault.internal:8200")]
    [TestCase("LOG_LEVEL", "debug")]
    [TestCase("NOTE", "see http://localhost:8080 for docs")]
    [TestCase("DEVICE_NAME", "device-1")]
    [TestCase("GIT_BRANCH", "dev-main")]
    [TestCase("FUSION_HOST", "127.0.0.1")]
    [TestCase("REDIS_HOST", "localhost")]
    [TestCase("LISTEN_ADDR", "127.0.0.1:8080")]
    public void Leaves_production_values_alone(string name, string value) =>
        Assert.That(SecretHeuristics.DescribeDevelopmentValue(name, value), Is.Null);
}
