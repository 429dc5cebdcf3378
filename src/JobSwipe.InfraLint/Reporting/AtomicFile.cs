namespace JobSwipe.InfraLint.Reporting;

/// <summary>Writes a whole file through a temporary file and a move, so a concurrent reader never sees half of it.</summary>
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
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
