using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class DatastoreWithoutBackupRuleTests
{
    private const string Production = "services:\n  api:\n    image: example/api:1.0\n  [|db|]:\n    image: postgres:16.3-alpine\n  cache:\n    image: \"redis:7.2\"\n";

    [Test]
    public void Reports_once_at_the_first_datastore_naming_all()
    {
        var found = RuleVerifier.Reports<DatastoreWithoutBackupRule>(("docker-compose.production.yml", Production));
        Assert.That(found.Single().Message, Does.StartWith("nothing in the repository backs up the datastores 'db' and 'cache' in docker-compose.production.yml"));
    }

    [Test]
    public void Reports_a_fly_app_running_a_datastore_image() =>
        RuleVerifier.Reports<DatastoreWithoutBackupRule>(("db/fly.toml", "app = \"app-db\"\n[build]\n  image = [|\"flyio/postgres-flex:16\"|]\n"));

    [Test]
    public void Development_stacks_are_not_deployments() =>
        RuleVerifier.ReportsNothing<DatastoreWithoutBackupRule>(("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n"));

    [TestCase("scripts/backup_postgres.sh", "#!/bin/sh\necho start\n")]
    [TestCase(".github/workflows/nightly.yml", "on:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  dump:\n    steps:\n      - run: pg_dump \"$DATABASE_URL\" | gzip > db.sql.gz\n")]
    [TestCase("ops/cron.sh", "#!/bin/sh\nrestic backup /data\n")]
    [TestCase("docker-compose.backup.yml", "services:\n  b:\n    image: prodrigestivill/postgres-backup-local:16\n")]
    [TestCase("fly.toml", "app = \"db\"\n[[mounts]]\n  source = \"data\"\n  destination = \"/data\"\n  snapshot_retention = 14\n")]
    public void Quiet_with_backup_evidence(string path, string content) =>
        RuleVerifier.ReportsNothing<DatastoreWithoutBackupRule>(("docker-compose.production.yml", Production.Replace("[|", "").Replace("|]", "")), (path, content));

    [Test]
    public void A_commented_dump_is_not_a_backup() =>
        RuleVerifier.Reports<DatastoreWithoutBackupRule>(("docker-compose.production.yml", Production), ("scripts/ops.sh", "#!/bin/sh\n# pg_dump \"$DATABASE_URL\" > x\n"));
}
