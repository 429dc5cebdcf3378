using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

public class InconsistentVariableNameRuleTests
{
    [Test]
    public void Reports_the_minority_spelling_naming_the_others()
    {
        var found = RuleVerifier.Reports<InconsistentVariableNameRule>(
            (".env.example", "[|VAULT_URL|]=http://localhost:8200\n"),
            (".env.production.example", "VAULT_ADDR=https://vault.internal:8200\n"),
            ("scripts/set_secrets.sh", "#!/usr/bin/env bash\nREQUIRED_SECRETS=(\n  VAULT_ADDR\n)\n"));
        Assert.That(found.Single().Message, Is.EqualTo("'VAULT_URL' (in .env.example) names the same setting as 'VAULT_ADDR' (in .env.production.example, scripts/set_secrets.sh); use one name everywhere"));
    }

    [Test]
    public void Reads_application_code_and_fly_env() =>
        RuleVerifier.Reports<InconsistentVariableNameRule>(
            ("backend/api/main.py", "import os\nURL = os.getenv(\"OLLAMA_BASE_URL\", \"http://localhost:11434\")\n"),
            ("backend/fly.toml", "app = \"api\"\n[env]\n  OLLAMA_BASE_URL = \"http://ollama.internal:11434\"\n"),
            ("scripts/set_secrets.sh", "#!/bin/sh\nflyctl secrets set [|OLLAMA_URL|]=\"$OLLAMA_URL\"\n"));

    [Test]
    public void Reports_each_minority_spelling_of_a_group() =>
        RuleVerifier.Reports<InconsistentVariableNameRule>(
            ("a.env", "DATABASE_URL=x\n"),
            ("b.env", "DATABASE_URL=x\n"),
            ("c.env", "[|DB_URL|]=x\n"),
            ("d.env", "[|DATABASE_URI|]=x\n"));

    [Test]
    public void Quiet_when_one_scope_uses_both_spellings() =>
        RuleVerifier.ReportsNothing<InconsistentVariableNameRule>(
            ("app/db.py", "import os\nURL = os.getenv(\"DATABASE_URL\") or os.getenv(\"DB_URL\")\n"),
            (".env", "DATABASE_URL=x\n"));

    [Test]
    public void Quiet_on_different_settings_and_consistent_names() =>
        RuleVerifier.ReportsNothing<InconsistentVariableNameRule>(
            (".env.example", "OLLAMA_HOST=0.0.0.0\nDB_HOST=db\nREDIS_URL=redis://redis:6379\n"),
            (".env.production.example", "OLLAMA_URL=http://ollama.internal:11434\nDATABASE_URL=postgresql://app@db/app\nREDIS_URL=redis://r:6379\n"));

    [Test]
    public void Separate_top_level_projects_are_not_compared() =>
        RuleVerifier.ReportsNothing<InconsistentVariableNameRule>(
            ("gitea-postgres/compose.yaml", "services:\n  gitea:\n    image: gitea/gitea:1.22\n    environment:\n      DB_USER: gitea\n"),
            ("react-express-mysql/compose.yaml", "services:\n  backend:\n    image: example/backend:1\n    environment:\n      DATABASE_USER: root\n"));

    [Test]
    public void A_root_file_relates_to_every_folder() =>
        RuleVerifier.Reports<InconsistentVariableNameRule>(
            ("README.md", "# samples\n"),
            ("backend/settings.py", "import os\nUSER = os.environ[\"DATABASE_USER\"]\n"),
            ("deploy/app.env", "DATABASE_USER=app\n"),
            ("scripts/check.sh", "#!/bin/sh\nREQUIRED_VARS=([|DB_USER|])\n"),
            ("tools.env", "DATABASE_USER=x\n"));

    [TestCase("ENV DB_URL=${DATABASE_URL}")]
    [TestCase("ENV DB_URL=${DATABASE_URL:-postgres://db/app}")]
    [TestCase("ENV DB_URL=$DATABASE_URL")]
    [TestCase("ENV DB_URL=\"postgres\" OTHER=$DATABASE_URL")]
    public void Quiet_when_one_spelling_is_defined_from_the_other(string line) =>
        RuleVerifier.ReportsNothing<InconsistentVariableNameRule>(DockerfileBesideTwoEnvFiles(line));

    [TestCase("ENV [|DB_URL|]=$DATABASE_URLS")]
    [TestCase("ENV [|DB_URL|]=DATABASE_URL")]
    [TestCase("ENV [|DB_URL|]=x\nENV OTHER=${DATABASE_URL}")]
    public void Reports_a_line_that_names_the_other_spelling_without_reading_it(string line) =>
        RuleVerifier.Reports<InconsistentVariableNameRule>(DockerfileBesideTwoEnvFiles(line));

    /// <summary>A Dockerfile with <paramref name="line"/> (spelling DB_URL) beside two env files that spell it DATABASE_URL.</summary>
    private static (string Path, string Text)[] DockerfileBesideTwoEnvFiles(string line) =>
        [("Dockerfile", "FROM alpine:3.20\n" + line + "\n"), ("a.env", "DATABASE_URL=x\n"), ("b.env", "DATABASE_URL=x\n")];
}
