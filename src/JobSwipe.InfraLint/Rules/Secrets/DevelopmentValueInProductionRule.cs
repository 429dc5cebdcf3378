using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Rules.Common;
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

    private static void Check(string key, string? value, TextSpan span, Action<TextSpan, object?[]> report)
    {
        if (SecretHeuristics.DescribeDevelopmentValue(key, value) is { } description)
        {
            report(span, [key, description]);
        }
    }
}
