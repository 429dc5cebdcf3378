using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class RequiredVariableNotProvidedRuleTests
{
    [Test]
    public void Reports_required_names_that_nothing_provides()
    {
        var found = RuleVerifier.Reports<RequiredVariableNotProvidedRule>(
            ("scripts/set_secrets.sh", "#!/usr/bin/env bash\nREQUIRED_SECRETS=(\n  DATABASE_URL\n  [|SENTRY_DSN|]\n)\n: \"${[|SMTP_PASSWORD|]:?set SMTP_PASSWORD}\"\n: \"${SMTP_PASSWORD:?again}\"\n"),
            (".env.production.example", "DATABASE_URL=<url>\n"));
        Assert.That(found[0].Message, Does.StartWith("'SENTRY_DSN' is required here but no env file"));
    }

    [Test]
    public void Provided_by_fly_env_secrets_scripts_dockerfiles_ci_and_the_script_itself() =>
        RuleVerifier.ReportsNothing<RequiredVariableNotProvidedRule>(
            ("scripts/deploy.sh", "#!/usr/bin/env bash\nAPP=web\nREQUIRED_VARS=(LOG_LEVEL SECRET_KEY PORT BACKUP_BUCKET APP)\n: \"${FLY_API_TOKEN:?}\" \"${HOME:?}\"\n"),
            ("fly.toml", "app = \"web\"\n[env]\n  LOG_LEVEL = \"info\"\n"),
            ("scripts/set_secrets.sh", "#!/bin/sh\nflyctl secrets set SECRET_KEY=\"$(openssl rand -hex 32)\"\n"),
            ("Dockerfile", "FROM python:3.12-slim\nENV PORT=8080\n"),
            (".github/workflows/backup.yml", "jobs:\n  b:\n    steps:\n      - run: scripts/deploy.sh\n        env:\n          BACKUP_BUCKET: s3://backups\n"));

    // Sweep 5: Bats sets BATS_* for the helpers a test loads; a variable the helper needs from its callers is still reported.
    [Test]
    public void Variables_the_bats_runner_sets_are_provided() =>
        RuleVerifier.Reports<RequiredVariableNotProvidedRule>(
            ("test/helper/setup.bash", "#!/usr/bin/env bash\nTEST_TMP=\"${BATS_TMPDIR:?}/$(basename \"${BATS_TEST_FILENAME:?}\")\"\ndocker start \"${[|MAIL_CONTAINER|]:?must be set}\"\n"));

    [Test]
    public void Production_compose_interpolations_without_default()
    {
        Assume.That(ParserRegistry.CanParse(FileKind.Compose), "compose files are parsed");
        RuleVerifier.Reports<RequiredVariableNotProvidedRule>(
            ("docker-compose.production.yml", "services:\n  api:\n    image: example/api:1\n    environment:\n      SECRET_KEY: ${[|SECRET_KEY|]}\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n      DATABASE_URL: ${DATABASE_URL}\n"),
            ("docker-compose.yml", "services:\n  api:\n    environment:\n      TOKEN: ${DEV_ONLY_TOKEN}\n"),
            (".env.production.example", "DATABASE_URL=<url>\n"));
    }

    [Test]
    public void Lists_that_are_not_requirement_lists_are_ignored() =>
        RuleVerifier.ReportsNothing<RequiredVariableNotProvidedRule>(("scripts/x.sh", "#!/bin/bash\nSERVICES=(API WORKER)\nPORTS=(A B)\n"));

    [Test]
    public void A_variable_required_by_several_files_is_one_finding()
    {
        var finding = RuleVerifier.Reports<RequiredVariableNotProvidedRule>(
            ("scripts/deploy.sh", "#!/bin/sh\n: \"${[|MAIL_TOKEN|]:?}\"\n"),
            ("scripts/notify.sh", "#!/bin/sh\n: \"${MAIL_TOKEN:?}\"\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Path, Is.EqualTo("scripts/notify.sh"));
    }
}
