using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3009: a secret-like [env] variable with a literal value (fly.toml is committed; use `fly secrets`). Never prints the value.</summary>
public sealed class FlySecretInEnvRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.FlySecretInEnv];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            foreach (FlyEnvEntry entry in ctx.Model.Env)
            {
                string? value = entry.StringValue ?? (entry.Value.AsInteger() is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
                if (string.IsNullOrWhiteSpace(value) || !SecretHeuristics.IsSecretLikeName(entry.Key)
                    || SecretHeuristics.ContainsReference(value) || SecretHeuristics.IsPlaceholder(value))
                {
                    continue;
                }

                string known = SecretHeuristics.DescribeKnownDefault(value) is { } d ? $" ({d})" : string.Empty;
                ctx.Report(Descriptors.FlySecretInEnv, entry.ValueSpan, entry.Key, known);
            }
        });
}
