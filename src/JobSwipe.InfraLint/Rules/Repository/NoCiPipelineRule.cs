using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7001: Dockerfiles, Fly configs or compose files but no CI/CD definition; reported at the first deployable file.</summary>
public sealed class NoCiPipelineRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7001", "No CI/CD pipeline",
        "the repository holds deployable infrastructure ({0}) but no CI/CD pipeline; add one (for example .github/workflows/ci.yml) that tests, builds and deploys", DiagnosticCategories.Repository, DiagnosticSeverity.Warning,
        "Dockerfiles, Fly configs or compose files exist but no CI/CD definition does: GitHub Actions workflows, .gitlab-ci.yml, azure-pipelines*.yml, .circleci/, Jenkinsfile, bitbucket-pipelines.yml, .buildkite/, .travis.yml, .drone.yml, .woodpecker.yml, cloudbuild.yaml, appveyor.yml, codemagic.yaml or bitrise.yml.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (evidence.Deployables.Count == 0 || evidence.CiFiles.Count > 0)
        {
            return;
        }

        ctx.ReportDiagnostic(DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptor, Location.Repository, Describe(evidence)), ctx.Repository));
    });

    internal static string Describe(RepositoryEvidence evidence)
    {
        var parts = new List<string>();
        Add(parts, evidence.Dockerfiles.Count, "Dockerfile");
        Add(parts, evidence.FlyConfigs.Count, "Fly config");
        Add(parts, evidence.ComposeFiles.Count, "compose file");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(count == 1 ? $"1 {noun}" : $"{count} {noun}s");
        }
    }
}
