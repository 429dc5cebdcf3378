using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>Where an analyzer registers its actions (see <see cref="InfraAnalyzer.Initialize"/>).</summary>
public sealed class AnalysisContext
{
    private readonly List<FileActionRegistration> _fileActions = [];
    private readonly List<Action<RepositoryAnalysisContext>> _repositoryActions = [];
    private readonly List<PerFileActionRegistration> _perFileActions = [];

    internal AnalysisContext(InfraAnalyzer analyzer)
    {
        Analyzer = analyzer;
    }

    internal InfraAnalyzer Analyzer { get; }

    internal IReadOnlyList<FileActionRegistration> FileActions => _fileActions;

    internal IReadOnlyList<Action<RepositoryAnalysisContext>> RepositoryActions => _repositoryActions;

    internal IReadOnlyList<PerFileActionRegistration> PerFileActions => _perFileActions;

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

    /// <summary>
    /// Runs <paramref name="action"/> once for each file, of any kind, that <paramref name="select"/> chooses
    /// (<paramref name="select"/> is called once per run and may use the repository's facts), in parallel. The action
    /// reads its file itself (<see cref="Repository.ReadText"/>) and reports in that file only, from nothing but that
    /// file's path, kind, environment and contents: the MSBuild task's cache relies on it to re-run the action on a
    /// changed file alone. The engine checks what it can (an action that reads another file or asks for a fact, or
    /// reports elsewhere, is not re-run alone); the rest is the rule's contract.
    /// </summary>
    public void RegisterPerFileAction(Func<Repository, Func<WorkspaceFile, bool>> select, Action<RepositoryAnalysisContext, WorkspaceFile> action)
    {
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(action);
        _perFileActions.Add(new PerFileActionRegistration(select, action));
    }

    internal sealed record PerFileActionRegistration(Func<Repository, Func<WorkspaceFile, bool>> Select, Action<RepositoryAnalysisContext, WorkspaceFile> Action);

    internal sealed record FileActionRegistration(
        FileKind Kind,
        Type ModelType,
        Action<WorkspaceFile, ISyntaxModel, Repository, Action<Diagnostics.Diagnostic>> Invoke);
}
