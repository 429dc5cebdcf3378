using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class BackupWithoutRestoreRuleTests
{
    private const string Backup = "#!/usr/bin/env bash\nset -euo pipefail\npg_dump \"$DATABASE_URL\" | gzip > \"backup-$(date +%F).sql.gz\"\n";

    [Test]
    public void Reports_at_the_backup_script_when_nothing_describes_restoring()
    {
        var found = RuleVerifier.Reports<BackupWithoutRestoreRule>(("scripts/backup_postgres.sh", "[*]#!/usr/bin/env bash\nset -euo pipefail\npg_dump \"$DATABASE_URL\" | gzip > \"backup-$(date +%F).sql.gz\"\n"), ("README.md", "# App\n\n## Backups\nNightly.\n"));
        Assert.That(found.Single().Message, Does.Contain("scripts/backup_postgres.sh"));
    }

    [TestCase("docs/runbooks/disaster-recovery.md", "# DR\n")]
    [TestCase("docs/ops.md", "# Operations\n\n## Restoring the database\n1. …\n")]
    [TestCase("scripts/restore_postgres.sh", "#!/bin/sh\necho restoring\n")]
    [TestCase("scripts/verify.sh", "#!/bin/sh\npg_restore --list latest.dump\n")]
    public void Quiet_with_a_restore_procedure(string path, string content) =>
        RuleVerifier.ReportsNothing<BackupWithoutRestoreRule>(("scripts/backup_postgres.sh", Backup), (path, content));

    [Test]
    public void Quiet_without_backups() =>
        RuleVerifier.ReportsNothing<BackupWithoutRestoreRule>(("scripts/deploy.sh", "#!/bin/sh\nflyctl deploy\n"));
}
