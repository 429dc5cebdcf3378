using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class RemoteScriptPipedToShellRuleTests
{
    [Test]
    public void Reports_curl_and_wget_piped_into_a_shell() =>
        RuleVerifier.Reports<RemoteScriptPipedToShellRule>(("Dockerfile",
            "FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | [|bash|] - && apt-get install -y nodejs\nRUN wget -qO- https://get.example.sh | [|sh|] -s -- --yes\nRUN [|sh|] -c \"$(curl -fsSL https://x.example/install.sh)\"\n"));

    [Test]
    public void Quiet_for_downloads_to_files_and_pipes_into_other_tools() =>
        RuleVerifier.ReportsNothing<RemoteScriptPipedToShellRule>(("Dockerfile",
            "FROM debian:12\nRUN curl -fsSLo install.sh https://x.example/install.sh && sha256sum -c sums && sh install.sh\nRUN curl -fsSL https://x.example/a.tgz | tar xz\nRUN echo hi | sh\n"));
}
