using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Text;

public class SourceTextTests
{
    [TestCase("a\nbc\r\nd\re", 0, 1, 1)]
    [TestCase("a\nbc\r\nd\re", 2, 2, 1)]
    [TestCase("a\nbc\r\nd\re", 3, 2, 2)]
    [TestCase("a\nbc\r\nd\re", 6, 3, 1)]
    [TestCase("a\nbc\r\nd\re", 8, 4, 1)]
    [TestCase("a\nbc\r\nd\re", 9, 4, 2)]
    public void Maps_offsets_to_one_based_lines_and_columns(string content, int offset, int line, int column)
    {
        var text = new SourceText(content);
        Assert.That(text.GetPosition(offset), Is.EqualTo(new LinePosition(line, column)));
        Assert.That(text.GetOffset(new LinePosition(line, column)), Is.EqualTo(offset));
    }

    [Test]
    public void Line_text_excludes_line_breaks()
    {
        var text = new SourceText("one\r\ntwo\nthree");
        Assert.Multiple(() =>
        {
            Assert.That(text.LineCount, Is.EqualTo(3));
            Assert.That(text.GetLineText(1), Is.EqualTo("one"));
            Assert.That(text.GetLineText(2), Is.EqualTo("two"));
            Assert.That(text.GetLineText(3), Is.EqualTo("three"));
        });
    }

    [Test]
    public void Tab_counts_as_one_column()
    {
        var text = new SourceText("\tkey: value");
        Assert.That(text.GetPosition(1), Is.EqualTo(new LinePosition(1, 2)));
    }
}
