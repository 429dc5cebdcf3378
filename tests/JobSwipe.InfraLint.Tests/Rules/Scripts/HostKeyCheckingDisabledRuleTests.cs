using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class HostKeyCheckingDisabledRuleTests
{
    [Test]
    public void Disabled_host_key_checking_is_reported_on_commands_assignments_and_heredocs()
    {
        RuleVerifier.Reports<HostKeyCheckingDisabledRule>(("d.sh", """
            ssh -o [|StrictHostKeyChecking=no|] deploy@host 'systemctl restart app'
            scp [|-oUserKnownHostsFile=/dev/null|] app.tar deploy@host:/srv
            rsync -az -e [|"ssh -o StrictHostKeyChecking=no"|] dist/ deploy@host:/srv
            export GIT_SSH_COMMAND=[|"ssh -o StrictHostKeyChecking=no"|]
            cat >> ~/.ssh/config [|<<|]EOF
            Host *
              StrictHostKeyChecking no
            EOF
            """));
    }

    [Test]
    public void Pinned_and_accept_new_host_keys_are_quiet()
    {
        RuleVerifier.ReportsNothing<HostKeyCheckingDisabledRule>(("d.sh", "ssh-keyscan -H host >> ~/.ssh/known_hosts\nssh -o StrictHostKeyChecking=yes deploy@host true\nssh -o StrictHostKeyChecking=accept-new deploy@host true\n"));
    }

    [Test]
    public void Run_steps_of_a_workflow_are_checked()
    {
        RuleVerifier.Reports<HostKeyCheckingDisabledRule>((".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh -o [|StrictHostKeyChecking=no|] host true\n      - run: ssh -o StrictHostKeyChecking=yes host true\n"));
    }

    [Test]
    public void Case_variants_the_pattern_matches_are_reported_however_they_are_spelt()
    {
        // Commands are skipped unless a word holds "chec" or "nown" in some case; the pattern also matches the Kelvin
        // sign for K, which that filter must not lose.
        RuleVerifier.Reports<HostKeyCheckingDisabledRule>(("d.sh", "ssh -o [|stricthost\u212AeyCHECKING=No|] host true\nscp -o [|userknownhostsfile=/DEV/NULL|] a host:/srv\nssh -o [|STRICTHOSTKEYCHECKING no|] host true\n"));
    }
}
