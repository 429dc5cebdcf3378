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
