using JobSwipe.InfraLint.Syntax.Dockerfile;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class BuildKitHeredocConformanceTests
{
    [TestCase("RUN <<E\nE\n", "E", "", false, false, null)]
    [TestCase("RUN 3<<E\nE\n", "E", "", false, false, 3)]
    [TestCase("RUN <<E\n\tx\n\ty\nE\n", "E", "\tx\n\ty\n", false, false, null)]
    [TestCase("RUN <<-E\n\tx\n\ty\n\tE\n", "E", "\tx\n\ty\n", false, true, null)]
    [TestCase("RUN <<x'y'\nz\nxy\n", "xy", "z\n", true, false, null)]
    [TestCase("RUN <<x\\'y\nz\nx'y\n", "x'y", "z\n", false, false, null)]
    [TestCase("RUN <<'x'y\\'z\nbody\nxy'z\n", "xy'z", "body\n", true, false, null)]
    [TestCase("RUN <<'two words'\nbody\ntwo words\n", "two words", "body\n", true, false, null)]
    [TestCase("RUN <<$V\n$V\n", "$V", "", false, false, null)]
    [TestCase("RUN <<  E\nE\n", "E", "", false, false, null)]
    [TestCase("RUN <<  E  > /out\nE\n", "E", "", false, false, null)]
    [TestCase("RUN <<E\n# not a comment\nE\n", "E", "# not a comment\n", false, false, null)]
    public void Heredoc_words_like_buildkit(string content, string name, string body, bool quoted, bool chomp, int? fd)
    {
        var model = ParseOk("FROM alpine\n" + content);
        DockerHeredoc heredoc = model.Stages[0].Instructions[0].Heredocs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(heredoc.Name, Is.EqualTo(name));
            Assert.That(heredoc.Content, Is.EqualTo(body));
            Assert.That(heredoc.IsQuoted, Is.EqualTo(quoted));
            Assert.That(heredoc.StripsLeadingTabs, Is.EqualTo(chomp));
            Assert.That(heredoc.FileDescriptor, Is.EqualTo(fd));
            Assert.That(model.Comments, Is.Empty);
        });
    }

    [Test]
    public void Heredocs_are_read_in_order_even_when_bodies_name_each_other()
    {
        var model = ParseOk("FROM alpine\nCOPY <<X <<Y /dest\nY\nX\nX\nY\n");
        Assert.That(model.Stages[0].Instructions[0].Heredocs.Select(h => h.Content), Is.EqualTo(new[] { "Y\n", "X\n" }));
    }

    [Test]
    public void Heredoc_is_only_read_for_run_copy_and_add()
    {
        // USER takes no heredoc, so the next line is an instruction of its own (and an unknown one).
        var errors = Errors("FROM alpine\nUSER <<INVALID\nINVALID\n");
        Assert.That(errors.Single().Message, Does.Contain("Unknown instruction: INVALID"));
    }

    [Test]
    public void Complex_heredoc_and_whole_heredoc_script()
    {
        var model = ParseOk("FROM alpine\nRUN <<C python3\nprint(1)\nC\nRUN <<  S\necho\nS\n");
        var complex = (CommandInstruction)model.Stages[0].Instructions[0];
        var script = (CommandInstruction)model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(complex.HeredocScript, Is.Null);
            Assert.That(complex.ShellCommand!.Text, Is.EqualTo("<<C python3\nprint(1)\nC"));
            Assert.That(script.HeredocScript, Is.Not.Null);
            Assert.That(script.ShellCommand!.Text, Is.EqualTo("echo\n"));
        });
    }
}
