using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Precision;

/// <summary>JSI1020: sudo that drops privileges to another user is not sudo to gain root.</summary>
public class SudoInRunPrecisionTests
{
    [TestCase("RUN sudo -u discourse bundle install\n")]
    [TestCase("RUN sudo -E -u discourse -H yarn install\n")]
    [TestCase("RUN sudo -Hu discourse git pull\n")]
    [TestCase("RUN sudo --user=app make\n")]
    public void Running_as_an_unprivileged_user_is_quiet(string run) =>
        RuleVerifier.ReportsNothing<SudoInRunRule>(("Dockerfile", "FROM debian:12-slim\n" + run));

    [TestCase("RUN [|sudo|] apt-get update\n")]
    [TestCase("RUN [|sudo|] -u root make install\n")]
    [TestCase("RUN [|sudo|] -E make install\n")]
    public void Gaining_root_is_reported(string run) =>
        RuleVerifier.Reports<SudoInRunRule>(("Dockerfile", "FROM debian:12-slim\n" + run));
}
