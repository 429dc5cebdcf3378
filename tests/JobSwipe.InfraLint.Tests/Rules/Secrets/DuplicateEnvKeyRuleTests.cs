using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class DuplicateEnvKeyRuleTests
{
    [Test]
    public void Reports_the_second_definition_naming_the_first_line()
    {
        var found = RuleVerifier.Reports<DuplicateEnvKeyRule>((".env", "A=1\nVAULT_URL=http://vault:8200\nB=2\n[|VAULT_URL|]=http://vault:8201\n"));
        Assert.That(found.Single().Message, Does.Contain("'VAULT_URL'").And.Contain("first on line 2"));
    }

    [Test]
    public void Reports_each_later_definition() =>
        RuleVerifier.Reports<DuplicateEnvKeyRule>(("config/app.env", "X=1\n[|X|]=2\nexport [|X|]=3\n"));

    [Test]
    public void Quiet_on_distinct_keys_and_case_variants() =>
        RuleVerifier.ReportsNothing<DuplicateEnvKeyRule>(
            (".env", "VAULT_URL=a\nvault_url=b\nVAULT_ADDR=c\n# VAULT_URL=old\n"),
            (".env.production", "VAULT_URL=a\n"));
}
