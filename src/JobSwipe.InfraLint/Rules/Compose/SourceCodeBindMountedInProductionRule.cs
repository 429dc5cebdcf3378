using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2012: in a production compose file, a bind mount whose source is a folder of the repository holding source code,
/// or the service's own build context (or a folder inside it). Mounting a single file (an nginx.conf) or a folder without
/// code (config, certificates, static assets) is not this rule.
/// </summary>
public sealed class SourceCodeBindMountedInProductionRule : InfraAnalyzer
{
    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".rb", ".go", ".java", ".kt", ".cs", ".fs", ".php", ".ex", ".exs", ".rs", ".scala", ".dart", ".swift",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.SourceCodeBindMountedInProduction];

    // A repository action: the folders holding code are indexed once, then every production compose file is checked.
    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext context)
    {
        var repository = context.Repository;
        var composeFiles = repository.GetFiles(FileKind.Compose).Where(f => f.Environment == FileEnvironment.Production).ToList();
        if (composeFiles.Count == 0)
        {
            return;
        }

        var codeFolders = IndexCodeFolders(repository);
        foreach (var file in composeFiles)
        {
            if (repository.GetModel<ComposeFile>(file) is not { } compose)
            {
                continue;
            }

            foreach (var service in compose.Services)
            {
                string? buildContext = service.Build?.Context?.Value is { } contextPath ? Repository.Combine(file.Directory, contextPath) : null;
                foreach (var volume in service.Volumes)
                {
                    if (volume.Kind != ComposeVolumeKind.Bind || volume.Source is not { } source || source.Value.Contains('$', StringComparison.Ordinal)
                        || source.Value.StartsWith('/') || source.Value.StartsWith('~'))
                    {
                        continue;
                    }

                    string? folder = Repository.Combine(file.Directory, source.Value);
                    if (folder is null || repository.GetFile(folder) is not null || !repository.DirectoryExists(folder))
                    {
                        continue;
                    }

                    if (codeFolders.Contains(folder) || folder == buildContext)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SourceCodeBindMountedInProduction,
                            Location.Create(file.RelativePath, compose.Text, source.Span),
                            service.Name,
                            source.Value,
                            volume.Target?.Value ?? "?"));
                    }
                }
            }
        }
    }

    /// <summary>Every folder (relative, '/' separated; "" for the root) that contains a source file at any depth.</summary>
    private static HashSet<string> IndexCodeFolders(Repository repository)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in repository.Files)
        {
            if (!CodeExtensions.Contains(Path.GetExtension(file.Name)))
            {
                continue;
            }

            string directory = file.Directory;
            while (folders.Add(directory) && directory.Length > 0)
            {
                int slash = directory.LastIndexOf('/');
                directory = slash < 0 ? string.Empty : directory[..slash];
            }
        }

        return folders;
    }
}
