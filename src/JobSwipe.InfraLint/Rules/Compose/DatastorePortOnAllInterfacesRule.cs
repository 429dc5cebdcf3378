using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2009: in a production file, a datastore or admin port (by container port) published without a host IP, or with
/// 0.0.0.0 / :: (which dclint and KICS miss). MinIO's 9000/9001 only for MinIO images (9000 is also PHP-FPM's).
/// Points at the host IP when written, else the host port, else the whole mapping.
/// </summary>
public sealed class DatastorePortOnAllInterfacesRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2009", "Datastore port published on all interfaces",
        "service '{0}' publishes {1} port {2} on all interfaces; bind it to 127.0.0.1 (`127.0.0.1:{3}:{2}`) or drop the mapping and reach it over the compose network", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "In a production compose file a database, cache, broker, search or secrets-store port is published without a host IP (or with 0.0.0.0/::), so it is reachable from every network the host is on; Docker's published ports bypass host firewalls such as ufw.");

    private static readonly Dictionary<int, string> Ports = new()
    {
        [5432] = "PostgreSQL", [3306] = "MySQL", [6379] = "Redis", [27017] = "MongoDB", [9200] = "Elasticsearch",
        [9300] = "Elasticsearch transport", [5672] = "RabbitMQ", [15672] = "RabbitMQ management", [8200] = "Vault",
        [11434] = "Ollama", [5984] = "CouchDB", [8086] = "InfluxDB", [7474] = "Neo4j", [7687] = "Neo4j Bolt",
        [8123] = "ClickHouse HTTP", [2379] = "etcd", [11211] = "Memcached", [1433] = "SQL Server", [9042] = "Cassandra",
        [26257] = "CockroachDB", [2375] = "Docker API", [6333] = "Qdrant",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        if (context.File.Environment != FileEnvironment.Production)
        {
            return;
        }

        foreach (var service in context.Model.Services)
        {
            bool minio = service.Image is { } image && ImageReference.Parse(image.Value)?.Name.EndsWith("minio/minio", StringComparison.Ordinal) == true;
            foreach (var port in service.Ports)
            {
                if (port.ContainerPort is not { } container || !int.TryParse(container.Value, out int number))
                {
                    continue;
                }

                string? what = Ports.GetValueOrDefault(number) ?? (minio && number is 9000 or 9001 ? (number == 9000 ? "MinIO API" : "MinIO console") : null);
                if (what is null)
                {
                    continue;
                }

                string? ip = port.HostIp?.Value.Trim();
                if (ip is not null && ip is not ("0.0.0.0" or "::" or "[::]" or ""))
                {
                    continue;
                }

                var span = port.HostIp?.Span ?? port.HostPort?.Span ?? port.Node.ReportSpan;
                context.Report(Descriptor, span, service.Name, what, container.Value, port.HostPort?.Value ?? container.Value);
            }
        }
    }
}
