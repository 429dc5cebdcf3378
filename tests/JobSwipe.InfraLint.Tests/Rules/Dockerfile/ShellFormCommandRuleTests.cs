using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class ShellFormCommandRuleTests
{
    [Test]
    public void Reports_shell_form_cmd_and_entrypoint() =>
        RuleVerifier.Reports<ShellFormCommandRule>(("Dockerfile", "FROM python:3.12\n[|CMD|] uvicorn app:app --host 0.0.0.0\n[|ENTRYPOINT|] /entrypoint.sh\n"));

    [Test]
    public void Quiet_for_exec_form_exec_prefix_and_windows_shells()
    {
        RuleVerifier.ReportsNothing<ShellFormCommandRule>(("Dockerfile", "FROM python:3.12\nCMD [\"uvicorn\", \"app:app\"]\nENTRYPOINT exec gunicorn app:app\n"));
        RuleVerifier.ReportsNothing<ShellFormCommandRule>(("Dockerfile", "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD Start-Service w3svc\n"));
    }

    [Test]
    public void Healthcheck_in_shell_form_is_not_reported() =>
        RuleVerifier.ReportsNothing<ShellFormCommandRule>(("Dockerfile", "FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"));

    [Test]
    public void Exec_form_over_continuation_lines_is_not_reported() =>
        RuleVerifier.ReportsNothing<ShellFormCommandRule>(("Dockerfile", "FROM node:22\nCMD [ \"/bin/sh\", \"-c\", \\\n      \"node migrate.js && \\\n       node server.js\" \\\n    ]\n"));
}
