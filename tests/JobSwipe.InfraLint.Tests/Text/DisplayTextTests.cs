using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Text;

public class DisplayTextTests
{
    [TestCase("\u001b[31mred", @"\x1b[31mred")]
    [TestCase("a\u0000b", @"a\x00b")]
    [TestCase("bell\u0007", @"bell\x07")]
    [TestCase("line\r\nnext\ttab", @"line\x0d\x0anext\x09tab")]
    [TestCase("\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007", @"\x1b]8;;https://evil.example\x07link\x1b]8;;\x07")]
    [TestCase("\u009b31m", @"\x9b31m")]
    [TestCase("\u007f", @"\x7f")]
    [TestCase("abc\u202etxt.exe", @"abc\u202etxt.exe")]
    [TestCase("\u2066isolate\u2069", @"\u2066isolate\u2069")]
    [TestCase("\u2028", @"\u2028")]
    [TestCase("\ufeffbom", @"\ufeffbom")]
    public void Escapes_control_and_bidi_characters_visibly(string input, string expected) =>
        Assert.That(DisplayText.Escape(input), Is.EqualTo(expected));

    [Test]
    public void Escapes_a_lone_surrogate() =>
        // Built at run time: an attribute cannot hold a lone surrogate.
        Assert.That(DisplayText.Escape("lone " + (char)0xD800 + " surrogate"), Is.EqualTo(@"lone \ud800 surrogate"));

    [TestCase("plain ascii")]
    [TestCase("café, naïve, Zürich")]
    [TestCase("日本語のテキスト")]
    [TestCase("emoji 🚀 stays")]
    [TestCase("replacement \ufffd stays")]
    [TestCase(@"a backslash \x1b stays as written")]
    public void Leaves_printable_text_as_it_is(string input)
    {
        Assert.That(DisplayText.Escape(input), Is.SameAs(input));
        Assert.That(DisplayText.NeedsEscaping(input), Is.False);
    }
}
