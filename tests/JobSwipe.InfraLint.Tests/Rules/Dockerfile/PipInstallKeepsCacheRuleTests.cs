using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class PipInstallKeepsCacheRuleTests
{
    [Test]
    public void Reports_pip_install_in_the_final_image() =>
        RuleVerifier.Reports<PipInstallKeepsCacheRule>(("Dockerfile", "FROM python:3.12\nRUN pip [|install|] -r requirements.txt && python -m pip [|install|] gunicorn\n"));

    [Test]
    public void Quiet_with_no_cache_dir_env_cache_mount_or_in_build_stages()
    {
        RuleVerifier.ReportsNothing<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\nRUN pip3 install --no-cache-dir y\nRUN PIP_NO_CACHE_DIR=off pip install z\n"));
    }
}
