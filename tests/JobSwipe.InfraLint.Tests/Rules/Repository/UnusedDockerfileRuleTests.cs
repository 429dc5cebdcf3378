using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class UnusedDockerfileRuleTests
{
    [Test]
    public void Reports_the_dockerfile_nothing_uses()
    {
        var found = RuleVerifier.Reports<UnusedDockerfileRule>(
            ("Dockerfile", "[*]FROM python:3.12\n"),
            ("backend/Dockerfile", "FROM python:3.12-slim\n"),
            ("backend/fly.toml", "app = \"api\"\n[build]\n  dockerfile = \"Dockerfile\"\n"));
        Assert.That(found.Single().Message, Does.StartWith("Dockerfile is used by no Fly config").And.Contain("has 2 Dockerfiles"));
    }

    [Test]
    public void A_fly_config_without_build_uses_the_dockerfile_next_to_it() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"), ("fly.toml", "app = \"web\"\n"),
            ("worker/Dockerfile", "FROM python:3.12\n"), ("worker/fly.toml", "app = \"worker\"\n"));

    [Test]
    public void Compose_builds_count() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"), ("fly.toml", "app = \"web\"\n"),
            ("backend/Dockerfile.dev", "FROM python:3.12\n"),
            ("docker-compose.yml", "services:\n  api:\n    build:\n      context: ./backend\n      dockerfile: Dockerfile.dev\n"));

    [TestCase(".github/workflows/ci.yml", "jobs:\n  b:\n    steps:\n      - run: docker build -t api:ci -f docker/api.Dockerfile .\n")]
    [TestCase(".github/workflows/ci.yml", "jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: ./docker\n          file: docker/api.Dockerfile\n")]
    [TestCase("scripts/build.sh", "#!/bin/sh\ncd \"$(dirname \"$0\")/..\"\ndocker build --tag api -f docker/api.Dockerfile .\n")]
    public void Ci_and_script_references_count(string path, string content) =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"), ("fly.toml", "app = \"web\"\n"),
            ("docker/api.Dockerfile", "FROM python:3.12\n"), (path, content));

    [Test]
    public void Docker_build_of_a_folder_uses_its_dockerfile() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"), ("fly.toml", "app = \"web\"\n"),
            ("worker/Dockerfile", "FROM python:3.12\n"), ("Makefile", "x"), ("scripts/build.sh", "#!/bin/sh\ndocker build -t worker ./worker\n"));

    [Test]
    public void A_single_dockerfile_and_test_fixtures_are_left_alone() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"),
            ("tests/fixtures/app/Dockerfile", "FROM alpine:3.20\n"),
            ("examples/Dockerfile", "FROM alpine:3.20\n"));

    [Test]
    public void A_readme_next_to_the_dockerfile_documents_its_use() =>
        RuleVerifier.ReportsNothing<UnusedDockerfileRule>(
            ("Dockerfile", "FROM python:3.12\n"), ("fly.toml", "app = \"web\"\n"),
            ("workstation/preinstall/Dockerfile", "FROM ubuntu:24.04\n"),
            ("workstation/README.md", "# Workstations\nBuild the image from the adjacent Dockerfiles with docker build.\n"));
}
