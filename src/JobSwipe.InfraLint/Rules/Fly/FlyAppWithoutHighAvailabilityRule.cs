using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3010: a production web app that cannot stay available: max_machines_running = 1, or auto-stop with min_machines_running 0.</summary>
public sealed class FlyAppWithoutHighAvailabilityRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3010", "Fly app cannot stay available",
        "{0}: {1}", DiagnosticCategories.Fly, DiagnosticSeverity.Info,
        "A production Fly app that serves traffic but cannot stay available: max_machines_running = 1, or auto_stop_machines on with min_machines_running 0 (every machine stops when idle and the next request waits for a cold start).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            if (ctx.File.Environment != FileEnvironment.Production)
            {
                return;
            }

            FlyConfig config = ctx.Model;
            IEnumerable<FlySection> services = [.. config.HttpService is { } h ? [h] : Array.Empty<FlySection>(), .. config.Services];
            foreach (FlySection service in services)
            {
                if (service.Entry("max_machines_running")?.Value is TomlIntegerValue { Value: 1 } max)
                {
                    ctx.Report(Descriptor, max.Span, "max_machines_running = 1 keeps a single machine", "run at least two machines (`fly scale count 2`) so a deploy or a host failure does not take the app down");
                    continue;
                }

                bool autoStops = service.Entry("auto_stop_machines")?.Value switch
                {
                    TomlBooleanValue b => b.Value,
                    TomlStringValue s => s.Value is "stop" or "suspend",
                    _ => false,
                };
                long minimum = service.Entry("min_machines_running")?.Value.AsInteger() ?? 0;
                if (autoStops && minimum == 0)
                {
                    ctx.Report(Descriptor, service.Entry("auto_stop_machines")!.Value.Span, "auto_stop_machines stops every machine when idle (min_machines_running is 0)", "set min_machines_running = 1 (or more) so a machine is always up and the first request does not wait for a cold start");
                }
            }
        });
}
