using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class VaultAuditNotEnabledRuleTests
{
    private const string Compose = "services:\n  [|vault|]:\n    image: hashicorp/vault:1.17.1\n    command: server\n";

    [Test]
    public void Reports_the_vault_service_image()
    {
        var found = RuleVerifier.Reports<VaultAuditNotEnabledRule>(("docker-compose.yml", Compose), ("docker-compose.production.yml", "services:\n  vault:\n    image: vault:1.13\n"));
        Assert.That(found.Single().Message, Does.Contain("service 'vault' of docker-compose.yml runs the Vault image"));
    }

    [Test]
    public void Reports_the_first_vault_address_when_no_service_runs_vault() =>
        RuleVerifier.Reports<VaultAuditNotEnabledRule>(
            (".env.production.example", "[|VAULT_ADDR|]=https://vault.internal:8200\n"),
            ("scripts/set_secrets.sh", "#!/bin/sh\nREQUIRED=(VAULT_ADDR)\n"));

    [TestCase("vault/init.sh", "#!/bin/sh\nset -e\nvault audit enable file file_path=/vault/logs/audit.log\n")]
    [TestCase("vault/config/vault.hcl", "storage \"raft\" {\n  path = \"/vault/data\"\n}\naudit \"file\" {\n  options = { file_path = \"/vault/logs/audit.log\" }\n}\n")]
    [TestCase("infra/vault.tf", "resource \"vault_audit\" \"file\" {\n  type = \"file\"\n}\n")]
    [TestCase("vault.hcl", "audit \"file\" \"main\" {\n}\n")]
    [TestCase("vault.hcl", "ui = true\n\n\n  \t audit {\n}\n")]
    [TestCase(".github/workflows/vault.yml", "jobs:\n  setup:\n    steps:\n      - run: vault audit enable syslog\n")]
    public void Quiet_when_audit_logging_is_enabled(string path, string content) =>
        RuleVerifier.ReportsNothing<VaultAuditNotEnabledRule>(("docker-compose.yml", Compose.Replace("[|", "").Replace("|]", "")), (path, content));

    [Test]
    public void Quiet_when_the_audit_command_is_only_a_comment_and_vault_is_not_used() =>
        RuleVerifier.ReportsNothing<VaultAuditNotEnabledRule>(("docker-compose.yml", "services:\n  app:\n    image: nginx:1.27\n    # image: hashicorp/vault\n"));

    [Test]
    public void A_commented_audit_command_is_not_evidence() =>
        RuleVerifier.Reports<VaultAuditNotEnabledRule>(("docker-compose.yml", Compose), ("vault/init.sh", "#!/bin/sh\n# TODO: vault audit enable file\n"));

    // An audit stanza starts a line (white space before it); after blank lines too, and a long run of them is read once.
    [Test]
    public void An_audit_word_inside_a_line_is_no_audit_stanza() =>
        RuleVerifier.Reports<VaultAuditNotEnabledRule>(("docker-compose.yml", Compose), ("vault.hcl", "ui = true" + string.Concat(Enumerable.Repeat("\n \t", 100_000)) + "\nlog_audit {\n}\n"));
}
