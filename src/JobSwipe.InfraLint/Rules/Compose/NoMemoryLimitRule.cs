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
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2004", "Service has no memory limit",
        "service '{0}' has no memory limit; set deploy.resources.limits.memory (or mem_limit) so that it cannot exhaust the host's memory", DiagnosticCategories.Compose, DiagnosticSeverity.Info,
        "A service without deploy.resources.limits.memory or mem_limit can take all the host's memory; the kernel's OOM killer then picks a victim, often the database.",
        productionSeverity: DiagnosticSeverity.Warning);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static bool HasLimit(ComposeService service) => service.Resources?.LimitsMemory is not null || service.MemLimit is not null;

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
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
                context.Report(Descriptor, service.NameNode.ReportSpan, service.Name);
            }
        }
    }
}
