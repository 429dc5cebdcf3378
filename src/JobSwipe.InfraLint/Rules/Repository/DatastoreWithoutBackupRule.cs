using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7004: a deployed datastore and no backup evidence; one finding at the first datastore, naming the others.</summary>
public sealed class DatastoreWithoutBackupRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7004", "Datastore without backups",
        "nothing in the repository backs up {0}; add a scheduled backup (a backup script run by a scheduled job) or volume snapshot retention", DiagnosticCategories.Repository, DiagnosticSeverity.Warning,
        "A stateful datastore is deployed (a service of a non-development compose file or a Fly app running PostgreSQL, MySQL, MariaDB, MongoDB, Redis, Elasticsearch/OpenSearch, Cassandra, CouchDB, Neo4j, InfluxDB, ClickHouse or MinIO) but nothing backs it up: no backup script or workflow, no dump or backup tool invocation (pg_dump, mysqldump, mongodump, pgbackrest, wal-g, restic, litestream, …), no backup service, and no Fly volume snapshot_retention.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        var datastores = BackupEvidence.FindDatastores(evidence);
        if (datastores.Count == 0 || BackupEvidence.FindBackup(evidence) is not null)
        {
            return;
        }

        string description = string.Join("; ", datastores.GroupBy(d => d.Where).Select(g => $"the datastore{(g.Count() == 1 ? "" : "s")} {Join([.. g.Select(d => d.Name)])} in {g.Key}"));
        var diagnostic = DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptor, datastores[0].Location, description), ctx.Repository);
        // Self-hosted software that only publishes images and compose files: its operators run, watch and back up the services.
        ctx.ReportDiagnostic(DeploymentContext.DeploysItself(ctx.Repository) ? diagnostic : diagnostic.Lowered());
    });

    private static string Join(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
