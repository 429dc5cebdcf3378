namespace JobSwipe.InfraLint.Workspace;

/// <summary>The kinds of file the engine understands; every other file is <see cref="Other"/>.</summary>
public enum FileKind
{
    Other = 0,
    Dockerfile,
    Compose,
    FlyConfig,
    ShellScript,
    DotEnv,
    Procfile,
    DependencyManifest,
    DockerIgnore,
    CiWorkflow,
    EditorConfig,
}

/// <summary>Facts about file kinds.</summary>
public static class FileKindExtensions
{
    /// <summary>
    /// True for the kinds that are deployed as they are written: a Dockerfile (built by BuildKit), a compose file
    /// (loaded by Docker Compose) and a fly.toml (loaded by flyctl). A file of these kinds that its tool cannot load is
    /// a deployment that fails.
    /// </summary>
    public static bool IsDeployed(this FileKind kind) => kind is FileKind.Dockerfile or FileKind.Compose or FileKind.FlyConfig;
}
