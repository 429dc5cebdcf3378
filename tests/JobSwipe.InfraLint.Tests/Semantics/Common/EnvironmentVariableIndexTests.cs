using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class EnvironmentVariableIndexTests
{
    [Test]
    public void Indexes_definitions_and_reads_across_file_kinds()
    {
        using var repo = new TempRepository();
        repo.Write(".env.production.example", "SECRET_KEY=<x>\nDATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app\n");
        repo.Write("fly.toml", "app = \"a\"\n[env]\n  LOG_LEVEL = \"info\"\n");
        repo.Write("Dockerfile", "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PORT=8080\n");
        repo.Write("scripts/set_secrets.sh", "#!/usr/bin/env bash\nREQUIRED_SECRETS=(SECRET_KEY SMTP_PASSWORD)\n: \"${FLY_API_TOKEN:?set it}\"\nflyctl secrets set SENTRY_DSN=\"$SENTRY_DSN\" --app a\nOTHER=(a b)\n");
        repo.Write("app/main.py", "import os\nX = os.environ[\"REDIS_URL\"]\n");

        var discovery = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());
        var repository = new Repository(repo.Root, discovery.Files);
        var index = EnvironmentVariableIndex.For(repository);
        var summary = index.Occurrences.Select(o => $"{o.Name}:{o.Source}:{(o.IsRequired ? "required" : "-")}").ToList();

        Assert.That(summary, Is.SupersetOf(new[]
        {
            "SECRET_KEY:EnvFile:-", "DATABASE_URL:EnvFile:-", "DB_PASSWORD:Interpolation:-",
            "LOG_LEVEL:FlyEnv:-", "PYTHONUNBUFFERED:DockerfileEnv:-", "PORT:DockerfileEnv:-",
            "SECRET_KEY:ScriptRequiredList:required", "SMTP_PASSWORD:ScriptRequiredList:required", "FLY_API_TOKEN:ScriptCheck:required",
            "SENTRY_DSN:FlySecret:-", "REDIS_URL:AppCode:required",
        }));
        Assert.That(summary, Has.None.StartsWith("a:").And.None.StartsWith("OTHER:"));
        Assert.That(index.ByName["FLY_API_TOKEN"][0].Line, Is.EqualTo(3));
        Assert.That(EnvironmentVariableIndex.For(repository), Is.SameAs(index), "built once per repository");
    }

    // CI env keys: indented, after a list dash or not; a line of thousands of blanks (once read quadratically) holds none.
    [Test]
    public void Reads_the_env_keys_of_ci_files()
    {
        using var repo = new TempRepository();
        repo.Write(".github/workflows/ci.yml", "on: push\nenv:\n  APP_ENV: ci\njobs:\n  t:\n    steps:\n      - run: make\n        env:\n          - API_TOKEN=x\n" + new string(' ', 50_000) + "\n\t-\tTAB_KEY: 1\nTOP_LEVEL: no\n  lower_key: no\n");
        var discovery = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());
        var index = EnvironmentVariableIndex.For(new Repository(repo.Root, discovery.Files));
        Assert.That(index.CiProvided, Is.EquivalentTo(new[] { "APP_ENV", "API_TOKEN", "TAB_KEY" }));
    }
}
