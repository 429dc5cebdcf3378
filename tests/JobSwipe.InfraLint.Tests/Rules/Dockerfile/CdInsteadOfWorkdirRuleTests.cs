using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class CdInsteadOfWorkdirRuleTests
{
    [Test]
    public void Reports_a_top_level_cd_followed_by_commands() =>
        RuleVerifier.Reports<CdInsteadOfWorkdirRule>(("Dockerfile", "FROM node:20\nRUN [|cd|] /app && npm ci\n"));

    [Test]
    public void Quiet_for_subshells_temporary_folders_variables_and_a_final_cd() =>
        RuleVerifier.ReportsNothing<CdInsteadOfWorkdirRule>(("Dockerfile", "FROM node:20\nRUN (cd /app && npm ci)\nRUN cd /tmp && make\nRUN cd \"$dir\" && make\nRUN npm ci && cd /app\n"));

    [Test]
    public void Quiet_for_a_scratch_build_folder_removed_in_the_same_run() =>
        RuleVerifier.ReportsNothing<CdInsteadOfWorkdirRule>(("Dockerfile", "FROM debian:12\nRUN mkdir -p /usr/src/python && cd /usr/src/python && ./configure && make install && cd / && rm -rf /usr/src/python\n"));

    [Test]
    public void Reports_a_run_that_is_only_a_cd() =>
        RuleVerifier.Reports<CdInsteadOfWorkdirRule>(("Dockerfile", "FROM node:22\nRUN [|cd|] /srv/app\nRUN [|cd|] /tmp\nRUN (cd /srv)\n"));

    [Test]
    public void Cd_to_one_folder_in_several_runs_of_a_stage_is_one_finding()
    {
        var finding = RuleVerifier.Reports<CdInsteadOfWorkdirRule>(("Dockerfile", "FROM debian:12\nRUN [|cd|] /srv/app && make\nRUN cd /srv/app && make install\nFROM debian:12\nRUN [|cd|] /srv/app && make\n"))[0];
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(3));
    }
}
