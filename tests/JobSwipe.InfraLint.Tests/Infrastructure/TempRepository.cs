namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>A throw-away folder with files written from a dictionary; deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "infralint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public TempRepository(IReadOnlyDictionary<string, string> files)
        : this()
    {
        foreach (var (path, content) in files)
        {
            Write(path, content);
        }
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        string full = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        string full = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
