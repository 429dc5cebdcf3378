using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class SingleStageBuildWithToolchainRuleTests
{
    [Test]
    public void Reports_a_single_stage_with_compilers()
    {
        var d = RuleVerifier.Reports<SingleStageBuildWithToolchainRule>(("Dockerfile", "[|FROM|] python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n"));
        Assert.That(d[0].Message, Does.Contain("gcc, libpq-dev"));
    }

    [Test]
    public void Quiet_for_multi_stage_builds_removed_build_deps_and_runtime_libraries()
    {
        RuleVerifier.ReportsNothing<SingleStageBuildWithToolchainRule>(("Dockerfile", "FROM python:3.12 AS build\nRUN apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n"));
        RuleVerifier.ReportsNothing<SingleStageBuildWithToolchainRule>(("Dockerfile", "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps\nRUN apt-get install -y libpq5 $buildDeps\n"));
    }
}
