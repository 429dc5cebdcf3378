using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5008: Vault is used but no script enables an audit device and no HCL declares one.</summary>
public sealed class VaultAuditNotEnabledRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5008", "Vault audit logging not enabled",
        "Vault is used ({0}) but audit logging is never enabled; run 'vault audit enable file file_path=…' in the Vault setup script or declare an audit device", DiagnosticCategories.Secrets, DiagnosticSeverity.Info,
        "Vault is used (a compose service running the vault or hashicorp/vault image, Vault server configuration, or VAULT_ADDR/VAULT_URL in the repository's configuration) but no script or CI job runs `vault audit enable` and no HCL/Terraform file declares an audit device, so secret access leaves no trail.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (SecretManagement.FindVault(evidence) is not { } vault || SecretManagement.HasVaultAudit(evidence))
        {
            return;
        }

        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, vault.Location, vault.Description));
    });
}
