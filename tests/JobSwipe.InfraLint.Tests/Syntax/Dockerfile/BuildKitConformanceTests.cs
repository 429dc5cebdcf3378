using JobSwipe.InfraLint.Syntax.Dockerfile;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

/// <summary>
/// Verdicts of BuildKit's parser test folders (frontend/dockerfile/parser/testfiles and testfiles-negative),
/// reproduced with small inputs of our own that exercise the same features.
/// </summary>
public class BuildKitConformanceTests
{
    private static string Describe(DockerInstruction i) => i switch
    {
        CommandInstruction { IsExecForm: true } c => $"{i.Keyword.ToLowerInvariant()} {string.Join(" ", c.ExecArguments.Select(a => $"<{a.Text}>"))}".TrimEnd(),
        CommandInstruction c => $"{i.Keyword.ToLowerInvariant()} {(c.HealthcheckType is null ? "" : c.HealthcheckType.Text + " ")}<{c.ShellCommand?.Text}>",
        KeyValueInstruction kv => $"{i.Keyword.ToLowerInvariant()} {string.Join(" ", kv.Pairs.Select(p => $"{p.Key}=<{p.RawValue}>"))}",
        OnbuildInstruction o => $"onbuild ({(o.Trigger is null ? "" : Describe(o.Trigger))})",
        _ => $"{i.Keyword.ToLowerInvariant()} {string.Join(" ", i.Arguments.Select(a => $"<{a.Text}>"))}",
    };

    private static List<string> Dump(string content) => ParseOk(content).Instructions.Select(Describe).ToList();

    [Test]
    public void Comment_lines_ending_in_an_escape_do_not_continue()
    {
        Assert.That(Dump("FROM busybox\n# a comment \\\n# another \\\nRUN [\"ls\", \"-la\"]\n"), Is.EqualTo(new[] { "from <busybox>", "run <ls> <-la>" }));
    }

    [Test]
    public void Onbuild_wraps_exec_and_shell_triggers()
    {
        Assert.That(Dump("FROM a\nONBUILD RUN [\"echo\", \"x\"]\nONBUILD RUN echo x\nONBUILD COPY . /\n"), Is.EqualTo(new[]
        {
            "from <a>", "onbuild (run <echo> <x>)", "onbuild (run <echo x>)", "onbuild (copy <.> </>)",
        }));
    }

    [Test]
    public void Tabs_separate_keywords_and_legacy_values_keep_inner_spaces()
    {
        Assert.That(Dump("FROM\tubuntu:22.04\nLABEL\tmaintainer\tSomeone <a@b.c> (@x)\nENV SCUBA 1 DUBA 3\nENV SCUBA \"1 DUBA 3\"\n"), Is.EqualTo(new[]
        {
            "from <ubuntu:22.04>", "label maintainer=<Someone <a@b.c> (@x)>", "env SCUBA=<1 DUBA 3>", "env SCUBA=<\"1 DUBA 3\">",
        }));
    }

    [Test]
    public void Backslash_escape_directive_is_valid()
    {
        var model = ParseOk("#escape=\\\nFROM a\nRUN a \\\n\tb\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives.Single().Value, Is.EqualTo("\\"));
            Assert.That(Describe(model.Instructions[1]), Is.EqualTo("run <a \tb>"));
        });
    }

    [Test]
    public void Empty_lines_in_continuations_are_skipped()
    {
        Assert.That(Dump("FROM a\nRUN one \\\n\t&& two \\\n\n\t&& three\n"), Is.EqualTo(new[] { "from <a>", "run <one \t&& two \t&& three>" }));
    }

    [Test]
    public void Escapes_outside_continuations_are_kept_in_shell_text()
    {
        Assert.That(Dump("FROM a\nRUN apt-get \\update\nADD \\conf\\\\\" /.znc\nCMD [ \"\\/usr\\\\\\\"/bin/znc\", \"-f\" ]\n"), Is.EqualTo(new[]
        {
            "from <a>", "run <apt-get \\update>", "add <\\conf\\\\\"> </.znc>", "cmd </usr\\\"/bin/znc> <-f>",
        }));
    }

    [Test]
    public void Flags_test_verdicts()
    {
        var model = ParseOk("FROM scratch\nCOPY --user=me --doit=true foo /tmp/\nCMD --doit -- [ ]\n");
        var cmd = (CommandInstruction)model.Instructions[2];
        Assert.Multiple(() =>
        {
            Assert.That(model.Instructions[1].Flags.Select(f => f.ToString()), Is.EqualTo(new[] { "--user=me", "--doit=true" }));
            Assert.That(cmd.Flags.Single().Name, Is.EqualTo("doit"));
            Assert.That(cmd.IsExecForm, Is.True);
            Assert.That(cmd.ExecArguments, Is.Empty);
        });
    }

    [Test]
    public void Healthcheck_test_verdicts()
    {
        Assert.That(Dump("FROM a\nHEALTHCHECK   CMD   a b\nHEALTHCHECK --timeout=3s CMD [\"foo\"]\n"), Is.EqualTo(new[] { "from <a>", "healthcheck CMD <a b>", "healthcheck <foo>" }));
    }

    [TestCase("", TestName = "Negative: empty file")]
    [TestCase("# only\n# comments\n", TestName = "Negative: only comments")]
    [TestCase("FROM busybox\nENV PATH\n", TestName = "Negative: ENV without value")]
    [TestCase("CMD [ \"a\", [ \"b\" ] ]\n", TestName = "Negative: nested JSON")]
    [TestCase("ARG A=1\n", TestName = "Negative: no stage")]
    [TestCase("FROM a\n\\", TestName = "Negative: lone escape at end of file")]
    public void Negative_files_fail(string content)
    {
        Assert.That(Errors(content), Is.Not.Empty);
    }
}
