using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5005: a production env file (not a template) that assigns literal values to secret-like names and that git
/// tracks (in the index of a checkout; not ignored by .gitignore otherwise). Reported at the first secret's name.
/// </summary>
public sealed class ProductionEnvFileTrackedRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5005", "Production env file with secrets tracked by git",
        "{0} holds literal secret values ({1}) and is {2}; remove it from git, add it to .gitignore and keep the values in a secret store", DiagnosticCategories.Secrets, DiagnosticSeverity.Warning,
        "A production env file (.env.production, *.prod.env; not *.example, *.sample, *.template) assigns literal values to secret-like names and git tracks it: it is in the git index, or, when the root is not a git checkout, no .gitignore ignores it.");

    private const int MaxNamesListed = 3;

    public override IReadOnlyList<Diagnostics.DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, ctx =>
        {
            if (!DevelopmentValueInProductionRule.IsProductionConfig(ctx.File))
            {
                return;
            }

            var secrets = ctx.Model.Entries.Where(IsLiteralSecret).ToList();
            if (secrets.Count == 0)
            {
                return;
            }

            var tracking = GitTracking.For(ctx.Repository);
            if (!tracking.IsTracked(ctx.File.RelativePath))
            {
                return;
            }

            var names = secrets.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
            string listed = string.Join(", ", names.Take(MaxNamesListed)) + (names.Count > MaxNamesListed ? $" and {names.Count - MaxNamesListed} more" : string.Empty);
            ctx.Report(Descriptor, secrets[0].KeySpan, ctx.File.Name, listed, tracking.IsCheckout ? "tracked by git" : "not ignored by any .gitignore");
        });

    private static bool IsLiteralSecret(DotEnvEntry entry) =>
        entry.HasValue && !string.IsNullOrWhiteSpace(entry.Value) && SecretHeuristics.IsSecretLikeName(entry.Key)
        && (entry.Quote == DotEnvQuote.Single || entry.References.Count == 0) && !SecretHeuristics.IsPlaceholder(entry.Value)
        && !entry.Value!.Contains('<', StringComparison.Ordinal);
}
