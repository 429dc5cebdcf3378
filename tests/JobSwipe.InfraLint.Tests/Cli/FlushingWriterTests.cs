using System.Text;
using JobSwipe.InfraLint.Cli;

namespace JobSwipe.InfraLint.Tests.Cli;

/// <summary>The tool buffers standard output and writes standard error through <see cref="FlushingWriter"/>.</summary>
public class FlushingWriterTests
{
    [Test]
    public void Each_write_to_standard_error_comes_after_what_standard_output_buffered()
    {
        // One stream for both, as a terminal shows them: the buffered output must reach it before each error line.
        var terminal = new MemoryStream();
        var output = new StreamWriter(terminal, new UTF8Encoding(false), 1 << 16);
        var shared = new StreamWriter(terminal, new UTF8Encoding(false)) { AutoFlush = true };
        var error = new FlushingWriter(shared, output);

        output.WriteLine("report line 1");
        error.WriteLine("summary");
        output.Write("report line 2");
        error.Write('!');
        output.Write("x");
        error.Write("tail");
        output.Write("y");
        error.Write(['a', 'b'], 0, 2);
        error.Flush();

        Assert.That(Encoding.UTF8.GetString(terminal.ToArray()), Is.EqualTo("report line 1" + Environment.NewLine + "summary" + Environment.NewLine + "report line 2!xtailyab"));
    }
}
