using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Rules.Scripts;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Workspace.Git;

namespace JobSwipe.InfraLint.Tests.Rules.Scripts;

public sealed class CrlfInExecutedFileRuleTests
{
    [Test]
    public void Crlf_in_a_shell_script_is_reported_at_the_first_line_end()
    {
        var d = RuleVerifier.Reports<CrlfInExecutedFileRule>(("deploy.sh", "#!/bin/bash\n set -e[|\r\n|]fly deploy\r\n"));
        Assert.That(d[0].Message, Does.Contain("line 2"));
    }

    [Test]
    public void A_file_a_container_runs_is_checked_even_without_a_script_extension()
    {
        RuleVerifier.Reports<CrlfInExecutedFileRule>(
            ("Dockerfile", "FROM alpine:3.20\nCOPY docker-entrypoint /usr/local/bin/\nENTRYPOINT [\"/usr/local/bin/docker-entrypoint\"]\n"),
            ("docker-entrypoint", "#!/bin/sh[|\r\n|]exec \"$@\"\r\n"));
    }

    [Test]
    public void Gitattributes_forcing_lf_and_lf_files_are_quiet()
    {
        RuleVerifier.ReportsNothing<CrlfInExecutedFileRule>(("deploy.sh", "#!/bin/bash\r\nfly deploy\r\n"), (".gitattributes", "*.sh text eol=lf\n"));
        RuleVerifier.ReportsNothing<CrlfInExecutedFileRule>(("scripts/deploy.sh", "#!/bin/bash\r\nfly deploy\r\n"), (".gitattributes", "* text=auto eol=lf\n"));
        RuleVerifier.ReportsNothing<CrlfInExecutedFileRule>(("deploy.sh", "#!/bin/bash\nfly deploy\n"), ("notes.txt", "a\r\nb\r\n"));
    }
}
