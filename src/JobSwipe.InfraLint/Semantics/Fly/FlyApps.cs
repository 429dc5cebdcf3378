using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Fly;

/// <summary>One parsed Fly config and what it deploys.</summary>
internal sealed record FlyApp(WorkspaceFile File, FlyConfig Config)
{
    public string? AppName => Config.App?.Value.AsString() is { Length: > 0 } name ? name : null;

    /// <summary>Whether [build] names a way to get an image: image, dockerfile, builder, buildpacks, builtin or compose.</summary>
    public bool HasBuildStrategy => Config.Build is { } b && (b.Image ?? b.Dockerfile ?? b.Builder ?? b.Buildpacks ?? b.Builtin) is not null || Config.Build?.Compose is not null;

    /// <summary>Whether it deploys something other than a Dockerfile (a prebuilt image, buildpacks, builtin, compose).</summary>
    public bool UsesNonDockerfileBuild => Config.Build is { } b && ((b.Image ?? b.Builder ?? b.Buildpacks ?? b.Builtin) is not null || b.Compose is not null);

    /// <summary>The repository path of the Dockerfile flyctl builds (explicit or the default next to the config); null for other strategies or URLs.</summary>
    public string? DockerfilePath
    {
        get
        {
            if (UsesNonDockerfileBuild)
            {
                return null;
            }

            string? written = Config.Build?.Dockerfile?.Value.AsString();
            if (written is not null && written.Contains("://", StringComparison.Ordinal))
            {
                return null;
            }

            // flyctl joins the path to the config's folder (filepath.Join), so a leading '/' is still relative to it.
            return Repository.Combine(File.Directory, string.IsNullOrWhiteSpace(written) ? "Dockerfile" : written.TrimStart('/'));
        }
    }

    /// <summary>Where to point for the app as a whole: the <c>app</c> value, or the start of the file.</summary>
    public TextSpan AppSpan => Config.App?.Value.Span ?? new TextSpan(0, 0);

    /// <summary>The app name without an environment suffix (<c>shop-staging</c> → <c>shop</c>).</summary>
    public string? BaseName => AppName is { } n ? FlyApps.EnvironmentSuffix().Replace(n, string.Empty) : null;

    /// <summary>Whether the config sits in an example, sample, test or hidden folder (not one the project deploys as such).</summary>
    public bool IsExampleOrTest => File.RelativePath.Split('/')[..^1].Any(segment =>
        segment.StartsWith('.') || segment.ToLowerInvariant() is "example" or "examples" or "sample" or "samples" or "demo" or "demos" or "test" or "tests" or "testdata" or "fixtures" or "templates");

    /// <summary>Whether the file name marks an environment variant (<c>fly.staging.toml</c>, <c>fly-production.toml</c>).</summary>
    public bool IsEnvironmentVariant => FlyApps.EnvironmentFileName().IsMatch(File.Name);
}

/// <summary>The repository's Fly configs, indexed once per repository action.</summary>
internal static partial class FlyApps
{
    public static IReadOnlyList<FlyApp> Load(Repository repository) =>
        [.. repository.GetFiles(FileKind.FlyConfig)
            .Select(f => (File: f, Model: repository.GetModel<FlyConfig>(f)))
            .Where(p => p.Model is not null)
            .Select(p => new FlyApp(p.File, p.Model!))
            .OrderBy(a => a.File.RelativePath, StringComparer.Ordinal)];

    /// <summary>Where a span is, as "path:line".</summary>
    public static string Where(FlyApp app, TextSpan span) => $"{app.File.RelativePath}:{app.Config.Text.GetSpan(span).Start.Line}";

    [GeneratedRegex(@"[-_](staging|stage|stg|production|prod|prd|dev|development|preview|pr-?\d+|test|qa|uat|demo|canary|review)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex EnvironmentSuffix();

    [GeneratedRegex(@"^(fly[._-](staging|stage|stg|production|prod|prd|dev|development|preview|test|qa|uat|demo|review|local|ci)\.toml|(staging|stage|production|prod|dev|preview|test|qa|review)[._-]fly\.toml)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex EnvironmentFileName();

    /// <summary>Any health check that covers the app: service checks, [[http_service.checks]] or top-level [checks].</summary>
    public static bool HasAnyCheck(FlyConfig config) =>
        config.Checks.Count > 0 || config.HttpService?.Checks.Count > 0 || config.Services.Any(s => s.Checks.Count > 0);

    /// <summary>The first service section (for pointing at it).</summary>
    public static TextSpan? ServiceSpan(FlyConfig config) =>
        config.HttpService?.Table.HeaderKey?.Span ?? config.Services.FirstOrDefault()?.Table.HeaderKey?.Span;

}
