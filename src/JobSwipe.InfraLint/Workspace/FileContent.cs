using System.Text;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>The outcome of reading a file: its text, or why it was skipped, and where invalid UTF-8 was replaced.</summary>
public sealed record FileContent(SourceText? Text, string? SkipReason, LinePosition? InvalidUtf8At)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a file as UTF-8 (a BOM is dropped). Files over the size limit and files with NUL bytes are skipped;
    /// invalid UTF-8 is decoded with replacement characters and its first position reported. Never throws.
    /// </summary>
    public static FileContent Read(string fullPath, long maxSize)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > maxSize)
            {
                return new FileContent(null, $"larger than the {FormatSize(maxSize)} limit ({FormatSize(info.Length)})", null);
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
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
            return new FileContent(null, "a binary file (it contains NUL bytes)", null);
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
