using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.DockerIgnore;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Syntax.Procfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Workspace;

/// <summary>A model, or the syntax errors that kept one from being built.</summary>
public sealed record ParsedModel(ISyntaxModel? Model, IReadOnlyList<SyntaxError> Errors);

/// <summary>Which parser reads which kind of file. The engine registers every built-in parser here.</summary>
public static class ParserRegistry
{
    private static readonly Dictionary<FileKind, Func<SourceText, WorkspaceFile, ParsedModel>> Parsers = new()
    {
        [FileKind.Dockerfile] = ParseDockerfile,
        [FileKind.Compose] = From(ComposeParser.Parse),
        [FileKind.CiWorkflow] = ParseCiWorkflow,
        [FileKind.FlyConfig] = From(FlyConfigParser.Parse),
        [FileKind.ShellScript] = From<ShellScript>(ShellParser.Parse),
        [FileKind.DotEnv] = From(DotEnvParser.Parse),
        [FileKind.Procfile] = From(ProcfileParser.Parse),
        [FileKind.DockerIgnore] = From(DockerIgnoreParser.Parse),
        [FileKind.DependencyManifest] = ParseManifest,
    };

    public static bool CanParse(FileKind kind) => Parsers.ContainsKey(kind);

    /// <summary>Parses a file's text. Parsers never throw; should one do so, the exception becomes a syntax error here.</summary>
    public static ParsedModel Parse(SourceText text, WorkspaceFile file)
    {
        if (!Parsers.TryGetValue(file.Kind, out var parse))
        {
            return new ParsedModel(null, []);
        }

        try
        {
            return parse(text, file);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParsedModel(null, [new SyntaxError($"the parser failed unexpectedly ({ex.GetType().Name}); please report this file's shape", new TextSpan(0, 0))]);
        }
    }

    /// <summary>
    /// A Dockerfile whose last line ends in the escape character is valid, as BuildKit's parser has it (the instruction
    /// simply ends there); its syntax errors are the parser's.
    /// </summary>
    private static ParsedModel ParseDockerfile(SourceText text, WorkspaceFile file)
    {
        var result = DockerfileParser.Parse(text);
        return new ParsedModel(result.Model, result.Errors);
    }

    private static ParsedModel ParseCiWorkflow(SourceText text, WorkspaceFile file)
    {
        string path = file.RelativePath.ToLowerInvariant();
        string name = file.Name.ToLowerInvariant();
        CiKind? kind = path.Contains(".github/workflows/", StringComparison.Ordinal) ? CiKind.GitHubActions
            : name.StartsWith(".gitlab-ci", StringComparison.Ordinal) ? CiKind.GitLabCi
            : name.StartsWith("azure-pipelines", StringComparison.Ordinal) ? CiKind.AzurePipelines
            : null;
        return kind is { } k ? From<CiPipeline>(t => CiWorkflowParser.Parse(t, k))(text, file) : new ParsedModel(null, []);
    }

    private static ParsedModel ParseManifest(SourceText text, WorkspaceFile file)
    {
        string name = file.Name.ToLowerInvariant();
        return name switch
        {
            "package.json" => From(PackageJsonParser.Parse)(text, file),
            "pyproject.toml" => From(PyprojectParser.Parse)(text, file),
            "pipfile" => From(PipfileParser.Parse)(text, file),
            _ => From<RequirementsManifest>(t => RequirementsParser.Parse(t, isDev: name.Contains("dev", StringComparison.Ordinal) || name.Contains("test", StringComparison.Ordinal)))(text, file),
        };
    }

    private static Func<SourceText, WorkspaceFile, ParsedModel> From<T>(Func<SourceText, ParseResult<T>> parser)
        where T : class, ISyntaxModel =>
        (text, _) =>
        {
            var result = parser(text);
            return new ParsedModel(result.Model, result.Errors);
        };
}
