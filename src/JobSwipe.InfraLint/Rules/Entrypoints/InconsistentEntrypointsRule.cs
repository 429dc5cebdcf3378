using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules.Entrypoints;

/// <summary>JSI6002: the same process type of the same app starts different targets in different files.</summary>
public sealed class InconsistentEntrypointsRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.InconsistentEntrypoints];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var resolver = new EntrypointResolver(ctx.Repository);
        var groups = ProcessEntrypoints.Collect(ctx.Repository)
            .Where(e => e.WorkingDirectory is not null && e.Kind != EntryTargetKind.PackageScript)
            .GroupBy(e => (e.WorkingDirectory, e.ProcessType, Family(e)));
        foreach (var group in groups)
        {
            var entries = group.ToList();
            if (entries.Select(e => e.Display).Distinct(StringComparer.Ordinal).Count() < 2 || entries.Select(e => e.File.RelativePath).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            // The agreed target: one that resolves, named by the most files; the Procfile loses ties (it is the file most often left behind).
            string agreed = entries
                .GroupBy(e => e.Display, StringComparer.Ordinal)
                .OrderByDescending(g => g.Any(e => resolver.Problem(e) is null))
                .ThenByDescending(g => g.Select(e => e.File.RelativePath).Distinct(StringComparer.Ordinal).Count())
                .ThenBy(g => g.All(e => e.Source == EntrypointSource.Procfile))
                .First().Key;
            var reference = entries.Where(e => e.Display == agreed).ToList();
            foreach (ProcessEntrypoint entry in entries.Where(e => e.Display != agreed))
            {
                var other = reference[0];
                string where = $"{other.File.RelativePath}:{other.Text.GetSpan(other.TargetSpan).Start.Line}" + (reference.Count > 1 ? $" and {reference.Count - 1} other place(s)" : "");
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.InconsistentEntrypoints, Diagnostics.Location.Create(entry.File.RelativePath, entry.Text, entry.TargetSpan),
                    [.. reference.Select(r => Diagnostics.Location.Create(r.File.RelativePath, r.Text, r.TargetSpan))],
                    entry.ProcessType, entry.Display, agreed, where));
            }
        }
    }

    private static string Family(ProcessEntrypoint e) => e.Kind switch
    {
        EntryTargetKind.NodeFile => "node",
        EntryTargetKind.PythonModule when e.Tool == "celery" => "celery",
        _ => "python",
    };
}
