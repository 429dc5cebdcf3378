using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class PipInstallKeepsCacheRuleTests
{
    [Test]
    public void Reports_pip_install_in_the_final_image_once_per_stage()
    {
        // One ENV PIP_NO_CACHE_DIR=1 fixes the stage: one finding, the other installs as its additional locations.
        var finding = RuleVerifier.Reports<PipInstallKeepsCacheRule>(("Dockerfile", "FROM python:3.12\nRUN pip [|install|] -r requirements.txt && python -m pip install gunicorn\nRUN pip3 install flask\n")).Single();
        Assert.That(finding.AdditionalLocations.Select(l => (l.Span.Start.Line, l.Span.Start.Column)), Is.EqualTo(new[] { (2, 54), (3, 10) }));
    }

    [Test]
    public void Quiet_with_no_cache_dir_env_cache_mount_or_in_build_stages()
    {
        RuleVerifier.ReportsNothing<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\nRUN pip3 install --no-cache-dir y\nRUN PIP_NO_CACHE_DIR=off pip install z\n"));
    }
}
