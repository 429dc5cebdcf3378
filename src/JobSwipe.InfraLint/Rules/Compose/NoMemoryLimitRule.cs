using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2004: a service with neither <c>deploy.resources.limits.memory</c> nor <c>mem_limit</c>. Services that extend
/// another or only override a service of another file (no image, no build) are left alone: their limit lives elsewhere.
/// </summary>
public sealed class NoMemoryLimitRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.NoMemoryLimit];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeFile>(FileKind.Compose, Analyze);

    private static bool HasLimit(ComposeService service) => service.Resources?.LimitsMemory is not null || service.MemLimit is not null;

    private static void Analyze(FileAnalysisContext<ComposeFile> context)
    {
        foreach (var service in context.Model.Services)
        {
            if (service.Mapping is null || service.Extends is not null || ComposeFacts.IsPartial(service))
            {
                continue;
            }

            // One merged service, one finding: a limit set by a file it is merged with counts, and a service an add-on
            // redefines is reported in the base file only.
            var projects = ComposeProjects.For(context.Repository);
            if (!HasLimit(service) && !projects.DefinedByBase(context.File, service.Name) && !projects.OtherDefinitions(context.File, service.Name).Any(HasLimit))
            {
                context.Report(Descriptors.NoMemoryLimit, service.NameNode.ReportSpan, service.Name);
            }
        }
    }
}
