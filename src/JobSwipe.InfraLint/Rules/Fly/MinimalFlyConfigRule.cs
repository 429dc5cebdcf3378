using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3003: a web app whose config sets no process groups, no scaling settings and no [[vm]] sizing.</summary>
public sealed class MinimalFlyConfigRule : InfraAnalyzer
{
    private static readonly string[] ScalingKeys = ["min_machines_running", "max_machines_running", "auto_stop_machines", "auto_start_machines"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.MinimalFlyConfig];

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

            ctx.Report(Descriptors.MinimalFlyConfig, span, ctx.File.Name);
        });
}
