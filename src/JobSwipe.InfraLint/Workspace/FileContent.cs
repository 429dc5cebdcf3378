using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>The outcome of reading a file: its text, or why it was skipped, and where invalid UTF-8 was replaced.</summary>
public sealed record FileContent(SourceText? Text, string? SkipReason, LinePosition? InvalidUtf8At)
{
    /// <summary>The skip reason of a file that is not text.</summary>
    public const string BinaryReason = "a binary file (it contains NUL bytes)";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a file as UTF-8 (a BOM is dropped). Files with a NUL byte in their first 8 KiB (git's test for binary files)
    /// and files over the size limit are skipped;
    /// invalid UTF-8 is decoded with replacement characters and its first position reported. Never throws.
    /// </summary>
    public static FileContent Read(string fullPath, long maxSize)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            // Sniff the first 8 KiB as git does: a NUL byte there makes it binary, and the rest is never read.
            var head = new byte[(int)Math.Min(stream.Length, 8192)];
            stream.ReadExactly(head);
            if (head.AsSpan().IndexOf((byte)0) >= 0)
            {
                return new FileContent(null, BinaryReason, null);
            }

            if (stream.Length > maxSize)
            {
                return new FileContent(null, $"larger than the {FormatSize(maxSize)} limit ({FormatSize(stream.Length)})", null);
            }

            if (stream.Length == head.Length)
            {
                bytes = head;
            }
            else
            {
                bytes = new byte[stream.Length];
                head.CopyTo(bytes, 0);
                stream.ReadExactly(bytes, head.Length, bytes.Length - head.Length);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return new FileContent(null, "the file cannot be read (" + ex.GetType().Name + ")", null);
        }

        return FromBytes(bytes, maxSize);
    }

    public static FileContent FromBytes(ReadOnlySpan<byte> bytes, long maxSize = long.MaxValue)
    {
        if (bytes.Length > maxSize)
        {
            return new FileContent(null, $"larger than the {FormatSize(maxSize)} limit ({FormatSize(bytes.Length)})", null);
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return new FileContent(null, BinaryReason, null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new FileContent(new SourceText(StrictUtf8.GetString(bytes)), null, null);
        }
        catch (DecoderFallbackException ex)
        {
            var text = new SourceText(Encoding.UTF8.GetString(bytes));
            int validPrefix = Math.Clamp(ex.Index, 0, bytes.Length);
            int charOffset = Encoding.UTF8.GetCharCount(bytes[..validPrefix]);
            return new FileContent(text, null, text.GetPosition(charOffset));
        }
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} bytes";
}
