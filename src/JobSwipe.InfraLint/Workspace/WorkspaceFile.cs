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
    /// <summary>Path relative to the linted root, with forward slashes. Get-only, so that <c>with</c> cannot change it
    /// and leave <see cref="Name"/> and <see cref="Directory"/> describing another path.</summary>
    public string RelativePath { get; } = RelativePath;

    /// <summary>The file name without folders (computed once: rules ask for it of every file, often).</summary>
    public string Name { get; } = System.IO.Path.GetFileName(RelativePath);

    /// <summary>The folder of the file relative to the root ("" at the root), forward slashes (computed once).</summary>
    public string Directory { get; } = RelativePath.LastIndexOf('/') is var slash and >= 0 ? RelativePath[..slash] : string.Empty;

    public override string ToString() => RelativePath;
}
