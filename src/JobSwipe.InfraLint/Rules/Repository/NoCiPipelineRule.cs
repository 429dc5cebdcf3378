using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7001: Dockerfiles, Fly configs or compose files but no CI/CD definition; reported at the first deployable file.</summary>
public sealed class NoCiPipelineRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.NoCiPipeline];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (evidence.Deployables.Count == 0 || evidence.CiFiles.Count > 0)
        {
            return;
        }

        ctx.ReportDiagnostic(DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptors.NoCiPipeline, Location.Repository, Describe(evidence)), ctx.Repository));
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
