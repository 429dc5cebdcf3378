using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax;

public class SharedStringsTests
{
    [Test]
    public void Equal_short_text_from_two_sources_is_one_string()
    {
        string a = SharedStrings.Get("echo apt-get install", 5, 7);
        string b = SharedStrings.Get("sudo apt-get update", 5, 7);
        Assert.That(a, Is.EqualTo("apt-get"));
        Assert.That(b, Is.SameAs(a));
    }

    [Test]
    public void Text_is_always_the_slice_asked_for()
    {
        string source = string.Concat(Enumerable.Range(0, 2000).Select(i => $"w{i} "));
        int start = 0;
        foreach (string word in source.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.That(SharedStrings.Get(source, start, word.Length), Is.EqualTo(word));
            start += word.Length + 1;
        }

        string longText = new('x', 100);
        Assert.That(SharedStrings.Get(longText, 0, 100), Is.EqualTo(longText));
        Assert.That(SharedStrings.Get(longText, 3, 0), Is.EqualTo(""));
    }

    [Test]
    public void Scripts_share_their_common_words()
    {
        ShellScript first = ShellParser.Parse(new SourceText("apt-get install -y curl\n")).Model!;
        ShellScript second = ShellParser.Parse(new SourceText("set -e\napt-get install -y git\n")).Model!;
        var a = (SimpleCommand)first.Body.Items[0].Pipelines[0].Commands[0];
        var b = (SimpleCommand)second.Body.Items[1].Pipelines[0].Commands[0];
        Assert.That(b.Name!.Value, Is.SameAs(a.Name!.Value));
        Assert.That(b.Arguments[1].Text, Is.SameAs(a.Arguments[1].Text));
    }
}
