using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class CredentialOnCommandLineRuleTests
{
    [Test]
    public void Password_options_are_reported_for_literals_and_variables()
    {
        var d = RuleVerifier.Reports<CredentialOnCommandLineRule>(("d.sh", """
            docker login -u me [|-p "$REGISTRY_PASSWORD"|] ghcr.io
            sshpass [|-p hunter2hunter2|] ssh deploy@host
            mysql -u root [|-pS3cretPass|] app
            curl [|-u admin:hunter2hunter2|] https://x/api
            pg_tool [|--password "$PGPASS"|]
            cli [|--token abcdef123456789|]
            """));
        Assert.That(d.Select(x => x.Message), Has.None.Contains("hunter2hunter2").And.None.Contains("S3cretPass").And.None.Contains("abcdef123456789"));
    }

    [Test]
    public void Stdin_files_prompts_and_variable_tokens_are_quiet()
    {
        RuleVerifier.ReportsNothing<CredentialOnCommandLineRule>(("d.sh", """
            echo "$REGISTRY_PASSWORD" | docker login -u me --password-stdin ghcr.io
            mysql -u root -p app
            curl -u admin https://x/api
            curl --netrc-file ~/.netrc https://x
            cli --token "$API_TOKEN"
            sshpass -e ssh deploy@host
            """));
    }

    [Test]
    public void Run_steps_are_checked_and_findings_point_into_the_workflow()
    {
        RuleVerifier.Reports<CredentialOnCommandLineRule>((".github/workflows/deploy.yml", """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: login
                    run: |
                      echo "deploying"
                      docker login -u ci [|-p ${{ secrets.REGISTRY_PASSWORD }}|] ghcr.io
                  - run: echo "${{ secrets.TOKEN }}" | docker login --password-stdin ghcr.io
            """));
    }
}
