using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class UnvalidatedSecretsImportRuleTests
{
    private const string Env = "DATABASE_URL=postgres://db/app\nSECRET_KEY=<your-secret-key>\nVAULT_TOKEN=${VAULT_TOKEN}\n";

    [Test]
    public void An_import_without_validation_is_reported_without_the_values()
    {
        var d = RuleVerifier.Reports<UnvalidatedSecretsImportRule>(
            ("scripts/secrets.sh", "#!/bin/bash\nENV_FILE=\".env.production\"\ncd \"$(dirname \"$0\")/..\"\nflyctl secrets import --app api < [|\"$ENV_FILE\"|]\n"),
            (".env.production", Env));
        Assert.That(d[0].Message, Does.Contain("an <angle-bracket> placeholder for SECRET_KEY on line 2, and 1 more").And.Not.Contain("your-secret-key"));
    }

    [Test]
    public void Cat_substitutions_are_followed()
    {
        RuleVerifier.Reports<UnvalidatedSecretsImportRule>(
            ("deploy.sh", "fly secrets set [|$(cat .env.prod)|]\n"),
            (".env.prod", "API_KEY=changeme\n"));
    }

    [Test]
    public void Validation_that_rejects_every_placeholder_form_silences_it()
    {
        RuleVerifier.ReportsNothing<UnvalidatedSecretsImportRule>(
            ("deploy.sh", """
                while IFS='=' read -r key value; do
                  case "$value" in
                    changeme|"") echo "bad $key"; exit 1 ;;
                    *'<'*'>'*|*'${'*) echo "placeholder in $key"; exit 1 ;;
                  esac
                done < .env.production
                flyctl secrets import < .env.production
                """),
            (".env.production", Env));
        RuleVerifier.ReportsNothing<UnvalidatedSecretsImportRule>(
            ("deploy.sh", "if grep -E '<[^>]+>|\\$\\{' .env.production; then exit 1; fi\nflyctl secrets import < .env.production\n"),
            (".env.production", Env));
    }

    [Test]
    public void Validation_that_misses_a_form_or_comes_after_the_import_does_not_count()
    {
        RuleVerifier.Reports<UnvalidatedSecretsImportRule>(
            ("deploy.sh", "while read -r line; do case \"$line\" in *changeme*) exit 1 ;; esac; done < .env.production\nflyctl secrets import < [|.env.production|]\n"),
            (".env.production", Env));
        RuleVerifier.Reports<UnvalidatedSecretsImportRule>(
            ("deploy.sh", "flyctl secrets import < [|.env.production|]\ngrep -E '<|\\$\\{' .env.production && exit 1\n"),
            (".env.production", Env));
    }

    [Test]
    public void Files_without_placeholders_or_not_in_the_repository_are_quiet()
    {
        RuleVerifier.ReportsNothing<UnvalidatedSecretsImportRule>(
            ("deploy.sh", "flyctl secrets import < .env.production\nflyctl secrets import < .env.missing\n"),
            (".env.production", "DATABASE_URL=postgres://db/app\nLOG_LEVEL=info\n"));
    }
}
