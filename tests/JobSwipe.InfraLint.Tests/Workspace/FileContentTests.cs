using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class FileContentTests
{
    [Test]
    public void Files_with_nul_bytes_are_binary() =>
        Assert.That(FileContent.FromBytes([0x46, 0x00, 0x41]).SkipReason, Does.Contain("binary"));

    [Test]
    public void Files_over_the_limit_are_skipped() =>
        Assert.That(FileContent.FromBytes(new byte[100], maxSize: 10).SkipReason, Does.Contain("larger than"));

    [Test]
    public void The_bom_is_dropped()
    {
        var content = FileContent.FromBytes([0xEF, 0xBB, 0xBF, (byte)'a']);
        Assert.That(content.Text!.Content, Is.EqualTo("a"));
    }

    [Test]
    public void Invalid_utf8_is_replaced_and_located()
    {
        byte[] bytes = [.. "ok\nab"u8.ToArray(), 0xFF, .. "c\n"u8.ToArray()];
        var content = FileContent.FromBytes(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(content.SkipReason, Is.Null);
            Assert.That(content.Text!.Content, Is.EqualTo("ok\nab\uFFFDc\n"));
            Assert.That(content.InvalidUtf8At, Is.EqualTo(new LinePosition(2, 3)));
        });
    }
}
