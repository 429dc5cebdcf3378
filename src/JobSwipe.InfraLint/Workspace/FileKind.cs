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

/// <summary>
/// A slot per kind in an array (the kinds are small non-negative numbers): the engine's per-kind tables (the files of a
/// kind, the rules' file actions, the run's costs) use arrays rather than dictionaries keyed by the enum, since
/// ReadyToRun leaves framework generics over value types to the JIT on every run.
/// </summary>
internal static class FileKinds
{
    /// <summary>One more than the largest <see cref="FileKind"/>: the length of a per-kind array.</summary>
    public static readonly int Count = MaxKind() + 1;

    /// <summary>True when <paramref name="kind"/> is one of the enum's values' slots (0 to <see cref="Count"/> - 1).</summary>
    public static bool HasSlot(FileKind kind) => (uint)kind < (uint)Count;

    /// <summary>The kind's slot in a per-kind array (<see cref="FileKind.Other"/>'s, 0, for a value outside the enum).</summary>
    public static int Index(FileKind kind) => HasSlot(kind) ? (int)kind : 0;

    private static int MaxKind()
    {
        int max = 0;
        foreach (FileKind kind in Enum.GetValues(typeof(FileKind)))
        {
            max = Math.Max(max, (int)kind);
        }

        return max;
    }
}
