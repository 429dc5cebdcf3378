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
