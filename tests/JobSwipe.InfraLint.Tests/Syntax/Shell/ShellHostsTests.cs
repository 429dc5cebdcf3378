using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Rules.Entrypoints;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

/// <summary>
/// The two embedded-shell facts every host shares: wrapper words (sudo, env, nice, …) are seen through the same way, and
/// findings quote the text as written, never the stand-in for host syntax such as <c>${{ … }}</c>. Each host also has
/// these cases in its rules' test files (AptInstallWithoutCleanupRuleTests, ScriptRunsRemoteCodeRuleTests,
/// EntrypointTargetMissingRuleTests, ProcfileWebPortNotBoundRuleTests); these are the ones across rules.
/// </summary>
public class ShellHostsTests
{
    [Test]
    public void Dockerfile_run_sees_through_sudo_and_env()
    {
        RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile", "FROM debian:12\nRUN sh -c 'env DEBIAN_FRONTEND=noninteractive apt-get [|install|] -y git'\n"));
        RuleVerifier.Reports<PipInstallKeepsCacheRule>(("Dockerfile", "FROM python:3.12\nRUN nice -n 5 env PIP_INDEX_URL=https://mirror.test pip [|install|] flask\n"));
    }

    [Test]
    public void Dockerfile_run_remote_script_behind_wrappers()
    {
        var found = RuleVerifier.Reports<RemoteScriptPipedToShellRule>(("Dockerfile", "FROM debian:12\nARG HOST=get.example.test\nRUN timeout 60 curl -fsSL https://${HOST}/i.sh | sudo -E [|bash|]\n"));
        Assert.That(found[0].Message, Does.StartWith("curl downloads a script and pipes it into bash"));
    }

    [Test]
    public void Procfile_and_compose_commands_see_through_wrappers()
    {
        RuleVerifier.Reports<ProcfileWebPortNotBoundRule>(("Procfile", "web: nohup env APP_ENV=prod uvicorn main:app --port [|8000|]\n"));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("Procfile", "web: sudo -u app nice -n 5 uvicorn [|missing:app|] --port $PORT\n"),
            ("main.py", "app = object()\n"));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("compose.yaml", "services:\n  api:\n    build: api\n    command: env APP_ENV=prod timeout 3600 python [|server.py|]\n"),
            ("api/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"main.py\"]\n"),
            ("api/main.py", "print(1)\n"));
    }

    [Test]
    public void Fly_processes_and_dockerfile_cmd_see_through_wrappers()
    {
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("backend/fly.toml", "app = \"x\"\n[build]\n  dockerfile = \"Dockerfile\"\n[processes]\n  web = \"env APP_ENV=prod nice -n 5 uvicorn [|main:app|] --port 8080\"\n"),
            ("backend/Dockerfile", "FROM python:3.12\nWORKDIR /app\nCOPY . .\n"),
            ("backend/api/main.py", "app = object()\n"));
        RuleVerifier.Reports<EntrypointTargetMissingRule>(
            ("svc/Dockerfile", "FROM python:3.12\nWORKDIR /srv\nCOPY . .\nCMD [\"timeout\", \"3600\", \"uvicorn\", [|\"app:api\"|]]\n"),
            ("svc/app.py", "application = object()\n"));
    }
}
