using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7007: backups are taken but no restore procedure or disaster-recovery runbook exists; reported at the backup evidence.</summary>
public sealed class BackupWithoutRestoreRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.BackupWithoutRestore];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (BackupEvidence.FindBackup(evidence) is not { } backup || BackupEvidence.HasRestoreProcedure(evidence))
        {
            return;
        }

        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.BackupWithoutRestore, evidence.FileLocation(backup), $"by {backup.RelativePath}"));
    });
}
