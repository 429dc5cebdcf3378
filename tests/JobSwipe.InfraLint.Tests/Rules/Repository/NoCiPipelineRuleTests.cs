using JobSwipe.InfraLint.Rules.RepositoryRules;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.RepositoryRules;

public class NoCiPipelineRuleTests
{
    [Test]
    public void Reports_on_the_repository_as_a_whole()
    {
        var found = RuleVerifier.Reports<NoCiPipelineRule>(("Dockerfile", "FROM python:3.12-slim\n"), ("", Markup.WholeFile), ("fly.toml", "app = \"x\"\n"), ("README.md", "# x\n"));
        Assert.That(found.Single().Message, Does.Contain("1 Dockerfile, 1 Fly config"));
    }

    [TestCase(".github/workflows/ci.yml")]
    [TestCase(".gitlab-ci.yml")]
    [TestCase("azure-pipelines.yml")]
    [TestCase(".circleci/config.yml")]
    [TestCase("Jenkinsfile")]
    [TestCase("bitbucket-pipelines.yml")]
    [TestCase(".buildkite/pipeline.yml")]
    [TestCase(".travis.yml")]
    public void Quiet_with_any_ci_definition(string path) =>
        RuleVerifier.ReportsNothing<NoCiPipelineRule>(("Dockerfile", "FROM python:3.12-slim\n"), (path, "steps: []\n"));

    [Test]
    public void Vendored_infrastructure_is_not_the_repositorys() =>
        RuleVerifier.ReportsNothing<NoCiPipelineRule>(("vendor/acme/listing/docker-compose.yml", "services:\n  db:\n    image: mysql:8\n"), ("composer.json", "{}\n"));

    [Test]
    public void Quiet_without_deployable_infrastructure() =>
        RuleVerifier.ReportsNothing<NoCiPipelineRule>(("src/app.py", "print(1)\n"), (".env.example", "A=1\n"));
}
