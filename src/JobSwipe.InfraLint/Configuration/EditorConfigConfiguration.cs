using System.Collections.Concurrent;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>
/// The engine's configuration from <c>.editorconfig</c>: the files found under the root and those above it up to the
/// nearest <c>root = true</c>, resolved per file as Roslyn does. Problems become JSI0002 findings.
/// </summary>
public sealed class EditorConfigConfiguration : IAnalyzerConfiguration
{
    private readonly EditorConfigSet _set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptions> _options = new(StringComparer.Ordinal);

    private EditorConfigConfiguration(EditorConfigSet set, IReadOnlyList<Diagnostic> problems)
    {
        _set = set;
        Problems = problems;
    }

    public IReadOnlyList<Diagnostic> Problems { get; }

    public static IAnalyzerConfiguration Load(string root, IReadOnlyList<WorkspaceFile> files, IReadOnlySet<string> knownIds)
    {
        var set = EditorConfigSet.Discover(root, files.Where(f => f.Kind == FileKind.EditorConfig).Select(f => f.FullPath));
        var problems = set.Validate(knownIds)
            .Select(p => Diagnostic.Create(
                EngineDescriptors.InvalidConfiguration,
                new Location(Path.GetRelativePath(root, p.Path).Replace('\\', '/'), p.LineSpan),
                p.Message))
            .ToList();
        return new EditorConfigConfiguration(set, problems);
    }

    public bool TryGetSeverity(string fullPath, DiagnosticDescriptor descriptor, out DiagnosticSeverity severity) =>
        Get(fullPath).TryGetSeverity(descriptor.Id, descriptor.Category, isEnabledByDefault: true, out severity, out _);

    public FileEnvironment? GetEnvironment(string fullPath) =>
        Get(fullPath).TryGetEnvironment(out var environment) ? environment : null;

    private AnalyzerConfigOptions Get(string fullPath) => _options.GetOrAdd(fullPath, _set.GetAnalyzerConfigOptions);
}
