using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2014: two services with the same <c>container_name</c>, or publishing the same host port and protocol on
/// overlapping addresses (no host IP, 0.0.0.0 and :: overlap everything; two distinct IPs do not). Services whose
/// profiles never run together (both have profiles, none shared) are not compared; nor are interpolated values.
/// Points at the second occurrence and names the first.
/// </summary>
public sealed class DuplicateContainerNameOrPortRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2014", "Container name or host port used twice",
        "service '{0}' {1}, which service '{2}' already uses (line {3}); {4}", DiagnosticCategories.Compose, DiagnosticSeverity.Error,
        "Two services with the same container_name, or publishing the same host port on overlapping addresses, cannot run together: the second fails to start.");

    private sealed record Published(ComposeService Service, int Port, string Protocol, string? Ip, TextSpan Span);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        var model = context.Model;
        var names = new Dictionary<string, List<(ComposeService Service, TextSpan Span)>>(StringComparer.Ordinal);
        var ports = new Dictionary<(int, string), List<Published>>();
        foreach (var service in model.Services)
        {
            if (service.ContainerName is { IsNull: false } containerName && !containerName.Value.Contains('$', StringComparison.Ordinal))
            {
                if (!names.TryGetValue(containerName.Value, out var seen))
                {
                    names[containerName.Value] = seen = [];
                }

                if (seen.FirstOrDefault(s => CanRunTogether(s.Service, service)) is { Service: not null } first)
                {
                    context.Report(Descriptor, containerName.ReportSpan, service.Name, $"sets container_name '{containerName.Value}'", first.Service.Name, ComposeFacts.Line(model, first.Span), "container names are unique per host: rename one or drop container_name");
                }

                seen.Add((service, containerName.ReportSpan));
            }

            var reported = new HashSet<TextSpan>();
            foreach (var published in Expand(service))
            {
                var key = (published.Port, published.Protocol);
                if (!ports.TryGetValue(key, out var seen))
                {
                    ports[key] = seen = [];
                }

                var clash = seen.FirstOrDefault(p => p.Service != service && Overlap(p.Ip, published.Ip) && CanRunTogether(p.Service, service));
                if (clash is not null && reported.Add(published.Span))
                {
                    context.Report(Descriptor, published.Span, service.Name, $"publishes host port {published.Port}/{published.Protocol}", clash.Service.Name, ComposeFacts.Line(model, clash.Span), "publish it on another host port");
                }

                seen.Add(published);
            }
        }
    }

    private static IEnumerable<Published> Expand(ComposeService service)
    {
        foreach (var port in service.Ports)
        {
            if (port.HostPort is not { } host || host.Value.Contains('$', StringComparison.Ordinal) || port.HostIp?.Value.Contains('$', StringComparison.Ordinal) == true)
            {
                continue;
            }

            string protocol = (port.Protocol?.Value ?? "tcp").Trim().ToLowerInvariant();
            string? ip = port.HostIp?.Value.Trim().Trim('[', ']');
            if (ip is "0.0.0.0" or "::" or "")
            {
                ip = null;
            }

            string[] bounds = host.Value.Split('-');
            if (!int.TryParse(bounds[0], out int from) || !int.TryParse(bounds[^1], out int to) || to < from || to - from > 1000)
            {
                continue;
            }

            for (int number = from; number <= to; number++)
            {
                yield return new Published(service, number, protocol, ip, host.Span);
            }
        }
    }

    private static bool Overlap(string? a, string? b) => a is null || b is null || a == b;

    private static bool CanRunTogether(ComposeService a, ComposeService b) =>
        a.Profiles.Count == 0 || b.Profiles.Count == 0 || a.Profiles.Any(p => b.Profiles.Any(q => q.Value == p.Value));
}
