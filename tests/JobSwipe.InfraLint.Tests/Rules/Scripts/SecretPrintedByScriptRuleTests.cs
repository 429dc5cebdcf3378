using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class SecretPrintedByScriptRuleTests
{
    [Test]
    public void Echo_and_printf_of_a_secret_like_variable_are_reported()
    {
        var d = RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "echo \"token: [|$API_TOKEN|]\"\nprintf '%s\\n' [|${DB_PASSWORD}|]\n"));
        Assert.That(d[0].Message, Does.Contain("API_TOKEN"));
    }

    [Test]
    public void Piping_to_a_command_writing_to_a_file_lengths_masks_and_non_secrets_are_quiet()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", """
            echo "$REGISTRY_PASSWORD" | docker login -u me --password-stdin registry.example.com
            echo "SECRET_KEY=$SECRET_KEY" >> "$GITHUB_ENV"
            echo "token has ${#API_TOKEN} characters"
            echo "::add-mask::$API_TOKEN"
            echo "${DB_PASSWORD:+set}"
            echo "$APP_NAME $TOKEN_URL in $PWD"
            while read -r key value; do echo "error: $key is invalid"; done < .env
            x="$(echo "$API_TOKEN" | base64)"
            """));
    }

    [Test]
    public void A_secret_expanded_while_xtrace_is_on_is_reported()
    {
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "set -x\ncurl -H \"Authorization: Bearer [|$API_TOKEN|]\" https://x\nset +x\ncurl -H \"Authorization: Bearer $API_TOKEN\" https://x\n"));
    }

    [Test]
    public void A_literal_secret_is_reported_without_its_value()
    {
        var d = RuleVerifier.Reports<SecretPrintedByScriptRule>(("a.sh", "export DB_PASSWORD=[|\"s3cr3t-Value-99\"|]\nDATABASE_URL=[|postgres://app:hunter22@db/app|]\n"));
        Assert.That(d.Select(x => x.Message), Has.None.Contains("s3cr3t-Value-99").And.None.Contains("hunter22"));
    }

    [Test]
    public void References_placeholders_paths_and_empty_values_are_not_literal_secrets()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", "DB_PASSWORD=\"${DB_PASSWORD:-}\"\nAPI_TOKEN=\"<your-token>\"\nSECRET_KEY=\nPRIVATE_KEY=/run/secrets/key\nTOKEN=$(cat token.txt)\nSECRET_NAME=DB_PASSWORD\n"));
    }

    [Test]
    public void Expressions_in_a_workflow_are_values_from_elsewhere_not_literal_secrets()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>((".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          API_TOKEN='${{ secrets.API_TOKEN }}'\n          ssh-keyscan host >> ~/.ssh/known_hosts\n"));
    }

    [Test]
    public void A_variable_holding_the_path_of_a_credentials_file_is_not_a_secret()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("a.sh", "RELAY_CREDENTIALS_JSON=relay/credentials.json\necho \"$RELAY_CREDENTIALS_JSON already exists\"\nSIGNING_KEY=certs/release.pem\n"));
    }

    // Precision round 5 (a development-certificate script): the bare name of the key file it writes is not the key.
    [Test]
    public void A_variable_holding_the_bare_name_of_a_key_or_certificate_file_is_not_a_secret_but_a_key_like_word_is()
    {
        RuleVerifier.ReportsNothing<SecretPrintedByScriptRule>(("dev/make-certs.sh", "SERVER_KEY=server_dev.key\nSERVER_CERT=server_dev.crt\nSIGNING_KEY=Release.PFX\nopenssl req -x509 -keyout \"$SERVER_KEY\" -out \"$SERVER_CERT\"\n"));
        RuleVerifier.Reports<SecretPrintedByScriptRule>(("dev/make-certs.sh", "SERVER_KEY=[|k3y.of.mine|]\nAPI_KEY=[|server_dev.keys|]\n"));
    }
}
