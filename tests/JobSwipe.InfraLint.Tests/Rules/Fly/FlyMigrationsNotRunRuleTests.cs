using JobSwipe.InfraLint.Rules.Fly;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Fly;

public sealed class FlyMigrationsNotRunRuleTests
{
    private static readonly (string, string) Dockerfile = ("api/Dockerfile", "FROM python:3.12\nCMD [\"uvicorn\", \"main:app\"]\n");
    private static readonly (string, string) Migration = ("api/alembic/versions/0001_init.py", "revision = '0001'\n");

    [Test]
    public void Alembic_without_a_release_command_is_reported()
    {
        var d = RuleVerifier.Reports<FlyMigrationsNotRunRule>(
            ("api/fly.toml", "app = \"api\"\n[[|deploy|]]\n  strategy = \"rolling\"\n"),
            Dockerfile,
            Migration);
        Assert.That(d[0].Message, Does.Contain("release_command = \"alembic upgrade head\""));
    }

    [Test]
    public void Rails_migrations_below_the_config_are_reported() =>
        RuleVerifier.Reports<FlyMigrationsNotRunRule>(
            ("fly.toml", "app = [|\"shop\"|]\n"),
            ("Dockerfile", "FROM ruby:3.3\nCMD [\"bin/rails\", \"server\"]\n"),
            ("db/migrate/20240101000000_create_users.rb", "class CreateUsers; end\n"));

    [Test]
    public void A_release_command_process_image_or_deploy_script_that_migrates_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyMigrationsNotRunRule>(
            ("a/fly.toml", "app = \"a\"\n[deploy]\n  release_command = \"alembic upgrade head\"\n"),
            ("a/Dockerfile", "FROM python:3.12\n"),
            ("a/alembic.ini", "[alembic]\n"),
            ("b/fly.toml", "app = \"b\"\n"),
            ("b/Dockerfile", "FROM python:3.12\nCMD [\"sh\", \"-c\", \"python manage.py migrate && gunicorn b.wsgi\"]\n"),
            ("b/shop/migrations/0001_initial.py", "x = 1\n"),
            ("c/fly.toml", "app = \"c\"\n"),
            ("c/Dockerfile", "FROM node:22\nENTRYPOINT [\"/app/start.sh\"]\n"),
            ("c/start.sh", "#!/bin/sh\nnpx prisma migrate deploy\nexec node server.js\n"),
            ("c/prisma/migrations/20240101_init/migration.sql", "CREATE TABLE t (id int);\n"));

    [Test]
    public void A_deploy_script_that_migrates_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyMigrationsNotRunRule>(
            ("api/fly.toml", "app = \"api\"\n"),
            Dockerfile,
            Migration,
            ("scripts/deploy.sh", "#!/bin/sh\nset -e\nfly deploy --config api/fly.toml\nfly ssh console --app api -C \"alembic upgrade head\"\n"));

    [Test]
    public void An_app_without_migrations_is_quiet() =>
        RuleVerifier.ReportsNothing<FlyMigrationsNotRunRule>(("api/fly.toml", "app = \"api\"\n"), Dockerfile);
}
