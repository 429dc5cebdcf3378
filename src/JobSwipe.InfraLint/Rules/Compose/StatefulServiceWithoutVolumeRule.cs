using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2006: a well-known stateful image (database, object store, broker, search engine, secrets store, model server)
/// whose data directory has no volume: no named volume, bind mount or anonymous volume on the directory or a parent.
/// The directory follows the service's own settings where the image reads them (PGDATA, <c>minio server PATH</c>,
/// <c>mongod --dbpath</c>, OLLAMA_MODELS). Quiet for a tmpfs on the directory, <c>volumes_from</c>, Redis with
/// persistence switched off, Vault in dev mode (in memory by design; JSI2001 reports it), and partial/extending services.
/// </summary>
public sealed class StatefulServiceWithoutVolumeRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2006", "Stateful service without a data volume",
        "service '{0}' runs {1}, but nothing is mounted on its data directory {2}; mount a named volume there (e.g. `{0}_data:{2}`) or its data is lost when the container is recreated", DiagnosticCategories.Compose, DiagnosticSeverity.Info,
        "A database, object store, broker or model server keeps its data in a directory of the container. Without a named volume or bind mount on that directory (or a parent), `docker compose down`, a recreate or an image upgrade loses the data.",
        productionSeverity: DiagnosticSeverity.Warning);

    private sealed record Store(string Product, string DataDirectory);

    private static readonly Dictionary<string, Store> Stores = Build();

    private static readonly string[] VaultNonData = ["/vault/config", "/vault/logs", "/vault/tls", "/vault/certs", "/vault/policies", "/vault/plugins"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static Dictionary<string, Store> Build()
    {
        var stores = new Dictionary<string, Store>(StringComparer.Ordinal);
        void Add(Store store, params string[] repositories)
        {
            foreach (string repository in repositories)
            {
                stores[repository] = store;
            }
        }

        Add(new("PostgreSQL", "/var/lib/postgresql/data"), "postgres", "postgis/postgis", "timescale/timescaledb", "pgvector/pgvector", "ankane/pgvector");
        Add(new("MySQL", "/var/lib/mysql"), "mysql", "mysql/mysql-server", "percona", "percona/percona-server");
        Add(new("MariaDB", "/var/lib/mysql"), "mariadb");
        Add(new("MongoDB", "/data/db"), "mongo", "mongodb/mongodb-community-server");
        Add(new("Redis", "/data"), "redis", "redis/redis-stack", "redis/redis-stack-server", "valkey/valkey", "eqalpha/keydb");
        Add(new("MinIO", "/data"), "minio/minio", "quay.io/minio/minio");
        Add(new("Elasticsearch", "/usr/share/elasticsearch/data"), "elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch");
        Add(new("OpenSearch", "/usr/share/opensearch/data"), "opensearchproject/opensearch");
        Add(new("RabbitMQ", "/var/lib/rabbitmq"), "rabbitmq");
        Add(new("Vault", "/vault/file"), "vault", "hashicorp/vault");
        Add(new("Ollama", "/root/.ollama"), "ollama/ollama");
        Add(new("ClickHouse", "/var/lib/clickhouse"), "clickhouse", "clickhouse/clickhouse-server", "yandex/clickhouse-server");
        Add(new("InfluxDB", "/var/lib/influxdb2"), "influxdb");
        Add(new("Neo4j", "/data"), "neo4j");
        Add(new("Cassandra", "/var/lib/cassandra"), "cassandra");
        Add(new("CouchDB", "/opt/couchdb/data"), "couchdb");
        Add(new("SQL Server", "/var/opt/mssql"), "mcr.microsoft.com/mssql/server");
        Add(new("Qdrant", "/qdrant/storage"), "qdrant/qdrant");
        return stores;
    }

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        foreach (var service in context.Model.Services)
        {
            if (service.Image is not { } image || image.Value.Contains('$', StringComparison.Ordinal) || service.Extends is not null || service.VolumesFrom.Count > 0
                || ImageReference.Parse(image.Value) is not { } reference || !Stores.TryGetValue(reference.Name, out var store))
            {
                continue;
            }

            var arguments = (service.Entrypoint?.Arguments ?? []).Concat(service.Command?.Arguments ?? []).ToList();
            if (IsEphemeralByDesign(store, arguments))
            {
                continue;
            }

            // One merged service, one finding: reported in the base file when an add-on redefines it, and a mount set by
            // any file it is merged with counts.
            var projects = ComposeProjects.For(context.Repository);
            if (projects.DefinedByBase(context.File, service.Name))
            {
                continue;
            }

            string directory = DataDirectory(store, service, arguments, image.Value);
            // Any mount counts: named, bind, anonymous (the author chose it) and tmpfs (ephemeral on purpose).
            var definitions = projects.OtherDefinitions(context.File, service.Name).Prepend(service).ToList();
            var targets = definitions.SelectMany(d => d.Volumes).Where(v => v.Target is not null).Select(v => Normalize(v.Target!.Value)).ToList();
            targets.AddRange(definitions.SelectMany(Tmpfs));
            bool persisted = targets.Any(t => Covers(t, directory))
                || (store.Product == "Vault" && targets.Any(t => t.StartsWith("/vault/", StringComparison.Ordinal) && !VaultNonData.Any(n => Covers(n, t))))
                || (store.Product == "InfluxDB" && targets.Any(t => t.StartsWith("/var/lib/influxdb", StringComparison.Ordinal)));
            if (!persisted)
            {
                context.Report(Descriptor, service.NameNode.ReportSpan, service.Name, store.Product, directory);
            }
        }
    }

    private static IEnumerable<string> Tmpfs(ComposeService service) =>
        service.Find("tmpfs")?.Value switch
        {
            Syntax.Yaml.YamlScalar s => [Normalize(s.Value.Split(':')[0])],
            Syntax.Yaml.YamlSequence q => q.Items.OfType<Syntax.Yaml.YamlScalar>().Select(i => Normalize(i.Value.Split(':')[0])),
            _ => [],
        };

    private static bool IsEphemeralByDesign(Store store, List<string> arguments)
    {
        if (store.Product == "Vault")
        {
            return arguments.Any(a => a == "-dev" || a.StartsWith("-dev-", StringComparison.Ordinal));
        }

        if (store.Product == "Redis")
        {
            // `--save ""` without `--appendonly yes`: a cache whose author switched persistence off.
            int save = arguments.IndexOf("--save");
            bool noSnapshots = save >= 0 && save + 1 < arguments.Count && arguments[save + 1].Trim('"', '\'').Length == 0;
            int aof = arguments.IndexOf("--appendonly");
            bool appendOnly = aof >= 0 && aof + 1 < arguments.Count && ComposeFacts.IsTrue(arguments[aof + 1]);
            return noSnapshots && !appendOnly;
        }

        return false;
    }

    private static string DataDirectory(Store store, ComposeService service, List<string> arguments, string image)
    {
        string? Variable(string name) => service.Environment.FirstOrDefault(e => e.Key == name)?.Value is { } v && v.StartsWith('/') ? v : null;
        string? After(string flag)
        {
            int i = arguments.IndexOf(flag);
            return i >= 0 && i + 1 < arguments.Count && arguments[i + 1].StartsWith('/') ? arguments[i + 1] : arguments.FirstOrDefault(a => a.StartsWith(flag + "=", StringComparison.Ordinal))?[(flag.Length + 1)..];
        }

        string? configured = store.Product switch
        {
            "PostgreSQL" => Variable("PGDATA"),
            "Ollama" => Variable("OLLAMA_MODELS"),
            "MongoDB" => After("--dbpath"),
            "Redis" => After("--dir"),
            "MinIO" => After("server"),
            "InfluxDB" when image.Contains(":1.", StringComparison.Ordinal) => "/var/lib/influxdb",
            _ => null,
        };
        return Normalize(configured ?? store.DataDirectory);
    }

    /// <summary>True when a mount on <paramref name="target"/> holds <paramref name="directory"/> (the same folder or a parent, not the root).</summary>
    private static bool Covers(string target, string directory) =>
        target.Length > 1 && (target == directory || directory.StartsWith(target + "/", StringComparison.Ordinal));

    private static string Normalize(string path)
    {
        string p = path.Trim().Replace('\\', '/');
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
