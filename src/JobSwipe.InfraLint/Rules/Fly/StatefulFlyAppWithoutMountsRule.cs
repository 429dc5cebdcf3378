using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>
/// JSI3005: a stateful app with no [[mounts]]: a database or model-server image ([build] image, or the final stage of
/// the Dockerfile it builds), or an [env] variable that puts models, uploads, data or a SQLite database on local disk.
/// </summary>
public sealed partial class StatefulFlyAppWithoutMountsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3005", "Stateful Fly app without a volume",
        "{0} has no [[mounts]] although {1}: a machine's disk is lost on every deploy and restart; add a volume ([[mounts]] source = \"data\", destination = the data directory)", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "A stateful app with no [[mounts]]: a database, cache or model-server image (ollama, postgres, mysql, redis, minio, elasticsearch…) as [build] image or as the base of the Dockerfile it builds, or an [env] variable placing models, uploads, data or a SQLite database on local disk (OLLAMA_MODELS, PGDATA, MODELS_DIR, UPLOAD_DIR, DATA_DIR, DATABASE_URL=sqlite:…). A Fly machine's root file system is ephemeral.");

    /// <summary>Images whose data lives on local disk, with the data it keeps.</summary>
    private static readonly Dictionary<string, string> StatefulImages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ollama"] = "downloaded models", ["postgres"] = "its database", ["postgis"] = "its database", ["timescaledb"] = "its database",
        ["mysql"] = "its database", ["mariadb"] = "its database", ["mongo"] = "its database", ["mongodb"] = "its database",
        ["redis"] = "its data", ["redis-stack"] = "its data", ["valkey"] = "its data", ["keydb"] = "its data", ["minio"] = "stored objects",
        ["elasticsearch"] = "its indices", ["opensearch"] = "its indices", ["clickhouse-server"] = "its database", ["clickhouse"] = "its database",
        ["influxdb"] = "its database", ["neo4j"] = "its database", ["rabbitmq"] = "its queues", ["qdrant"] = "its collections",
        ["weaviate"] = "its collections", ["meilisearch"] = "its indices", ["typesense"] = "its indices", ["chroma"] = "its collections",
        ["couchdb"] = "its database", ["cassandra"] = "its database", ["etcd"] = "its data", ["nats"] = "its streams",
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            FlyConfig config = ctx.Model;
            if (config.Mounts.Count > 0)
            {
                return;
            }

            if (config.Build?.Image?.Value is TomlStringValue image && ImageReference.Parse(image.Value) is { } reference && StatefulImages.TryGetValue(reference.ShortName, out string? kept))
            {
                ctx.Report(Descriptor, image.Span, ctx.File.Name, $"image {image.Value} keeps {kept}");
                return;
            }

            foreach (FlyEnvEntry entry in config.Env)
            {
                if (DescribeDataVariable(entry.Key, entry.StringValue) is { } what)
                {
                    ctx.Report(Descriptor, entry.KeySpan, ctx.File.Name, $"[env] {entry.Key} puts {what} on the machine's disk");
                    return;
                }
            }

            var app = new FlyApp(ctx.File, config);
            if (app.DockerfilePath is { } path && ctx.Repository.GetFile(path) is { } dockerfile
                && ctx.Repository.GetModel<DockerfileDocument>(dockerfile)?.FinalStage?.From.ImageReference is { } from
                && StatefulImages.TryGetValue(from.ShortName, out string? keeps))
            {
                TextSpan span = config.Build?.Dockerfile?.Value.Span ?? app.AppSpan;
                ctx.Report(Descriptor, span, ctx.File.Name, $"its image is built from {from.Repository} ({path}), which keeps {keeps}");
            }
        });

    private static string? DescribeDataVariable(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string v = value.Trim();
        if (SqliteUrl().IsMatch(v) && !v.Contains(":memory:", StringComparison.Ordinal))
        {
            return "a SQLite database";
        }

        if (!v.StartsWith('/') || v.StartsWith("/tmp", StringComparison.Ordinal) || v.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return null;
        }

        string upper = key.ToUpperInvariant();
        return upper switch
        {
            "OLLAMA_MODELS" => "downloaded models",
            "PGDATA" or "MYSQL_DATADIR" or "MONGO_DATA_DIR" => "a database",
            "MINIO_VOLUMES" => "stored objects",
            _ when ModelVariable().IsMatch(upper) => "models",
            _ when UploadVariable().IsMatch(upper) => "uploaded files",
            _ when DatabaseFileVariable().IsMatch(upper) => "a database file",
            _ when DataVariable().IsMatch(upper) => "application data",
            _ => null,
        };
    }

    [GeneratedRegex(@"^(sqlite(\+\w+)?|file):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteUrl();

    [GeneratedRegex(@"(^|_)MODELS?_(DIR|PATH|HOME|ROOT|FOLDER)$|^MODELS?_(DIR|PATH)$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelVariable();

    [GeneratedRegex(@"(^|_)UPLOADS?_(DIR|PATH|FOLDER|ROOT)$|^MEDIA_ROOT$", RegexOptions.CultureInvariant)]
    private static partial Regex UploadVariable();

    [GeneratedRegex(@"(^|_)(DB|DATABASE|SQLITE)_(PATH|FILE|DIR)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseFileVariable();

    [GeneratedRegex(@"(^|_)DATA_(DIR|PATH|ROOT|FOLDER)$|^DATA_?DIR$", RegexOptions.CultureInvariant)]
    private static partial Regex DataVariable();
}
