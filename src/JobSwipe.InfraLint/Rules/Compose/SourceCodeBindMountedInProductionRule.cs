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
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2012", "Source code bind-mounted in production",
        "service '{0}' bind-mounts the source folder '{1}' over '{2}' in a production file; the container then runs whatever is on the host, not the code its image was built and tested with; COPY the code in the Dockerfile and remove the mount", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A production compose file bind-mounts a folder of the repository that holds source code (or the service's own build context) into the container. Convenient for live reloading in development; in production the image's code is silently replaced by the host's checkout.");

    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".rb", ".go", ".java", ".kt", ".cs", ".fs", ".php", ".ex", ".exs", ".rs", ".scala", ".dart", ".swift",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

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
            if (repository.GetModel<ComposeDocument>(file) is not { } compose)
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
                            Descriptor,
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
