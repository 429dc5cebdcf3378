using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2015: a URL in a service's <c>environment</c> whose host is a bare name (a compose service name by convention)
/// that nothing in the file's scope answers to: no service, <c>container_name</c>, <c>hostname</c>, network alias,
/// link alias or <c>extra_hosts</c> entry. Hosts with dots, IPs, <c>localhost</c> and interpolated hosts are not
/// judged, nor services on an external network or the host's network, nor a host the service also names in
/// <c>depends_on</c> or <c>links</c> (JSI2005 owns that problem). The scope is the merged project (<see cref="ComposeProjects"/>). An index of service names per compose file is
/// built once per run, so the message can say which other file defines the missing service.
/// </summary>
public sealed partial class ServiceHostNotDefinedRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2015", "URL points at an undefined service",
        "{0} of service '{1}' points at host '{2}', which is no service of this file{3}; define the service here or point the variable at the real host", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A URL in a service's environment names a bare host (a compose service name) that neither this file nor the files it is merged with define, so the name does not resolve when the stack runs: typically a service that exists only in the development compose file.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext context)
    {
        var repository = context.Repository;
        var models = new List<(WorkspaceFile File, ComposeDocument Model)>();
        var definedIn = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in repository.GetFiles(FileKind.Compose))
        {
            if (repository.GetModel<ComposeDocument>(file) is not { } model)
            {
                continue;
            }

            models.Add((file, model));
            foreach (var service in model.Services)
            {
                if (!definedIn.TryGetValue(service.Name, out var files))
                {
                    definedIn[service.Name] = files = [];
                }

                // Files are added in order, so this file is already listed only as the last one (a List.Contains here
                // was quadratic when every compose file defines the same service names).
                if (files.Count == 0 || files[^1] != file.RelativePath)
                {
                    files.Add(file.RelativePath);
                }
            }
        }

        foreach (var (file, model) in models)
        {
            if (ComposeFacts.HasUnresolvedInclude(repository, file, model))
            {
                continue;
            }

            HashSet<string>? known = null;
            var reported = new HashSet<TextSpan>();
            var externalNetworks = model.Networks.Where(IsExternal).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var service in model.Services)
            {
                if (service.NetworkMode is not null || service.Networks.Any(n => externalNetworks.Contains(n.Name.Value)))
                {
                    continue;
                }

                foreach (var variable in service.Environment)
                {
                    if (variable.Value is not { } value || !value.Contains("://", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (Match match in Url().Matches(value))
                    {
                        var host = match.Groups["host"];
                        if (!IsNetworkScheme(match.Groups["scheme"].Value) || !IsServiceLikeHost(host.Value))
                        {
                            continue;
                        }

                        known ??= KnownHosts(repository, file, model);
                        var span = variable.MapValueSpan(host.Index, host.Length);
                        if (known.Contains(host.Value) || NamedAsService(service, host.Value) || !reported.Add(span))
                        {
                            continue;
                        }

                        string elsewhere = ComposeFacts.CombinedFilesClause(repository, file)
                            + (definedIn.TryGetValue(host.Value, out var files) && files.Where(f => f != file.RelativePath).ToList() is { Count: > 0 } others
                                ? $" ({string.Join(" and ", others)} {(others.Count == 1 ? "defines" : "define")} it)"
                                : string.Empty);
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Location.Create(file.RelativePath, model.Text, span),
                            variable.Key,
                            service.Name,
                            host.Value,
                            elsewhere));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The host is also named as a service in the service's <c>depends_on</c> or <c>links</c>: when it is undefined, that
    /// is one problem, which JSI2005 reports (an error, at the reference Compose itself refuses).
    /// </summary>
    private static bool NamedAsService(ComposeService service, string host) =>
        service.DependsOn.Any(d => d.Service.Value.Equals(host, StringComparison.OrdinalIgnoreCase))
        || service.Links.Any(l => l.Value.Split(':')[0].Equals(host, StringComparison.OrdinalIgnoreCase));

    private static bool IsServiceLikeHost(string host) =>
        host.Length > 0 && !host.Contains('.', StringComparison.Ordinal) && !host.Contains('$', StringComparison.Ordinal) && !host.Contains('{', StringComparison.Ordinal)
        && !host.Contains('%', StringComparison.Ordinal) && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !host.All(char.IsAsciiDigit)
        && (char.IsAsciiLetter(host[0]) || host[0] == '_');

    // external: true, or a fixed `name:` (networks: { webapp: { name: webapp } }): Compose then does not prefix the name
    // with the project's, so another project (a sibling stack of the same repository) joins the same network.
    private static bool IsExternal(ComposeDeclaration declaration) =>
        declaration.Value is YamlMapping m && (m["external"] switch
        {
            YamlScalar s => s.AsBoolean() == true,
            YamlMapping => true,
            _ => false,
        } || m["name"] is YamlScalar { IsNull: false } name && name.Value.Length > 0);

    /// <summary>The names a container of this file's project answers to.</summary>
    private static HashSet<string> KnownHosts(Repository repository, WorkspaceFile file, ComposeDocument model)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scope in ComposeFacts.Scope(repository, file, model))
        {
            foreach (var service in scope.Services)
            {
                known.Add(service.Name);
                foreach (string key in new[] { "container_name", "hostname" })
                {
                    if (service.Find(key)?.Value is YamlScalar { IsNull: false } name)
                    {
                        known.Add(name.Value);
                    }
                }

                foreach (var network in service.Networks)
                {
                    if (network.Node is YamlMapping options && options["aliases"] is YamlSequence aliases)
                    {
                        known.UnionWith(aliases.Items.OfType<YamlScalar>().Select(a => a.Value));
                    }
                }

                foreach (var link in service.Links.Concat(Texts(service.Find("external_links")?.Value)))
                {
                    known.UnionWith(link.Value.Split(':'));
                }

                foreach (var host in Texts(service.Find("extra_hosts")?.Value))
                {
                    known.Add(host.Value.Split(':', '=')[0].Trim());
                }

                if (service.Find("extra_hosts")?.Value is YamlMapping hostMap)
                {
                    known.UnionWith(hostMap.ResolvedEntries.Select(e => e.KeyText).OfType<string>());
                }
            }
        }

        return known;
    }

    private static IEnumerable<ComposeText> Texts(YamlNode? node) =>
        node is YamlSequence s ? s.Items.OfType<YamlScalar>().Select(i => new ComposeText(i.Value, i.ReportSpan)) : [];

    // Only schemes that name a network host (not s3://bucket, file://, unix://); userinfo may hold ${VAR:?message}.
    private static readonly HashSet<string> NetworkSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "ws", "wss", "grpc", "grpcs", "tcp", "udp", "postgres", "postgresql", "psql", "mysql", "mariadb", "mssql", "sqlserver",
        "redis", "rediss", "valkey", "mongodb", "amqp", "amqps", "nats", "kafka", "smtp", "smtps", "ldap", "ldaps", "memcached", "clickhouse",
        "elasticsearch", "opensearch", "neo4j", "bolt", "cassandra", "influxdb", "mqtt", "mqtts", "stomp", "ftp", "sftp", "ssh", "etcd",
    };

    private static bool IsNetworkScheme(string scheme) => NetworkSchemes.Contains(scheme.Split('+')[0]);

    // The host ends where an interpolation's default ends: ${WEB_URL:-http://localhost} names localhost, not 'localhost}'.
    [GeneratedRegex(@"\b(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:(?:\$\{[^}]*\}|[^@/\s?#])*@)?(?<host>\[[^\]]*\]|[^:/?#\s,;""'@}]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
