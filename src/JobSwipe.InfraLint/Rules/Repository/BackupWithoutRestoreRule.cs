using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7007: backups are taken but no restore procedure or disaster-recovery runbook exists; reported at the backup evidence.</summary>
public sealed class BackupWithoutRestoreRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7007", "Backups without a restore procedure",
        "backups are taken ({0}) but no restore procedure or disaster-recovery runbook exists; document and test how to restore (for example docs/runbooks/disaster-recovery.md)", DiagnosticCategories.Repository, DiagnosticSeverity.Info,
        "Backups exist (see JSI7004 for what counts) but nothing describes getting the data back: no document whose path mentions restore, recovery, disaster or DR, no document heading about restoring, and no restore script or command (pg_restore, mongorestore, restic restore, litestream restore, …).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (BackupEvidence.FindBackup(evidence) is not { } backup || BackupEvidence.HasRestoreProcedure(evidence))
        {
            return;
        }

        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, evidence.FileLocation(backup), $"by {backup.RelativePath}"));
    });
}
