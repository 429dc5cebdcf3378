using System.Globalization;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>
/// JSI3008: internal_port differs from the port the app listens on. Evidence, strongest first: the port flag of the
/// service's process command (<c>--port</c>, <c>--bind host:port</c>, <c>PORT=</c>), [env] PORT, the port flag of the
/// Dockerfile's CMD/ENTRYPOINT, and its EXPOSE ports.
/// </summary>
public sealed class FlyInternalPortMismatchRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3008", "Fly internal_port does not match the app",
        "internal_port is {0} but {1}: Fly's proxy cannot reach the app; set internal_port = {2} or make the app listen on {0}", DiagnosticCategories.Fly, DiagnosticSeverity.Error,
        "internal_port differs from the port the app listens on: the port flag of the service's process command (--port, --bind host:port, PORT=), [env] PORT, the port flag of the Dockerfile's CMD or ENTRYPOINT, or, when no command names a port, the Dockerfile's EXPOSE ports. The proxy forwards requests to internal_port, so the app is unreachable and health checks fail.");

    private static readonly HashSet<string> ShortPortServers = new(StringComparer.Ordinal) { "rails", "next", "flask", "puma", "serve", "http-server", "rackup", "hugo", "vite" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            FlyConfig config = ctx.Model;
            var app = new FlyApp(ctx.File, config);
            string? envPort = config.Env.FirstOrDefault(e => e.Key == "PORT") is { } portEntry
                ? portEntry.StringValue ?? portEntry.Value.AsInteger()?.ToString(CultureInfo.InvariantCulture)
                : null;

            DockerfileDocument? dockerfile = app.DockerfilePath is { } path && ctx.Repository.GetFile(path) is { } file ? ctx.Repository.GetModel<DockerfileDocument>(file) : null;
            DockerStage? stage = dockerfile?.FinalStage;
            (int Port, string Source)? imagePort = null;
            if (stage is not null)
            {
                var command = stage.Instructions.OfType<CommandInstruction>().LastOrDefault(i => i.Kind is DockerInstructionKind.Cmd)
                    ?? stage.Instructions.OfType<CommandInstruction>().LastOrDefault(i => i.Kind is DockerInstructionKind.Entrypoint);
                if (command is not null && PortOf(Words(command), envPort) is { } p)
                {
                    imagePort = (p, $"the {command.Keyword.ToUpperInvariant()} of {app.DockerfilePath}:{dockerfile!.Text.GetSpan(command.Span).Start.Line}");
                }
            }

            IReadOnlyList<int> exposed = stage is null
                ? []
                : [.. stage.Instructions.Where(i => i.Kind == DockerInstructionKind.Expose).SelectMany(i => i.Arguments)
                    .Select(t => int.TryParse(t.Text.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0).Where(n => n > 0)];

            IEnumerable<FlySection> services = [.. config.HttpService is { } h ? [h] : Array.Empty<FlySection>(), .. config.Services];
            foreach (FlySection service in services)
            {
                if (service.Entry("internal_port")?.Value is not { } portValue || PortNumber(portValue) is not { } internalPort)
                {
                    continue;
                }

                (int Port, string Source)? evidence = null;
                var groups = service.Processes?.Value is TomlArrayValue list ? list.Strings.Select(s => s.Value).ToHashSet(StringComparer.Ordinal) : null;
                foreach (FlyProcess process in config.Processes.Where(p => groups is null || groups.Contains(p.Name)))
                {
                    if (process.CommandText is { Length: > 0 } text && PortOf(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), envPort) is { } p)
                    {
                        evidence = (p, $"process '{process.Name}' ({ctx.File.Name}:{config.Text.GetSpan(process.Command!.Value.Span).Start.Line})");
                        break;
                    }
                }

                if (evidence is null && envPort is not null && int.TryParse(envPort, NumberStyles.None, CultureInfo.InvariantCulture, out int env) && env is > 0 and < 65536)
                {
                    evidence = (env, "[env] PORT");
                }

                evidence ??= imagePort;
                if (evidence is { } e)
                {
                    if (e.Port != internalPort)
                    {
                        ctx.Report(Descriptor, portValue.Span, internalPort, $"{e.Source} listens on {e.Port}", e.Port);
                    }

                    continue;
                }

                if (exposed.Count > 0 && !exposed.Contains(internalPort))
                {
                    ctx.Report(Descriptor, portValue.Span, internalPort, $"{app.DockerfilePath} only EXPOSEs {string.Join(", ", exposed)}", exposed[0]);
                }
            }
        });

    private static int? PortNumber(TomlValueNode value) => value switch
    {
        TomlIntegerValue i when i.Value is > 0 and < 65536 => (int)i.Value,
        TomlStringValue s when int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and < 65536 => n,
        _ => null,
    };

    private static IReadOnlyList<string> Words(CommandInstruction command) =>
        command.IsExecForm ? [.. command.ExecArguments.Select(t => t.Text)] : [.. command.Arguments.Select(t => t.Text)];

    /// <summary>The port a command line binds: --port N, --port=N, -p N (known servers), --bind/-b host:N, host:N for runserver, PORT=N.</summary>
    internal static int? PortOf(IReadOnlyList<string> words, string? envPort)
    {
        bool knownShortPort = words.Any(w => ShortPortServers.Contains(Path.GetFileName(w)));
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i].Trim('"', '\'');
            string? next = i + 1 < words.Count ? words[i + 1].Trim('"', '\'') : null;
            string? candidate = word switch
            {
                "--port" or "--http-port" or "--server.port" => next,
                "-p" when knownShortPort => next,
                "--bind" or "-b" or "--listen" or "--host-port" => next is null ? null : AfterColon(next),
                "runserver" => next is not null && next.Contains(':') ? AfterColon(next) : next,
                _ when word.StartsWith("--port=", StringComparison.Ordinal) => word["--port=".Length..],
                _ when word.StartsWith("--bind=", StringComparison.Ordinal) => AfterColon(word["--bind=".Length..]),
                _ when word.StartsWith("--server.port=", StringComparison.Ordinal) => word["--server.port=".Length..],
                _ when word.StartsWith("PORT=", StringComparison.Ordinal) => word["PORT=".Length..],
                _ => null,
            };
            if (candidate is null)
            {
                continue;
            }

            if (candidate is "$PORT" or "${PORT}")
            {
                candidate = envPort;
            }

            if (candidate is not null && int.TryParse(candidate, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536)
            {
                return port;
            }
        }

        return null;
    }

    private static string AfterColon(string value) => value.LastIndexOf(':') is int colon and >= 0 ? value[(colon + 1)..] : value;
}
