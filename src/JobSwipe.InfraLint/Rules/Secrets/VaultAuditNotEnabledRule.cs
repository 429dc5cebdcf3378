using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5008: Vault is used but no script enables an audit device and no HCL declares one.</summary>
public sealed class VaultAuditNotEnabledRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.VaultAuditNotEnabled];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (SecretManagement.FindVault(evidence) is not { } vault || SecretManagement.HasVaultAudit(evidence))
        {
            return;
        }

        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.VaultAuditNotEnabled, vault.Location, vault.Description));
    });
}
