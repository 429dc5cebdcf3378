using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>Where an analyzer registers its actions (see <see cref="InfraAnalyzer.Initialize"/>).</summary>
public sealed class AnalysisContext
{
    private readonly List<FileActionRegistration> _fileActions = [];
    private readonly List<Action<RepositoryAnalysisContext>> _repositoryActions = [];

    internal AnalysisContext(InfraAnalyzer analyzer)
    {
        Analyzer = analyzer;
    }

    internal InfraAnalyzer Analyzer { get; }

    internal IReadOnlyList<FileActionRegistration> FileActions => _fileActions;

    internal IReadOnlyList<Action<RepositoryAnalysisContext>> RepositoryActions => _repositoryActions;

    /// <summary>
    /// Runs <paramref name="action"/> once for every file of <paramref name="kind"/> whose model parsed without errors.
    /// <typeparamref name="TModel"/> is the kind's model type (for example <c>ComposeDocument</c> for <see cref="FileKind.Compose"/>).
    /// </summary>
    public void RegisterFileAction<TModel>(FileKind kind, Action<FileAnalysisContext<TModel>> action)
        where TModel : class, ISyntaxModel
    {
        ArgumentNullException.ThrowIfNull(action);
        _fileActions.Add(new FileActionRegistration(kind, typeof(TModel), (file, model, repository, report) =>
        {
            if (model is TModel typed)
            {
                action(new FileAnalysisContext<TModel>(Analyzer, file, typed, repository, report));
            }
        }));
    }

    /// <summary>Runs <paramref name="action"/> once per run with the whole repository, for cross-file rules.</summary>
    public void RegisterRepositoryAction(Action<RepositoryAnalysisContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _repositoryActions.Add(action);
    }

    internal sealed record FileActionRegistration(
        FileKind Kind,
        Type ModelType,
        Action<WorkspaceFile, ISyntaxModel, Repository, Action<Diagnostics.Diagnostic>> Invoke);
}
