using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI7006 counts the Dockerfiles that docker-bake.hcl, .gitpod.yml and dev containers build.</summary>
public class UnusedDockerfilePrecisionTests
{
    [Test]
    public void Dockerfiles_named_by_bake_gitpod_and_devcontainer_are_used() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("image/base/Dockerfile", "FROM debian:12-slim\n"),
            ("image/web/Dockerfile.release", "FROM debian:12-slim\n"),
            ("image/docker-bake.hcl", "target \"base\" {\n  context = \"./base\"\n}\ntarget \"web\" {\n  context = \"./web\"\n  dockerfile = \"Dockerfile.release\"\n}\n"),
            (".gitpod.Dockerfile", "FROM gitpod/workspace-full\n"),
            (".gitpod.yml", "image:\n  file: .gitpod.Dockerfile\n"),
            (".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/base:debian\n"),
            (".devcontainer/devcontainer.json", "{ \"build\": { \"dockerfile\": \"Dockerfile\" } }\n"));

    [Test]
    public void A_dockerfile_nothing_builds_is_still_reported() =>
        RuleVerifier.Reports<UnusedDockerfileRule>(
            ("image/base/Dockerfile", "FROM debian:12-slim\n"),
            ("old/Dockerfile", Markup.WholeFile + "FROM debian:12-slim\n"),
            ("image/docker-bake.hcl", "target \"base\" {\n  context = \"./base\"\n}\n"));
}
