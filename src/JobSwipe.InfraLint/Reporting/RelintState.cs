using System.Text.Json;
using System.Text.Json.Serialization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// What the MSBuild task's cache keeps beside a findings file to re-lint a changed file alone (<c>*.relint.json</c>,
/// read only when the findings file's fingerprint does not match): the run's <see cref="RelintableFiles"/>, the
/// fingerprint of the findings file it belongs to, and the <see cref="Partial"/> fingerprint that leaves those files'
/// contents out. A state of another <see cref="Version"/>, or of another findings file, is ignored.
/// </summary>
public sealed record RelintState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("partial")] string Partial,
    [property: JsonPropertyName("files")] IReadOnlyList<RelintFile> Files,
    [property: JsonPropertyName("suppressed")] IReadOnlyDictionary<string, int> InlineSuppressed,
    [property: JsonPropertyName("baselineSuppressed")] IReadOnlyDictionary<string, int> BaselineSuppressed)
{
    /// <summary>The format's version: a state written by another one is not read.</summary>
    public const int CurrentVersion = 1;

    private static readonly RelintStateJsonContext Json = new(new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });

    /// <summary>The state file beside a findings file.</summary>
    public static string PathFor(string findingsPath) => Path.ChangeExtension(findingsPath, ".relint.json");

    public static RelintState? TryRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var state = JsonSerializer.Deserialize(stream, Json.RelintState);
            return state is { Version: CurrentVersion, Files: not null, InlineSuppressed: not null, BaselineSuppressed: not null } ? state : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json.RelintState));
}

/// <summary>A re-lintable file as the run saw it: its kind and environment then, its size and last write time (ticks, UTC).</summary>
public sealed record RelintFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("ticks")] long Ticks)
{
    public static RelintFile From(WorkspaceFile file) => new(file.RelativePath, file.Kind.ToString(), file.Environment.ToString(), file.Length, file.LastWriteTimeUtc.Ticks);

    /// <summary>True when <paramref name="current"/> (the same path, discovered now) has another size or time.</summary>
    public bool HasChanged(WorkspaceFile current) => current.Length != Length || current.LastWriteTimeUtc.Ticks != Ticks;

    /// <summary>The file as the run saw it, with <paramref name="current"/>'s size and time; null when the state is not valid.</summary>
    public WorkspaceFile? Restore(WorkspaceFile current) =>
        Enum.TryParse<FileKind>(Kind, out var kind) && Enum.TryParse<FileEnvironment>(Environment, out var environment)
            ? current with { Kind = kind, Environment = environment }
            : null;
}

/// <summary>The compile-time JSON metadata of <see cref="RelintState"/>.</summary>
[JsonSerializable(typeof(RelintState))]
internal sealed partial class RelintStateJsonContext : JsonSerializerContext;
