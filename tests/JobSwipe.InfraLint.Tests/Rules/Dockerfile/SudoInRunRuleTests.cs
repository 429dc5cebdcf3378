using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class SudoInRunRuleTests
{
    [Test]
    public void Reports_sudo_in_chains_heredocs_and_sh_c() =>
        RuleVerifier.Reports<SudoInRunRule>(("Dockerfile",
            "FROM debian:12\nUSER app\nRUN make && [|sudo|] make install\nRUN <<EOF\nset -e\n[|sudo|] apt-get update\nEOF\nRUN sh -c '[|sudo|] ls'\n"));

    [Test]
    public void Quiet_when_sudo_is_only_a_package_or_argument() =>
        RuleVerifier.ReportsNothing<SudoInRunRule>(("Dockerfile", "FROM debian:12\nRUN apt-get install -y sudo && echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app\nRUN [\"echo\", \"sudo\"]\n"));

    [Test]
    public void Reports_sudo_in_an_exec_form_shell_script_at_the_script() =>
        RuleVerifier.Reports<SudoInRunRule>(("Dockerfile", "FROM debian:12\nRUN [\"/bin/sh\", \"-c\", [|\"sudo make install\"|]]\n"));

    [Test]
    public void Several_sudo_in_one_run_are_one_finding()
    {
        var finding = RuleVerifier.Reports<SudoInRunRule>(("Dockerfile", "FROM debian:12\nRUN [|sudo|] apt-get update && sudo apt-get install -y make\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Column, Is.EqualTo(28));
    }
}
