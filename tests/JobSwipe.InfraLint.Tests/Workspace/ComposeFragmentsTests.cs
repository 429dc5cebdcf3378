using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class ComposeFragmentsTests
{
    private const string StackWithDuplicate = "services:\n  api:\n    image: api:1.0\n    environment:\n      A: 1\n      A: 2\n";

    [Test]
    public void Yaml_files_passed_to_docker_compose_by_scripts_and_ci_steps_are_linted_as_compose_files()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["scripts/deploy.sh"] = "#!/bin/bash\nset -e\ndeploy() {\n  docker compose -f ../deploy/stack.yml --file=overrides/extra.yaml up -d\n}\ndeploy\n",
            ["deploy/stack.yml"] = StackWithDuplicate,
            ["scripts/overrides/extra.yaml"] = StackWithDuplicate,
            [".github/workflows/ci.yml"] = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker-compose -f ci/test-stack.yml up --abort-on-container-exit\n",
            ["ci/test-stack.yml"] = StackWithDuplicate,
            ["config/settings.yml"] = StackWithDuplicate,
        });

        var result = LintEngine.Run(new LintOptions(repo.Root));

        Assert.That(
            result.Diagnostics.Where(d => d.Id == "JSI2002").Select(d => d.Location.Path),
            Is.EquivalentTo(new[] { "ci/test-stack.yml", "deploy/stack.yml", "scripts/overrides/extra.yaml" }));
    }
}
