using System.Runtime.CompilerServices;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// Annotated-text snapshots with Verify's naming: the expected text lives in <c>&lt;Name&gt;.verified.txt</c> beside the
/// test's source file; on a mismatch the actual text is written to <c>&lt;Name&gt;.received.txt</c> and the test fails.
/// Set INFRALINT_ACCEPT=1 to accept the received text as the new verified one.
/// (Verify.NUnit is not served by our package registry; Snapshooter stores JSON, the wrong shape for annotated text.)
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        string verified = Path.Combine(directory, name + ".verified.txt");
        string received = Path.Combine(directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("INFRALINT_ACCEPT") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot yet: review {received} and rename it to {Path.GetFileName(verified)} (or run with INFRALINT_ACCEPT=1).\n\n{actual}"
            : $"Snapshot mismatch: compare {received} with {verified} (INFRALINT_ACCEPT=1 accepts).\n\n{actual}");
    }
}
