using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>A deployed stateful datastore: what runs it and where.</summary>
public sealed record Datastore(string Name, string Where, Location Location);

/// <summary>What counts as a deployed datastore, a backup and a restore procedure (JSI7004, JSI7007).</summary>
public static class BackupEvidence
{
    /// <summary>Image names (the last segment of the image repository) of stateful datastores.</summary>
    public static readonly string[] DatastoreImages = ["postgres", "postgis", "timescaledb", "timescaledb-ha", "postgres-flex", "mysql", "mariadb", "percona-server", "mongo", "mongodb", "mongodb-community-server", "redis", "redis-stack-server", "valkey", "keydb", "elasticsearch", "opensearch", "cassandra", "scylla", "couchdb", "neo4j", "influxdb", "clickhouse-server", "clickhouse", "minio", "cockroach", "questdb", "meilisearch", "qdrant", "weaviate", "milvus"];

    /// <summary>Commands and tools (lower case) whose presence in a script, CI file or compose file means a backup is taken.</summary>
    public static readonly string[] BackupTools = ["pg_dump", "pg_dumpall", "pg_basebackup", "pgbackrest", "wal-g", "wal-e", "barman", "mysqldump", "mariadb-dump", "mariabackup", "xtrabackup", "mongodump", "redis-cli --rdb", "bgsave", "restic", "borg create", "velero", "litestream", "postgres backup", "volumes snapshots create", "mc mirror", "rclone sync", "db-backup", "postgres-backup", "mysql-backup", "mongo-backup"];

    /// <summary>Commands (lower case) that restore data.</summary>
    public static readonly string[] RestoreTools = ["pg_restore", "mongorestore", "restic restore", "litestream restore", "wal-g backup-fetch", "pgbackrest restore", "velero restore", "barman recover", "borg extract", "--snapshot-id", "mariabackup --copy-back", "xtrabackup --copy-back"];

    private static readonly string[] RestorePathWords = ["restore", "recover", "disaster", "/dr/", "dr-", "-dr.", "_dr."];

    /// <summary>Datastores of non-development compose files and of Fly apps (a datastore image or a volume with such a destination).</summary>
    public static IReadOnlyList<Datastore> FindDatastores(RepositoryEvidence evidence)
    {
        var result = new List<Datastore>();
        foreach (var image in evidence.ComposeImages)
        {
            if (image.File.Environment is not (FileEnvironment.Development or FileEnvironment.TestData) && DatastoreImages.Contains(image.ShortName))
            {
                result.Add(new Datastore($"'{image.Service}'", image.File.RelativePath, Location.Create(image.File.RelativePath, image.Text, image.ServiceSpan)));
            }
        }

        foreach (var (file, config) in evidence.Fly())
        {
            if (config.Build?.Image is { } imageEntry && imageEntry.Value.AsString() is { } image)
            {
                string name = ImageReference.Parse(image)?.ShortName ?? string.Empty;
                if (DatastoreImages.Contains(name))
                {
                    result.Add(new Datastore($"'{config.App?.Value.AsString() ?? name}'", file.RelativePath, Location.Create(file.RelativePath, config.Text, imageEntry.Value.Span)));
                }
            }
        }

        return result;
    }

    /// <summary>The first piece of backup evidence (its file), or null: a backup script or workflow, a dump/backup tool, a backup service, or a Fly volume with snapshot_retention.</summary>
    public static WorkspaceFile? FindBackup(RepositoryEvidence evidence)
    {
        foreach (var file in evidence.Repository.Files)
        {
            if ((file.Kind == FileKind.ShellScript || RepositoryEvidence.IsCiFile(file) || file.Kind == FileKind.Compose) && file.RelativePath.Contains("backup", StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        var tool = evidence.ScriptTexts.Concat(evidence.CiTexts).Concat(evidence.ComposeTexts).FirstOrDefault(t => BackupTools.Any(k => t.Lower.Contains(k, StringComparison.Ordinal)));
        if (tool is not null)
        {
            return tool.File;
        }

        return evidence.Fly().FirstOrDefault(f => f.Config.Mounts.Any(m => m.SnapshotRetention is not null)).File;
    }

    /// <summary>True when a restore procedure exists: a document or script whose path mentions restore/recovery/disaster/DR, a document heading about restoring or recovering, or a restore command in a script or CI file.</summary>
    public static bool HasRestoreProcedure(RepositoryEvidence evidence)
    {
        foreach (var file in evidence.Repository.Files)
        {
            string lower = file.RelativePath.ToLowerInvariant();
            if ((RepositoryEvidence.IsDocument(file) || file.Kind == FileKind.ShellScript || RepositoryEvidence.IsCiFile(file)) && RestorePathWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return evidence.DocTexts.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t.Lower, @"(^|\n)[ \t]{0,3}#{1,6}[^\n]*(restor|recover)"))
            || RepositoryEvidence.AnyContains(evidence.ScriptTexts, RestoreTools) || RepositoryEvidence.AnyContains(evidence.CiTexts, RestoreTools);
    }
}
