using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class AptInstallWithoutCleanupRuleTests
{
    [Test]
    public void Reports_missing_no_install_recommends_and_lists_left_behind() =>
        RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile", "FROM debian:12\nRUN apt-get [|update|] && apt-get [|install|] -y curl\n"));

    [Test]
    public void Quiet_for_the_clean_pattern_cache_mounts_and_build_stages() =>
        RuleVerifier.ReportsNothing<AptInstallWithoutCleanupRule>(("Dockerfile",
            "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends jq\n"));

    // Issue 14 bug b in every form a RUN takes: wrapper words (sudo, env, nice…) are seen through by the one command model.
    [Test]
    public void Reports_installs_behind_wrapper_words_in_shell_form() =>
        RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile", "FROM debian:12\nRUN sudo apt-get [|update|] && sudo -E apt-get [|install|] -y curl\n"));

    [Test]
    public void Reports_installs_behind_wrapper_words_in_exec_form() =>
        RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile",
            "FROM debian:12\nRUN [\"sudo\", \"apt-get\", [|\"install\"|], \"-y\", \"curl\"]\nRUN [\"/bin/sh\", \"-c\", [|\"env DEBIAN_FRONTEND=noninteractive sudo apt-get install -y git\"|]]\n"));

    [Test]
    public void Reports_installs_behind_wrapper_words_in_a_heredoc() =>
        RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile", "FROM debian:12\nRUN <<EOF\nsudo apt-get [|update|]\nnice -n 5 sudo apt-get [|install|] -y curl\nEOF\n"));

    [Test]
    public void Quiet_for_wrapped_installs_that_clean_up() =>
        RuleVerifier.ReportsNothing<AptInstallWithoutCleanupRule>(("Dockerfile",
            "FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl && sudo rm -rf /var/lib/apt/lists/*\nRUN [\"sudo\", \"apt-get\", \"purge\", \"-y\", \"curl\"]\n"));

    [Test]
    public void Exec_form_installs_get_no_fix_that_would_break_the_json()
    {
        var found = RuleVerifier.Reports<AptInstallWithoutCleanupRule>(("Dockerfile", "FROM debian:12\nRUN [\"sudo\", \"apt-get\", [|\"install\"|], \"-y\", \"curl\"]\n"));
        Assert.That(found.Single().Fix, Is.Null);
    }
}
