using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5007: secrets are managed (Fly secrets, Vault) but no rotation procedure exists; reported at the command that sets them.</summary>
public sealed class NoSecretRotationRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.NoSecretRotation];

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
        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.NoSecretRotation, location, fly is not null ? "Fly secrets" : "Vault"));
    });
}
