using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Entrypoints;

namespace JobSwipe.InfraLint.Rules.Entrypoints;

/// <summary>JSI6002: the same process type of the same app starts different targets in different files.</summary>
public sealed class InconsistentEntrypointsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI6002", "Process started differently in different files",
        "the {0} process starts '{1}' here but '{2}' in {3}; start the same entrypoint everywhere", DiagnosticCategories.Entrypoints, DiagnosticSeverity.Warning,
        "The same process type (web, worker, beat) of the same app starts different modules in different files (Procfile, Dockerfile, Fly [processes], compose). At most one of them matches the code; the others start a different app or crash, depending on where the app is deployed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var resolver = new EntrypointResolver(ctx.Repository);
        var groups = ProcessEntrypoints.Collect(ctx.Repository)
            .Where(e => e.WorkingDirectory is not null && e.Kind != EntryTargetKind.PackageScript && !IsDevelopmentVariant(e))
            .GroupBy(e => (e.WorkingDirectory, e.ProcessType, Family(e)));
        foreach (var group in groups)
        {
            var entries = group.ToList();
            if (entries.Select(ModuleKey).Distinct(StringComparer.Ordinal).Count() < 2 || entries.Select(e => e.File.RelativePath).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            // The agreed target: one that resolves, named by the most files; the Procfile loses ties (it is the file most often left behind).
            string agreed = entries
                .GroupBy(ModuleKey, StringComparer.Ordinal)
                .OrderByDescending(g => g.Any(e => resolver.Problem(e) is null))
                .ThenByDescending(g => g.Select(e => e.File.RelativePath).Distinct(StringComparer.Ordinal).Count())
                .ThenBy(g => g.All(e => e.Source == EntrypointSource.Procfile))
                .First().Key;
            var reference = entries.Where(e => ModuleKey(e) == agreed).ToList();
            foreach (ProcessEntrypoint entry in entries.Where(e => ModuleKey(e) != agreed))
            {
                var other = reference[0];
                string where = $"{other.File.RelativePath}:{other.Text.GetSpan(other.TargetSpan).Start.Line}" + (reference.Count > 1 ? $" and {reference.Count - 1} other place(s)" : "");
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, Diagnostics.Location.Create(entry.File.RelativePath, entry.Text, entry.TargetSpan),
                    [.. reference.Select(r => Diagnostics.Location.Create(r.File.RelativePath, r.Text, r.TargetSpan))],
                    entry.ProcessType, entry.Display, other.Display, where));
            }
        }
    }

    // What is started, independent of how: 'app:app' (gunicorn) and 'app.py' (python) both run module app.
    private static string ModuleKey(ProcessEntrypoint e) => e.Kind == EntryTargetKind.PythonFile && e.Target.EndsWith(".py", StringComparison.Ordinal)
        ? e.Target[..^3].TrimStart('.', '/').Replace('/', '.')
        : e.Target;

    // Procfile.dev / Procfile.windows / Procfile.local start a development server on purpose; manage.py is Django's command
    // runner (runserver), not an app module to compare with a WSGI/ASGI entrypoint.
    private static bool IsDevelopmentVariant(ProcessEntrypoint e) =>
        (e.Source == EntrypointSource.Procfile && e.File.Name.StartsWith("Procfile.", StringComparison.Ordinal) && e.File.Name[9..] is "dev" or "development" or "windows" or "local" or "test")
        || (e.Kind == EntryTargetKind.PythonFile && e.Target.EndsWith("manage.py", StringComparison.Ordinal));

    private static string Family(ProcessEntrypoint e) => e.Kind switch
    {
        EntryTargetKind.NodeFile => "node",
        EntryTargetKind.PythonModule when e.Tool == "celery" => "celery",
        _ => "python",
    };
}
