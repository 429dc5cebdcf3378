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
}
