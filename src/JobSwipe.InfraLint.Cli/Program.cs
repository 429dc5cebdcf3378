using JobSwipe.InfraLint.Cli;

// Standard output through one 64 KiB buffer: Console.Out flushes every 256 bytes, so a report of thousands of findings
// was thousands of write calls. Standard error flushes it first, so the two streams keep their order on a terminal.
var output = new StreamWriter(Console.OpenStandardOutput(), Console.OutputEncoding, 1 << 16);
try
{
    return InfraLintCli.Run(args, output, new FlushingWriter(Console.Error, output));
}
finally
{
    output.Flush();
}
