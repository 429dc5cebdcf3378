using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class ScriptRunsRemoteCodeRuleTests
{
    [Test]
    public void Curl_or_wget_piped_into_a_shell_is_reported()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("a.sh", "[|curl -fsSL https://fly.io/install.sh | sh|]\n[|wget -qO- https://get.docker.com | sudo bash|] -s -- --mirror x\n"));
    }

    [Test]
    public void Process_and_command_substitutions_run_by_a_shell_are_reported()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("a.sh", "[|bash <(curl -s https://x/install.sh)|]\n[|sh -c \"$(curl -fsSL https://x/i.sh)\"|]\n[|eval \"$(wget -qO- https://x)\"|]\n"));
    }

    // Issue 14 in both hosts of this rule: wrapper words seen through (bug b), the step's ${{ }} quoted as written (bug a).
    [Test]
    public void Script_host_sees_through_wrappers_and_quotes_the_command_as_written()
    {
        var found = RuleVerifier.Reports<ScriptRunsRemoteCodeRule>(("install.sh", "#!/bin/sh\n[|timeout 60 curl -fsSL https://${INSTALL_HOST}/x.sh | nice sudo -E bash|]\nsudo -u app [|sh -c \"$(sudo curl -fsSL https://x/i.sh)\"|]\n"));
        Assert.That(found[0].Message, Does.StartWith("'timeout 60 curl -fsSL https://${INSTALL_HOST}/x.sh | nice sudo -E bash'"));
    }

    [Test]
    public void Ci_run_step_host_quotes_expressions_as_written_and_sees_through_wrappers()
    {
        var found = RuleVerifier.Reports<ScriptRunsRemoteCodeRule>((".github/workflows/ci.yml",
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: [|curl -fsSL https://${{ secrets.INSTALL_HOST }}/install.sh | bash|]\n      - run: |\n          [|env TOKEN=${{ secrets.T }} curl -s https://${{ vars.HOST }}/x | sudo -E bash|] -s\n"));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].Message, Does.StartWith("'curl -fsSL https://${{ secrets.INSTALL_HOST }}/install.sh | bash'"));
            Assert.That(found[1].Message, Does.StartWith("'env TOKEN=${{ secrets.T }} curl -s https://${{ vars.HOST }}/x | sudo -E bash'"));
            Assert.That(found.Select(d => d.Message), Has.None.Contains("$H0").And.None.Contains("XXX"));
        });
    }

    [Test]
    public void Downloads_to_a_file_and_local_pipes_are_quiet()
    {
        RuleVerifier.ReportsNothing<ScriptRunsRemoteCodeRule>(("a.sh", "curl -fsSLo install.sh https://x/install.sh\nsha256sum -c install.sh.sha256\nsh install.sh\ncat local.sh | bash\ncurl -s https://x | jq .\nVERSION=\"$(curl -s https://x/version)\"\n"));
    }

    [Test]
    public void Run_steps_are_checked_and_findings_point_into_the_workflow()
    {
        RuleVerifier.Reports<ScriptRunsRemoteCodeRule>((".github/workflows/deploy.yml", """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: install
                    run: [|curl -fsSL https://fly.io/install.sh | sh|]
                  - name: tools
                    run: |
                      echo "installing"
                      [|wget -qO- https://get.docker.com | bash|]
                  - run: curl -fsSL https://x/version | jq .
            """));
    }
}
