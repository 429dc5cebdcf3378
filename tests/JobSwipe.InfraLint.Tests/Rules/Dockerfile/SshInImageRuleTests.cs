using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class SshInImageRuleTests
{
    [Test]
    public void Reports_an_ssh_server_and_its_port_as_one_finding_at_the_install()
    {
        var finding = RuleVerifier.Reports<SshInImageRule>(("Dockerfile", "FROM debian:12\nRUN apt-get install -y --no-install-recommends [|openssh-server|] curl\nEXPOSE 8080 22\n")).Single();
        Assert.That(finding.AdditionalLocations.Single().Span.Start.Line, Is.EqualTo(3));
        Assert.That(finding.Message, Does.Contain("installs the SSH server 'openssh-server' and EXPOSE 22 publishes its port"));
    }

    [Test]
    public void Reports_port_22_alone_at_the_port() =>
        RuleVerifier.Reports<SshInImageRule>(("Dockerfile", "FROM debian:12\nEXPOSE 8080 [|22|]\n"));

    [Test]
    public void Quiet_for_ssh_clients_and_other_ports() =>
        RuleVerifier.ReportsNothing<SshInImageRule>(("Dockerfile", "FROM alpine:3.20\nRUN apk add --no-cache openssh-client git\nEXPOSE 2222 8022\n"));
}
