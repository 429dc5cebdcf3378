using JobSwipe.InfraLint.Rules.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Dockerfile;

public class AddInsteadOfCopyRuleTests
{
    [Test]
    public void Reports_add_of_local_files() =>
        RuleVerifier.Reports<AddInsteadOfCopyRule>(("Dockerfile", "FROM debian:12\n[|ADD|] . /app\n[|add|] --chown=1:1 config.json /etc/app/\n"));

    [Test]
    public void Quiet_for_urls_archives_git_and_heredocs() =>
        RuleVerifier.ReportsNothing<AddInsteadOfCopyRule>(("Dockerfile",
            "FROM debian:12\nADD https://example.com/a.bin /a\nADD rootfs.tar.xz /\nADD git@github.com:org/repo.git /src\nADD --checksum=sha256:abc https://x/y /y\nADD <<EOF /etc/motd\nhi\nEOF\nADD ${URL} /z\n"));
}
