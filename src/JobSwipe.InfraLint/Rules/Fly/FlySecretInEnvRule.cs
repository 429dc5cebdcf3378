using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>JSI3009: a secret-like [env] variable with a literal value (fly.toml is committed; use `fly secrets`). Never prints the value.</summary>
public sealed class FlySecretInEnvRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3009", "Secret in Fly [env]",
        "[env] {0} has a literal value{1}: fly.toml is committed with the code; set it with `fly secrets set {0}=…` and remove it from [env]", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "A secret-like variable (password, secret, token, API key…) with a literal value in fly.toml's [env]. fly.toml is committed and readable by everyone with the repository; Fly secrets are encrypted and take precedence over [env]. The value is never printed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

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
                ctx.Report(Descriptor, entry.ValueSpan, entry.Key, known);
            }
        });
}
