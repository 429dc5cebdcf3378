namespace JobSwipe.InfraLint.Workspace;

/// <summary>
/// Writes a whole file through a temporary file beside it and a move, so a concurrent reader never sees half of it and a
/// failed write leaves the old file (or none) in place, never a truncated one.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }

    /// <summary>
    /// Replaces an existing file's bytes through a temporary file in the same folder and a rename, keeping the file's
    /// permissions: a reader sees the old bytes or the new ones, never half of them, and a failure leaves the file as it
    /// was (the temporary file is removed).
    /// </summary>
    public static void ReplaceAllBytes(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }

            throw;
        }
    }
}
