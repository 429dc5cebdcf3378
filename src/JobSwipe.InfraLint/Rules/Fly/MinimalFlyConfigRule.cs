using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3003: a web app whose config sets no process groups, no scaling settings and no [[vm]] sizing.</summary>
public sealed class MinimalFlyConfigRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3003", "Minimal Fly configuration",
        "{0} defines a web service but no process groups, no scaling settings and no [[vm]] size; the platform defaults apply (one shared CPU, 256MB). Set [[vm]] memory/cpus and min_machines_running, and [processes] if the app runs workers", DiagnosticCategories.Fly, DiagnosticSeverity.Info,
        "A Fly config for an app that serves traffic ([http_service] or [[services]]) with no [processes], no scaling settings (min_machines_running, max_machines_running, auto_stop_machines, auto_start_machines) and no [[vm]] sizing: everything is left to defaults, which rarely fit a production web app.");

    private static readonly string[] ScalingKeys = ["min_machines_running", "max_machines_running", "auto_stop_machines", "auto_start_machines"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            FlyConfig config = ctx.Model;
            if (FlyApps.ServiceSpan(config) is not { } span || config.Processes.Count > 0 || config.Vm.Count > 0)
            {
                return;
            }

            IEnumerable<FlySection> services = [.. config.Services, .. config.HttpService is { } h ? [h] : Array.Empty<FlySection>()];
            if (services.Any(s => ScalingKeys.Any(k => s.Entry(k) is not null)))
            {
                return;
            }

            ctx.Report(Descriptor, span, ctx.File.Name);
        });
}
