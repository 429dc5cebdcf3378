using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2011: <c>depends_on: x: condition: service_healthy</c> where x has no healthcheck: none in the compose service
/// (or one disabled) and, for a built service, no HEALTHCHECK in the built stage of its Dockerfile (following
/// <c>FROM &lt;stage&gt;</c> within the file). A healthcheck the image might bring is only ruled out for docker-library
/// official images, which ship none by policy; for any other image, a remote build context or a Dockerfile outside the
/// repository the rule stays quiet. Points at <c>service_healthy</c>.
/// </summary>
public sealed class HealthyConditionWithoutHealthcheckRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2011", "Waiting for a health status that never comes",
        "service '{0}' waits for '{1}' to be healthy, but '{1}' has no healthcheck ({2}); add a healthcheck to '{1}' or use condition: service_started", DiagnosticCategories.Compose, DiagnosticSeverity.Error,
        "depends_on with condition: service_healthy needs a healthcheck on the dependency, in the compose file or its image's Dockerfile. Without one Compose refuses to start the dependent service.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        foreach (var service in context.Model.Services)
        {
            services[service.Name] = service;
        }

        var verdicts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var service in context.Model.Services)
        {
            foreach (var dependency in service.DependsOn)
            {
                if (dependency.Condition is not { Value: "service_healthy" } condition || !services.TryGetValue(dependency.Service.Value, out var target))
                {
                    continue;
                }

                if (!verdicts.TryGetValue(target.Name, out string? missing))
                {
                    // A healthcheck a file merged with this one gives the service counts (the override adds it).
                    bool elsewhere = ComposeProjects.For(context.Repository).OtherDefinitions(context.File, target.Name).Any(d => d.Find("healthcheck") is not null);
                    verdicts[target.Name] = missing = elsewhere ? null : WhyNoHealthcheck(context, target);
                }

                if (missing is not null)
                {
                    context.Report(Descriptor, condition.Span, service.Name, target.Name, missing);
                }
            }
        }
    }

    /// <summary>Why the service certainly has no healthcheck, or null when it has one or the rule cannot know.</summary>
    private static string? WhyNoHealthcheck(FileAnalysisContext<ComposeDocument> context, ComposeService service)
    {
        if (service.Healthcheck is { } healthcheck)
        {
            bool disabled = healthcheck.Disable || healthcheck.Test?.Arguments.FirstOrDefault() == "NONE";
            return disabled ? "its healthcheck is disabled" : null;
        }

        if (service.Extends is not null || service.Mapping is null || service.Find("healthcheck") is not null)
        {
            return null;
        }

        if (service.Build is { } build)
        {
            return FromDockerfile(context, build);
        }

        if (ImageReference.Parse(service.Image?.Value) is { IsOfficial: true } image)
        {
            return $"none in the service, and the official image {image.Name} defines none";
        }

        return null;
    }

    private static string? FromDockerfile(FileAnalysisContext<ComposeDocument> context, ComposeBuild build)
    {
        string contextPath = build.Context?.Value ?? ".";
        if (contextPath.Contains("://", StringComparison.Ordinal) || contextPath.StartsWith("git@", StringComparison.Ordinal) || contextPath.Contains('$', StringComparison.Ordinal)
            || (build.Node is YamlMapping m && m["dockerfile_inline"] is not null))
        {
            return null;
        }

        string dockerfileName = build.Dockerfile?.Value ?? "Dockerfile";
        if (Repository.Combine(context.File.Directory, contextPath) is not { } directory || Repository.Combine(directory, dockerfileName) is not { } path
            || context.Repository.GetFile(path) is not { } file || context.Repository.GetModel<DockerfileDocument>(file) is not { } dockerfile)
        {
            return null;
        }

        var stage = build.Target is { } target ? dockerfile.FindStage(target.Value.ToLowerInvariant()) : dockerfile.FinalStage;
        if (stage is null)
        {
            return null;
        }

        if (dockerfile.InheritedNewestFirst(stage).FirstOrDefault(i => i.Kind == DockerInstructionKind.Healthcheck) is { } instruction)
        {
            return string.Equals((instruction as CommandInstruction)?.HealthcheckType?.Text, "NONE", StringComparison.OrdinalIgnoreCase) ? $"{path} sets HEALTHCHECK NONE" : null;
        }

        return ImageReference.Parse(dockerfile.RootFrom(stage).Image?.Text) is { IsOfficial: true } image ? $"none in the service or in {path}, whose base image {image.Name} defines none" : null;
    }
}

