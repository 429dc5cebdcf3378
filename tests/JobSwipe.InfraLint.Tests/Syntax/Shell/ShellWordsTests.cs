using JobSwipe.InfraLint.Syntax.Shell;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class ShellWordsTests
{
    [TestCase("bin/rails db:migrate", true)]
    [TestCase("sh -c 'echo \"hi\" && exit 1'", true)]
    [TestCase("echo it\\'s", true)]
    [TestCase("python -c \"print('x')", false)]
    [TestCase("echo 'unclosed", false)]
    [TestCase("echo trailing\\", false)]
    [TestCase("a && b | c", true)]
    public void Splits_when_quotes_close_and_no_escape_trails(string command, bool splits) =>
        Assert.That(ShellWords.CanSplit(command), Is.EqualTo(splits));

    [Test]
    public void Splits_like_shlex() =>
        Assert.That(ShellWords.Split("sh -c 'a && b' \"x y\" z\\ w 'open"), Is.EqualTo(new[] { "sh", "-c", "a && b", "x y", "z w", "open" }));

    [Test]
    public void Each_word_knows_where_it_is_written_quotes_and_escapes_included() =>
        Assert.That(
            ShellWords.SplitWords("sh  -c 'a && b' \"x y\" z\\ w 'open").Select(w => (w.Value, w.Start, w.Length)),
            Is.EqualTo(new[] { ("sh", 0, 2), ("-c", 4, 2), ("a && b", 7, 8), ("x y", 16, 5), ("z w", 22, 4), ("open", 27, 5) }));
}
