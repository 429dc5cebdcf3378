using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class SecretFilesInBuildContextRuleTests
{
    [Test]
    public void Reports_copy_of_the_context_holding_env_and_key_files()
    {
        var d = RuleVerifier.Reports<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:20-slim\nCOPY [|.|] /app\n"),
            (".env", "API_TOKEN=abc123secret\n"),
            ("certs/server.key", "-----BEGIN PRIVATE KEY-----\n"),
            ("index.js", "1\n"));
        Assert.That(d[0].Message, Does.Contain(".env").And.Contain("certs/server.key").And.Not.Contain("abc123secret"));
    }

    [Test]
    public void Quiet_when_the_dockerignore_excludes_them() =>
        RuleVerifier.ReportsNothing<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:20-slim\nCOPY . /app\n"),
            (".dockerignore", ".env*\n!.env.defaults\n*.key\n"),
            (".env", "A=1\n"),
            (".env.local", "A=1\n"),
            ("server.key", "k\n"));

    [Test]
    public void A_dockerfile_specific_ignore_file_applies() =>
        RuleVerifier.ReportsNothing<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:20-slim\nCOPY . /app\n"),
            ("Dockerfile.dockerignore", ".env\n"),
            (".env", "A=1\n"));

    [Test]
    public void Quiet_for_templates_certificates_public_keys_and_partial_copies()
    {
        RuleVerifier.ReportsNothing<SecretFilesInBuildContextRule>(
            ("Dockerfile", "FROM node:20-slim\nCOPY . /app\n"),
            (".env.example", "A=\n"),
            ("ca.pem", "-----BEGIN CERTIFICATE-----\n"),
            ("id_rsa.pub", "ssh-rsa AAA\n"),
            ("tests/fixtures/test.key", "k\n"));
        RuleVerifier.ReportsNothing<SecretFilesInBuildContextRule>(
            ("other/Dockerfile", "FROM node:20-slim\nCOPY src/ /app\n"),
            ("other/.env", "A=1\n"),
            ("other/src/a.js", "1\n"));
    }
}
