using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class DeployWithoutMigrationsRuleTests
{
    private const string Fly = "app = \"api\"\n[build]\n  dockerfile = \"Dockerfile\"\n";

    [Test]
    public void Deploy_of_a_config_whose_app_has_alembic_migrations_is_reported()
    {
        var d = RuleVerifier.Reports<DeployWithoutMigrationsRule>(
            ("scripts/deploy.sh", "#!/bin/bash\nCONFIG=\"backend/fly.toml\"\ncd \"$(dirname \"$0\")/..\"\n[|flyctl deploy|] --config \"$CONFIG\"\n"),
            ("backend/fly.toml", Fly),
            ("backend/alembic/versions/0001_initial.py", "revision = '0001'\n"));
        Assert.That(d[0].Message, Does.Contain("backend/fly.toml").And.Contain("alembic/versions/0001_initial.py"));
    }

    [Test]
    public void The_app_is_found_by_name_and_by_the_folder_the_script_enters()
    {
        RuleVerifier.Reports<DeployWithoutMigrationsRule>(
            ("deploy.sh", "[|fly deploy|] -a api\n"),
            ("svc/fly.toml", Fly),
            ("svc/prisma/migrations/20240101_init/migration.sql", "create table x();\n"));
        RuleVerifier.Reports<DeployWithoutMigrationsRule>(
            ("deploy.sh", "cd web\n[|fly deploy|]\n"),
            ("web/fly.toml", Fly),
            ("web/app/migrations/0001_initial.py", "x = 1\n"));
    }

    [Test]
    public void A_release_command_or_a_migration_step_in_the_script_is_enough()
    {
        RuleVerifier.ReportsNothing<DeployWithoutMigrationsRule>(
            ("deploy.sh", "fly deploy -c backend/fly.toml\n"),
            ("backend/fly.toml", Fly + "[deploy]\n  release_command = \"alembic upgrade head\"\n"),
            ("backend/alembic.ini", "[alembic]\n"));
        RuleVerifier.ReportsNothing<DeployWithoutMigrationsRule>(
            ("deploy.sh", "fly deploy -c backend/fly.toml\nfly ssh console -C \"python manage.py migrate\"\n"),
            ("backend/fly.toml", Fly),
            ("backend/alembic.ini", "[alembic]\n"));
        RuleVerifier.ReportsNothing<DeployWithoutMigrationsRule>(
            ("deploy.sh", "(cd backend && alembic upgrade head)\nfly deploy -c backend/fly.toml\n"),
            ("backend/fly.toml", Fly),
            ("backend/alembic.ini", "[alembic]\n"));
    }

    [Test]
    public void Migrations_of_another_app_do_not_count()
    {
        RuleVerifier.ReportsNothing<DeployWithoutMigrationsRule>(
            ("deploy.sh", "fly deploy -c web/fly.toml\n"),
            ("web/fly.toml", Fly),
            ("api/alembic.ini", "[alembic]\n"));
    }
}
