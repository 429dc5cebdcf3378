using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class RelativeWorkdirRuleTests
{
    [Test]
    public void Reports_a_relative_workdir_at_its_path() =>
        RuleVerifier.Reports<RelativeWorkdirRule>(("Dockerfile", "FROM debian:12\nWORKDIR [|app|]\n"));

    [Test]
    public void Quiet_for_absolute_variables_windows_and_anchored_paths() =>
        RuleVerifier.ReportsNothing<RelativeWorkdirRule>(("Dockerfile",
            "FROM debian:12 AS base\nWORKDIR /srv\nWORKDIR app\nWORKDIR $HOME/x\nWORKDIR \"/quoted dir\"\nFROM base\nWORKDIR src\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n"));
}
