using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Syntax.Python;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Entrypoints;

namespace JobSwipe.InfraLint.Rules.Entrypoints;

/// <summary>JSI6001: an entrypoint names a module, name or file that does not exist from its working directory.</summary>
public sealed class EntrypointTargetMissingRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI6001", "Entrypoint names a missing module or file",
        "'{0}' starts {1}: {2}{3}", DiagnosticCategories.Entrypoints, DiagnosticSeverity.Error,
        "A process entrypoint (Procfile, Dockerfile CMD/ENTRYPOINT, Fly [processes], compose command) names a module or file that does not exist from its working directory: uvicorn/gunicorn 'module:app' with no such module or no such name in it, celery -A with no such module, python -m/python file.py, node file.js that no build produces, npm start with no such script. The process crashes on start.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var resolver = new EntrypointResolver(ctx.Repository);

        // The same missing target started from several files (Procfile and Dockerfile CMD) is one problem: at the first,
        // the others as additional locations.
        var problems = new Dictionary<string, (Location Location, object?[] Arguments, List<Location> Others)>(StringComparer.Ordinal);
        foreach (ProcessEntrypoint entry in ProcessEntrypoints.Collect(ctx.Repository))
        {
            if (resolver.Problem(entry) is not { } problem)
            {
                continue;
            }

            string where = entry.WorkingDirectory is { Length: > 0 } d ? $"the working directory '{d}/'" : "the repository root (the working directory)";
            string suggestion = resolver.Suggest(entry) is { } s ? $"; did you mean '{s.Display}' ({s.Path})?" : "";
            var location = Location.Create(entry.File.RelativePath, entry.Text, entry.TargetSpan);
            object?[] arguments = [entry.Tool, Describe(entry), problem.Replace("{where}", where, StringComparison.Ordinal), suggestion];
            string key = string.Join('\u0001', arguments.Skip(1));
            if (problems.TryGetValue(key, out var known))
            {
                known.Others.Add(location);
                continue;
            }

            problems[key] = (location, arguments, []);
        }

        foreach (var (location, arguments, others) in problems.Values)
        {
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, location, others, arguments));
        }
    }

    private static string Describe(ProcessEntrypoint e) => e.Kind switch
    {
        EntryTargetKind.PythonModuleAttribute => $"'{e.Display}'",
        EntryTargetKind.PythonModule => $"module '{e.Target}'",
        EntryTargetKind.PackageScript => $"package script '{e.Target}'",
        _ => $"'{e.Target}'",
    };
}
