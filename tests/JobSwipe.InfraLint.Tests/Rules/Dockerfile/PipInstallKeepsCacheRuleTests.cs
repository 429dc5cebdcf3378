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

    [Test]
    public void Reports_every_pip_spelling_and_onbuild_triggers()
    {
        // One finding for the stage, every install among its places.
        var finding = RuleVerifier.Reports<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12\nRUN pip2 [|install|] six\nRUN pip3.12 install attrs\nRUN python3 -m pip3 install idna\nONBUILD RUN pip install -r requirements.txt\nRUN sudo -H pip install certifi\n")).Single();
        Assert.That(finding.AdditionalLocations.Select(l => l.Span.Start.Line), Is.EqualTo(new[] { 3, 4, 5, 6 }));
    }

    [Test]
    public void Any_boolean_pip_no_cache_dir_disables_the_cache() =>
        RuleVerifier.ReportsNothing<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=0 pip install a\nRUN export PIP_NO_CACHE_DIR=false && pip install b\nRUN env PIP_NO_CACHE_DIR=yes pip install c\nFROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install d\n"));

    [Test]
    public void Only_mounts_on_pips_cache_folder_count()
    {
        var finding = RuleVerifier.Reports<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apt pip [|install|] a\nRUN --mount=type=bind,source=.,target=/root/.cache/pip pip install b\nRUN PIP_NO_CACHE_DIR= pip install c\n")).Single();
        Assert.That(finding.AdditionalLocations.Select(l => l.Span.Start.Line), Is.EqualTo(new[] { 3, 4 }));
        RuleVerifier.ReportsNothing<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install a\nRUN --mount=type=tmpfs,target=/root/.cache pip install b\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install c\n"));
    }

    [Test]
    public void Other_installers_follow_their_own_rules() =>
        RuleVerifier.ReportsNothing<PipInstallKeepsCacheRule>(("Dockerfile",
            "FROM python:3.12\nRUN pipx install ruff\nRUN pipenv install --system\nRUN poetry install\nRUN uv pip install --system httpx\nRUN pip download -d /wheels x\n"));
}
