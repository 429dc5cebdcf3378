using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2010: <c>privileged: true</c>, the Docker socket bind-mounted (read-only or not: the API has no read-only mode),
/// <c>network_mode: host</c>, or <c>cap_add</c> of SYS_ADMIN or ALL. Points at the value.
/// </summary>
public sealed class HostPrivilegeGrantedRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2010", "Service has host-level privileges",
        "service '{0}' {1}; {2}", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "privileged: true, the Docker socket mounted, network_mode: host or cap_add SYS_ADMIN/ALL give the container control of the host: a compromise of that service is a compromise of the machine.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        var reported = new HashSet<TextSpan>();
        // A development, test or sample stack (or any stack of a template repository) is not deployed as it is: info there.
        bool sample = DeploymentContext.IsSampleOrDevelopmentStack(context.File) || DeploymentContext.IsTemplateRepository(context.Repository) && context.File.Environment != FileEnvironment.Production;
        void Report(ComposeService service, TextSpan span, string what, string advice, bool lowered = false)
        {
            if (reported.Add(span))
            {
                context.Report(Descriptor, span, lowered || sample, service.Name, what, advice);
            }
        }

        foreach (var service in context.Model.Services)
        {
            if (service.Privileged is { } privileged && privileged.AsBoolean() == true)
            {
                Report(service, privileged.ReportSpan, "runs privileged (every capability and every host device)", "grant only the capabilities or devices it needs (cap_add, devices)");
            }

            foreach (var volume in service.Volumes)
            {
                if (volume.Kind == ComposeVolumeKind.Bind && volume.Source is { } source && IsDockerSocket(source.Value))
                {
                    // Container managers, schedulers, reverse proxies that discover containers and CI runners need the socket to work.
                    Report(service, source.Span, "mounts the Docker socket (root on the host, read-only or not)", "drop the mount, or put a socket proxy that allows only the API calls it needs in between", NeedsDockerSocket(service, context));
                }
            }

            if (service.NetworkMode is { } mode && mode.Value.Trim() == "host")
            {
                Report(service, mode.ReportSpan, "uses the host's network stack (network_mode: host)", "publish the ports it needs instead");
            }

            foreach (var capability in service.CapAdd)
            {
                string name = capability.Value.Trim().ToUpperInvariant();
                if (name is "SYS_ADMIN" or "CAP_SYS_ADMIN" or "ALL")
                {
                    Report(service, capability.Span, $"adds the {name} capability", "add only the narrow capability it needs");
                }
            }
        }
    }

    private static bool IsDockerSocket(string source)
    {
        string s = source.Trim().TrimEnd('/');
        return s.EndsWith("/docker.sock", StringComparison.Ordinal) && !s.StartsWith('.') || s.EndsWith("/podman.sock", StringComparison.Ordinal);
    }

    private static readonly string[] SocketTools =
    [
        "portainer", "ofelia", "traefik", "watchtower", "docker-socket-proxy", "socket-proxy", "cadvisor", "gitlab-runner", "github-runner", "actions-runner", "drone-runner", "woodpecker-agent",
        "jenkins", "dozzle", "autoheal", "diun", "nginx-proxy", "docker-gen", "acme-companion", "dockge", "coolify", "promtail", "alloy", "vector", "fluent-bit", "datadog", "netdata", "dind",
        "buildkite-agent", "forgejo-runner", "act_runner", "sablier", "homepage", "glance", "caddy-docker-proxy", "caddy-gen",
    ];

    // By image or service name, or by the base image of the Dockerfile the service builds (FROM nginxproxy/nginx-proxy).
    private static bool NeedsDockerSocket(ComposeService service, FileAnalysisContext<ComposeDocument> context)
    {
        string image = service.Image?.Value.ToLowerInvariant() ?? string.Empty;
        if (service.Build is { } build && Repository.Combine(context.File.Directory, build.Context?.Value ?? ".") is { } dir
            && Repository.Combine(dir, build.Dockerfile?.Value ?? "Dockerfile") is { } path && context.Repository.GetFile(path) is { } dockerfile)
        {
            image += " " + string.Join(' ', (context.Repository.GetText(dockerfile)?.Content ?? string.Empty).Split('\n').Where(l => l.TrimStart().StartsWith("FROM", StringComparison.OrdinalIgnoreCase))).ToLowerInvariant();
        }

        string name = service.Name.ToLowerInvariant();
        return SocketTools.Any(t => image.Contains(t, StringComparison.Ordinal) || name.Contains(t, StringComparison.Ordinal));
    }
}
