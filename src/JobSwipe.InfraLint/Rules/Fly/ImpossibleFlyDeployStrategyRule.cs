using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3013: canary or bluegreen with [[mounts]], bluegreen without any health check, [[restart]] policy "no".</summary>
public sealed class ImpossibleFlyDeployStrategyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3013", "Impossible Fly deploy strategy",
        "{0}", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "A deploy or restart setting that cannot work: strategy canary or bluegreen with [[mounts]] (flyctl rejects canary; bluegreen cannot attach the volumes), bluegreen without any health check (the deploy fails), or [[restart]] policy \"no\" (the Machines API spelling; fly.toml wants \"never\").");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            FlyConfig config = ctx.Model;
            if (config.Deploy?.Strategy?.Value is TomlStringValue strategy)
            {
                if (strategy.Value is "canary" or "bluegreen" && config.Mounts.Count > 0)
                {
                    ctx.Report(Descriptor, strategy.Span, $"strategy \"{strategy.Value}\" cannot be used with [[mounts]]: the new machines would need volumes the old ones still hold; use \"rolling\" or \"immediate\"");
                }
                else if (strategy.Value == "bluegreen" && !FlyApps.HasAnyCheck(config))
                {
                    ctx.Report(Descriptor, strategy.Span, "strategy \"bluegreen\" needs at least one health check to know when the green machines are ready, and this config has none; add [[http_service.checks]] or [checks.NAME]");
                }
            }

            foreach (FlyRestart restart in config.Restart)
            {
                if (restart.Policy?.Value is TomlStringValue { Value: "no" } policy)
                {
                    ctx.Report(Descriptor, policy.Span, "restart policy \"no\" is the Machines API spelling; fly.toml rejects it and wants \"never\"");
                }
            }
        });
}
