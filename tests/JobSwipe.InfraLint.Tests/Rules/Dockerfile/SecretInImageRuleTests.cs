using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class SecretInImageRuleTests
{
    [Test]
    public void Reports_secret_env_and_arg_at_the_name_without_the_value()
    {
        var d = RuleVerifier.Reports<SecretInImageRule>(("Dockerfile", "ARG [|NPM_TOKEN|]=npm_abcdefghijklmnop\nFROM node:20\nARG NPM_TOKEN\nENV [|DB_PASSWORD|]=s3cr3t-value APP_NAME=web\nENV [|SECRET_KEY|] hunter2-xyz\n"));
        Assert.That(d.Select(x => x.Message), Has.None.Contains("npm_abcdefghijklmnop").And.None.Contains("s3cr3t-value").And.None.Contains("hunter2-xyz"));
        Assert.That(d[1].Message, Does.Contain("'DB_PASSWORD'").Or.Contain("'NPM_TOKEN'"));
    }

    [Test]
    public void Quiet_for_references_empty_values_flags_and_non_secret_names() =>
        RuleVerifier.ReportsNothing<SecretInImageRule>(("Dockerfile",
            "FROM node:20\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\nENV DB_PASSWORD=\nENV DB_PASSWORD_FILE=/run/secrets/db\nENV DISABLE_TOKEN_AUTH=true\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV API_KEY=<your-key>\nENV SECRET_KEY_BASE=nokey\n"));

    // Sweep 5: a credentials variable that names the file the credentials are mounted at holds no secret.
    [Test]
    public void Quiet_for_a_path_to_a_credentials_file_and_still_reports_the_credentials_themselves()
    {
        RuleVerifier.ReportsNothing<SecretInImageRule>(("Dockerfile",
            "FROM debian:12\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/gateway/config/key.json\nENV SSL_PRIVATE_KEY=./certs/server.key\nENV VAULT_TOKEN=~/.vault/token\n"));
        RuleVerifier.Reports<SecretInImageRule>(("Dockerfile",
            "FROM debian:12\nENV [|GOOGLE_APPLICATION_CREDENTIALS|]=eyJ0eXBlIjoic2VydmljZV9hY2NvdW50In0\nENV [|API_TOKEN|]=/Xk9Pq2/Rt7Lm4Zw8Vb\n"));
    }

    [Test]
    public void Names_a_known_default() =>
        Assert.That(RuleVerifier.Reports<SecretInImageRule>(("Dockerfile", "FROM postgres:16\nENV [|POSTGRES_PASSWORD|]=postgres\n"))[0].Message, Does.Contain("well-known default"));

    [Test]
    public void Onbuild_env_is_checked() =>
        RuleVerifier.Reports<SecretInImageRule>(("Dockerfile", "FROM node:20\nONBUILD ENV [|API_TOKEN|]=abcdef123456\n"));
}
