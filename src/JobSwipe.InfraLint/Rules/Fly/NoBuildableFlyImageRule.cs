using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>
/// JSI3002: a Fly config with no buildable image of its own: its [build].dockerfile is missing; it names no image,
/// Dockerfile or builder and has no Dockerfile next to it; or it has no build configuration while the Dockerfile next
/// to it is the one another app's config builds (it would deploy that app's image).
/// </summary>
public sealed class NoBuildableFlyImageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3002", "Fly app has no buildable image of its own",
        "{0} has no buildable image of its own: {1}", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "A Fly config whose `fly deploy` cannot build the intended image: its [build] dockerfile does not exist; it names no image, dockerfile or builder and has no Dockerfile next to it; or it has no build configuration while the Dockerfile next to it is the one another app's config builds, so it would deploy that app's image.");

    private static readonly string[] DefaultDockerfiles = ["Dockerfile", "dockerfile", "Containerfile"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];


    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        IReadOnlyList<FlyApp> apps = FlyApps.Load(ctx.Repository);

        // Which apps build each Dockerfile explicitly ([build] dockerfile or another strategy written).
        var builders = new Dictionary<string, List<FlyApp>>(StringComparer.Ordinal);
        foreach (FlyApp app in apps.Where(a => a.HasBuildStrategy && a.DockerfilePath is not null))
        {
            if (!builders.TryGetValue(app.DockerfilePath!, out var list))
            {
                builders[app.DockerfilePath!] = list = [];
            }

            list.Add(app);
        }

        foreach (FlyApp app in apps)
        {
            void Report(Text.TextSpan span, string message, bool lowered = false)
            {
                var finding = Diagnostic.Create(Descriptor, Location.Create(app.File.RelativePath, app.Config.Text, span), app.File.Name, message);
                ctx.ReportDiagnostic(lowered ? finding.Lowered() : finding);
            }

            string? path = app.DockerfilePath;
            if (app.Config.Build?.Dockerfile is { } written && path is not null)
            {
                if (!ctx.Repository.FileExists(path))
                {
                    Report(written.Value.Span, $"[build] dockerfile names {path}, which does not exist (the path is relative to the config's folder); fix the path or add the Dockerfile");
                }

                continue;
            }

            if (app.HasBuildStrategy || path is null)
            {
                continue;
            }

            string? existing = DefaultDockerfiles.Select(n => Repository.Combine(app.File.Directory, n)).FirstOrDefault(p => p is not null && ctx.Repository.FileExists(p));
            if (existing is null)
            {
                // A reference config: no app name and nothing in the repository runs `fly deploy` (a template that
                // `fly launch` or `fly pg create` fills in, the image given on their command line). Info, not an error.
                Report(app.AppSpan, $"it has no [build] image, dockerfile or builder and there is no Dockerfile next to it, so `fly deploy` has nothing to build; set [build] image = \"…\" (a prebuilt image) or dockerfile = \"…\"",
                    lowered: app.AppName is null && !DeploymentContext.RunsFlyDeploy(ctx.Repository));
                continue;
            }

            if (app.IsEnvironmentVariant || !builders.TryGetValue(existing, out var others))
            {
                continue;
            }

            FlyApp? other = others.FirstOrDefault(o => !ReferenceEquals(o, app) && !o.IsEnvironmentVariant && o.BaseName is not null && !string.Equals(o.BaseName, app.BaseName, StringComparison.Ordinal));
            if (other is not null)
            {
                Report(app.AppSpan, $"it has no [build] section, so `fly deploy` would build {existing}, which {other.File.RelativePath} builds for app '{other.AppName}'; this app would deploy that app's image. Set [build] image = \"…\" (for example the official image) or a dockerfile of its own");
            }
        }
    });
}
