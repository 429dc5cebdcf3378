using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>One file of the repository snapshot.</summary>
/// <param name="RelativePath">Path relative to the linted root, with forward slashes.</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="Kind">What kind of file it is.</param>
/// <param name="Environment">Which environment it configures (from its path, or <c>infralint_environment</c> in .editorconfig).</param>
/// <param name="Length">Size in bytes when discovered.</param>
/// <param name="LastWriteTimeUtc">Last write time when discovered.</param>
public sealed record WorkspaceFile(
    string RelativePath,
    string FullPath,
    FileKind Kind,
    FileEnvironment Environment,
    long Length,
    DateTime LastWriteTimeUtc)
{
    /// <summary>The file name without folders.</summary>
    public string Name => System.IO.Path.GetFileName(RelativePath);

    /// <summary>The folder of the file relative to the root ("" at the root), forward slashes.</summary>
    public string Directory
    {
        get
        {
            int slash = RelativePath.LastIndexOf('/');
            return slash < 0 ? string.Empty : RelativePath[..slash];
        }
    }

    public override string ToString() => RelativePath;
}
