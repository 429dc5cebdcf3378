using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5003: variable names that denote one setting (same canonical form: case and separators normalised, address
/// synonyms, DB/DATABASE and PASS/PWD/PASSWORD stems) spelled differently across the repository. One finding per
/// minority spelling at its first occurrence. Conservative: a group is dropped when one scope (an env file, a compose
/// service, a Fly config, a script, a source file) uses two of its spellings, since they are then distinct settings.
/// </summary>
public sealed class InconsistentVariableNameRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5003", "One setting under different names",
        "'{0}' ({1}) names the same setting as {2}; use one name everywhere", DiagnosticCategories.Secrets, DiagnosticSeverity.Warning,
        "Variable names across env files, compose environments, Fly [env], secrets scripts, Dockerfile ENV, deploy-script checks and application code that differ only by case, separators, an address synonym (URL, URI, ADDR, ADDRESS, ENDPOINT, with or without BASE) or a stem abbreviation (DB/DATABASE, PASS/PWD/PASSWORD) denote one setting. One finding per minority spelling, at its first occurrence, names the other spellings and their files.");

    private const int MaxFilesNamed = 4;

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var index = EnvironmentVariableIndex.For(ctx.Repository);

        // A root with its own compose, Fly, Docker or env files is one application; otherwise each top-level folder is a project.
        // Folders without deployables of their own (scripts/, docs/) belong to every project.
        bool singleProject = ctx.Repository.Files.Any(f => f.Directory.Length == 0 && f.Kind is Workspace.FileKind.Compose or Workspace.FileKind.FlyConfig or Workspace.FileKind.Dockerfile or Workspace.FileKind.DotEnv);
        var projectFolders = singleProject ? [] : ctx.Repository.Files
            .Where(f => f.Directory.Length > 0 && f.Kind is Workspace.FileKind.Compose or Workspace.FileKind.FlyConfig or Workspace.FileKind.Dockerfile)
            .Select(f => Project(f.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var projectByPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = index.ByName.Keys
            .Select(name => (Name: name, Canonical: VariableNames.Canonical(name)))
            .Where(p => p.Canonical is not null)
            .GroupBy(p => p.Canonical!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);

        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var spellings = group.Select(p => p.Name).ToList();
            var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
            bool sameScope = false;
            foreach (string name in spellings)
            {
                foreach (var occurrence in index.ByName[name])
                {
                    if (scopes.TryGetValue(occurrence.Scope, out string? other) && other != name)
                    {
                        sameScope = true;
                    }

                    scopes[occurrence.Scope] = name;
                }
            }

            // ENV DB_URL=${DATABASE_URL}: one spelling defined from another is a deliberate alias, not a drift.
            if (sameScope || IsAliasGroup(index, spellings))
            {
                continue;
            }

            var files = spellings.ToDictionary(n => n, n => index.ByName[n].Select(o => o.File.RelativePath).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var ranked = spellings
                .OrderByDescending(n => files[n].Count)
                .ThenBy(n => index.ByName[n][0].File.RelativePath, StringComparer.Ordinal)
                .ThenBy(n => index.ByName[n][0].Span.Start)
                .ToList();
            var projects = spellings.ToDictionary(n => n, n => index.ByName[n].Select(o => ProjectOf(o.File.RelativePath, projectFolders, projectByPath)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (string minority in ranked.Skip(1))
            {
                // Only spellings of one project: in a repository whose root deploys nothing, top-level folders with their own deployables are separate projects (a monorepo of samples).
                var related = ranked.Where(n => n != minority && Related(projects[n], projects[minority])).ToList();
                if (related.Count == 0 || ranked.IndexOf(related[0]) > ranked.IndexOf(minority))
                {
                    continue;
                }

                var first = index.ByName[minority][0];
                string others = string.Join(", ", related.Select(n => $"'{n}' ({Files(files[n])})"));
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, first.Location, minority, Files(files[minority]), others));
            }
        }
    });

    /// <summary>True when an occurrence of one spelling is defined from another (the rest of its line reads it).</summary>
    private static bool IsAliasGroup(EnvironmentVariableIndex index, List<string> spellings)
    {
        foreach (string name in spellings)
        {
            foreach (var occurrence in index.ByName[name])
            {
                if (IsAliasOf(occurrence, name, spellings))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsAliasOf(EnvironmentVariableOccurrence occurrence, string name, List<string> spellings)
    {
        string content = occurrence.Text.Content;
        int end = content.IndexOf('\n', occurrence.Span.End);
        var line = content.AsSpan(occurrence.Span.End, (end < 0 ? content.Length : end) - occurrence.Span.End);
        foreach (string other in spellings)
        {
            // Each form below holds the other spelling: most lines do not, and are looked at no further.
            if (other == name || !line.Contains(other, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = line.ToString();
            if (rest.Contains("${" + other + "}", StringComparison.Ordinal) || rest.Contains("${" + other + ":", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(rest, @"\$" + System.Text.RegularExpressions.Regex.Escape(other) + @"\b"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Project(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>The project folder of a path when it is one of <paramref name="folders"/>, else empty; once per path.</summary>
    private static string ProjectOf(string path, HashSet<string> folders, Dictionary<string, string> known)
    {
        if (!known.TryGetValue(path, out string? project))
        {
            project = Project(path);
            known[path] = project = folders.Contains(project) ? project : string.Empty;
        }

        return project;
    }

    private static bool Related(HashSet<string> a, HashSet<string> b) => a.Contains(string.Empty) || b.Contains(string.Empty) || a.Overlaps(b);

    private static string Files(List<string> files) =>
        "in " + string.Join(", ", files.Take(MaxFilesNamed)) + (files.Count > MaxFilesNamed ? $" and {files.Count - MaxFilesNamed} more" : string.Empty);
}
