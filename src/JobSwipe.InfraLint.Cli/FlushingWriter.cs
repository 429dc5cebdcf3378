using System.Text;

namespace JobSwipe.InfraLint.Cli;

/// <summary>
/// A writer that flushes another one before each write: standard error over a buffered standard output, so that what
/// the tool wrote to either appears in the order it was written (a summary line after the report it sums up).
/// </summary>
internal sealed class FlushingWriter(TextWriter inner, TextWriter flushFirst) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        flushFirst.Flush();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        flushFirst.Flush();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        flushFirst.Flush();
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        flushFirst.Flush();
        inner.WriteLine(value);
    }

    public override void Flush()
    {
        flushFirst.Flush();
        inner.Flush();
    }
}
