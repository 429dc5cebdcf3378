using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3006: fly.toml that flyctl fails to load or validate (shape, type, allowed values, conflicts, process group references), every problem at once.</summary>
public sealed class InvalidFlyConfigurationRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3006", "Invalid Fly configuration",
        "{0}", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "fly.toml does not match Fly's app configuration: a table written as an array of tables or the reverse ([[http_service]], [http_service.checks]), a value of the wrong type or outside its allowed values (auto_stop_machines, strategy, vm size, restart policy, mount sizes and retention), conflicting keys (memory and memory_mb), a process group in processes = [...] that [processes] does not define, or a service without processes while [processes] exists. flyctl fails to load or validate such a file (memory with memory_mb it resolves silently, in favour of memory_mb); InfraLint reports every problem at once.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlySchemaIssue issue in FlySchemaValidator.Validate(ctx.Model).Where(i => i.Kind == FlySchemaIssueKind.Invalid))
            {
                ctx.Report(Descriptor, issue.Span, issue.InvalidMessage);
            }
        });
}
