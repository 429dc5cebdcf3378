using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5007: secrets are managed (Fly secrets, Vault) but no rotation procedure exists; reported at the command that sets them.</summary>
public sealed class NoSecretRotationRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5007", "No secret rotation procedure",
        "secrets are managed with {0} but the repository has no rotation procedure; document one (for example docs/security/secret-rotation.md) or add a scheduled job that rotates them", DiagnosticCategories.Secrets, DiagnosticSeverity.Info,
        "Secrets are managed (a script or CI job runs `fly secrets set`/`fly secrets import`, or Vault is used) but the repository holds no rotation procedure: no document whose path mentions rotation, no README or docs heading about rotating secrets, and no scheduled CI workflow that rotates.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        var fly = SecretManagement.FindFlySecrets(evidence);
        var vault = fly is null ? SecretManagement.FindVault(evidence) : null;
        if (fly is null && vault is null || SecretManagement.HasRotationProcedure(evidence))
        {
            return;
        }

        var location = fly ?? vault!.Value.Location;
        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, location, fly is not null ? "Fly secrets" : "Vault"));
    });
}
