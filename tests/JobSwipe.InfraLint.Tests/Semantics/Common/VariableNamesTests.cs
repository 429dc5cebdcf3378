using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class VariableNamesTests
{
    [TestCase("VAULT_URL", "VAULT_ADDR")]
    [TestCase("OLLAMA_BASE_URL", "OLLAMA_URL")]
    [TestCase("DATABASE_URL", "DB_URL")]
    [TestCase("redis-url", "REDIS_URI")]
    [TestCase("DB_PASS", "DATABASE_PASSWORD")]
    [TestCase("MINIO_ENDPOINT", "MINIO_ADDRESS")]
    public void Same_setting(string a, string b) =>
        Assert.That(VariableNames.Canonical(a), Is.EqualTo(VariableNames.Canonical(b)).And.Not.Null);

    [TestCase("OLLAMA_HOST", "OLLAMA_URL")]
    [TestCase("DB_HOST", "DATABASE_URL")]
    [TestCase("BASE_URL", "URL")]
    [TestCase("REDIS_URL", "REDIS_PASSWORD")]
    [TestCase("API_URL", "API_BASE")]
    public void Different_settings(string a, string b) =>
        Assert.That(VariableNames.Canonical(a), Is.Not.EqualTo(VariableNames.Canonical(b)));

    [Test]
    public void Single_words_are_not_compared() => Assert.That(VariableNames.Canonical("URL"), Is.Null);
}
