using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>
/// JSI3001: two Fly configs deploy the same app; and, among them, one builds the repository root Dockerfile although
/// another builds a service-specific Dockerfile for the same app.
/// </summary>
public sealed class ConflictingFlyConfigsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3001", "Conflicting Fly configurations",
        "{0} conflicts with another Fly config: {1}; keep one config per app (delete or rename the other)", DiagnosticCategories.Fly, DiagnosticSeverity.Warning,
        "Two Fly configs deploy the same app (the same `app` name), so each deploy replaces the other's configuration; or, among configs of the same app, one builds the repository root Dockerfile although another builds the service's own Dockerfile. The finding is on the less specific config and names the other.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        foreach (var group in FlyApps.Load(ctx.Repository).Where(a => a.AppName is not null && !a.IsExampleOrTest).GroupBy(a => a.AppName!, StringComparer.Ordinal))
        {
            // The most specific config (deepest folder) is taken as the reference; the others are reported.
            var ordered = group.OrderByDescending(a => a.File.RelativePath.Count(c => c == '/')).ThenBy(a => a.File.RelativePath, StringComparer.Ordinal).ToList();
            if (ordered.Count < 2)
            {
                continue;
            }

            FlyApp first = ordered[0];
            foreach (FlyApp app in ordered.Skip(1))
            {
                // One conflict between two configs, one finding: the shared app name is where it is, a root Dockerfile
                // built where the other config builds the service's own is part of the same conflict.
                string message = $"it deploys app '{app.AppName}', like {FlyApps.Where(first, first.AppSpan)}; whichever is deployed last replaces the other's configuration";
                var others = new List<Location> { Location.Create(first.File.RelativePath, first.Config.Text, first.AppSpan) };
                string? mine = app.DockerfilePath;
                FlyApp? specific = ordered.FirstOrDefault(o => o.DockerfilePath is { } p && p != mine && p.Contains('/') && ctx.Repository.FileExists(p));
                if (mine is not null && !mine.Contains('/') && specific is not null)
                {
                    message += $"; and it builds the repository root {mine}, while {specific.File.RelativePath} builds the service's own {specific.DockerfilePath}";
                    if (app.Config.Build?.Dockerfile?.Value.Span is { } dockerfile)
                    {
                        others.Add(Location.Create(app.File.RelativePath, app.Config.Text, dockerfile));
                    }
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(app.File.RelativePath, app.Config.Text, app.AppSpan), others, app.File.RelativePath, message));
            }
        }
    });
}
