using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Compose;

/// <summary>Small shared judgements of the compose rules: image names, overlay files, the names a file can rely on.</summary>
internal static class ComposeFacts
{
    /// <summary>A service that only overrides another file's service (no image, no build, no extends).</summary>
    public static bool IsPartial(ComposeService service) => service.Image is null && service.Build is null && service.Extends is null;

    /// <summary>
    /// A file meant to be merged over another (<c>docker-compose.override.yml</c>, or one with partial services): what it
    /// refers to may be defined in its sibling compose files.
    /// </summary>
    public static bool IsOverlay(string fileName, ComposeDocument model) =>
        fileName.Contains("override", StringComparison.OrdinalIgnoreCase) || model.Services.Any(IsPartial);

    /// <summary>
    /// The compose files whose definitions this file can use: itself, the files it <c>include</c>s, and the files it is
    /// used together with (<see cref="ComposeProjects"/>).
    /// </summary>
    public static IReadOnlyList<ComposeDocument> Scope(Repository repository, WorkspaceFile file, ComposeDocument model) =>
        ComposeProjects.For(repository).Scope(repository, file, model);

    /// <summary>
    /// The project a fragment in a sub-folder most likely belongs to when the repository does not show how it is merged
    /// (<see cref="ComposeProjects.FindCandidateProject"/>): a name only that project defines is a warning, not an error.
    /// </summary>
    public static CandidateProject? FindCandidateProject(Repository repository, WorkspaceFile file, ComposeDocument model) =>
        ComposeProjects.For(repository).FindCandidateProject(repository, file, model);

    /// <summary>
    /// For messages about a name only a fragment's candidate project defines: <c> in this file, only in docker-compose.yml,
    /// which nothing here merges this file with</c>.
    /// </summary>
    public static string CandidateClause(CandidateProject project) =>
        $" in this file, only in {string.Join(", ", project.Bases)}, which nothing in the repository merges this file with";

    /// <summary>
    /// For messages about an undefined name: <c> in this file or the files it is used with (a.yml, b.yml)</c>, or empty
    /// when the file is used alone.
    /// </summary>
    public static string CombinedFilesClause(Repository repository, WorkspaceFile file) =>
        ComposeProjects.For(repository).CombinedWith(file.RelativePath) is { Count: > 0 } others
            ? $" in this file or the files it is used with ({string.Join(", ", others)})"
            : string.Empty;

    /// <summary>
    /// True when the file includes something the repository cannot show (an interpolated path, a file outside it or
    /// of another name): what it defines is then unknown, and rules about undefined names stay quiet.
    /// </summary>
    public static bool HasUnresolvedInclude(Repository repository, WorkspaceFile file, ComposeDocument model) =>
        model.Include.Any(include => include.Value.Contains('$', StringComparison.Ordinal)
            || Workspace.Repository.Combine(file.Directory, include.Value) is not { } path
            || repository.GetFile(path) is not { } included
            || repository.GetModel<ComposeDocument>(included) is null);

    /// <summary>True for booleans written as true in compose/env values.</summary>
    public static bool IsTrue(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "y";

    public static bool IsFalse(string? value) => value?.Trim().ToLowerInvariant() is "0" or "false" or "no" or "off" or "n";

    /// <summary>The 1-based line of a span, for messages that name another place in the file.</summary>
    public static int Line(ComposeDocument model, TextSpan span) => model.Text.GetPosition(span.Start).Line;
}
