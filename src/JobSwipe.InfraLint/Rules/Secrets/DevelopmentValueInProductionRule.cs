using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Common;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5002: a development value (dev-…, changeme, minioadmin, a default credential under a secret name, a localhost
/// service address) in a production env file, a Fly config's [env] or a production compose file's environment.
/// </summary>
public sealed class DevelopmentValueInProductionRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.DevelopmentValueInProduction];

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterFileAction<DotEnvFile>(FileKind.DotEnv, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var entry in ctx.Model.Entries)
            {
                if (entry.Quote != DotEnvQuote.Single && entry.References.Count > 0)
                {
                    continue;
                }

                Check(entry.Key, entry.Value, entry.ValueSpan, (span, args) => ctx.Report(Descriptors.DevelopmentValueInProduction, span, args));
            }
        });

        context.RegisterFileAction<ComposeFile>(FileKind.Compose, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var service in ctx.Model.Services)
            {
                foreach (var entry in service.Environment)
                {
                    if (entry.ValueSpan is not { } span || entry.ValueNode is null
                        || SecretHeuristics.DescribeDevelopmentValue(entry.Key, entry.Value) is not { } description)
                    {
                        continue;
                    }

                    // Inside a container localhost is the container itself: VAULT_ADDR=http://127.0.0.1:8200 in the vault service is its own CLI address.
                    if (description == "a localhost service address" && IsOwnAddress(service, entry.Key))
                    {
                        continue;
                    }

                    ctx.Report(Descriptors.DevelopmentValueInProduction, span, entry.Key, description);
                }
            }
        });

        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var entry in ctx.Model.Env)
            {
                Check(entry.Key, entry.StringValue, entry.ValueSpan, (span, args) => ctx.Report(Descriptors.DevelopmentValueInProduction, span, args));
            }
        });
    }

    /// <summary>Production by path, and not an example, sample or template meant to be copied and filled in.</summary>
    internal static bool IsProductionConfig(WorkspaceFile file) => file.Environment == FileEnvironment.Production && !IsTemplate(file.Name);

    internal static bool IsTemplate(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Split('.', '-', '_').Any(p => p is "example" or "sample" or "template" or "dist" or "tmpl" or "tpl");
    }

    private static bool IsOwnAddress(ComposeService service, string key)
    {
        string prefix = key.Split('_')[0].ToLowerInvariant();
        string image = service.Image?.Value.ToLowerInvariant() ?? string.Empty;
        image = image.Split('@')[0];
        image = image[(image.LastIndexOf('/') + 1)..].Split(':')[0];
        return prefix.Length > 0 && (service.Name.ToLowerInvariant().Contains(prefix, StringComparison.Ordinal) || image == prefix);
    }

    private static void Check(string key, string? value, TextSpan span, Action<TextSpan, object?[]> report)
    {
        if (SecretHeuristics.DescribeDevelopmentValue(key, value) is { } description)
        {
            report(span, [key, description]);
        }
    }
}
