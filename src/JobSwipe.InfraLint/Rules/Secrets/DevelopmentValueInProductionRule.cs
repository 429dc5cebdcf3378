using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5002: a development value (dev-…, changeme, minioadmin, a default credential under a secret name, a localhost
/// service address) in a production env file, a Fly config's [env] or a production compose file's environment.
/// </summary>
public sealed class DevelopmentValueInProductionRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5002", "Development value in a production file",
        "'{0}' is set to {1} in a production file; set the real value through the secret store or the deployment environment", DiagnosticCategories.Secrets, DiagnosticSeverity.Error,
        "A production env file, Fly config [env] or production compose file assigns a development value: a development placeholder (dev-…, changeme, …change-in-production, minioadmin), a well-known default credential under a secret-like name, or a service address pointing at localhost/127.0.0.1. Example, sample and template files are exempt. The value is never printed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var entry in ctx.Model.Entries)
            {
                if (entry.Quote != DotEnvQuote.Single && entry.References.Count > 0)
                {
                    continue;
                }

                Check(entry.Key, entry.Value, entry.ValueSpan, (span, args) => ctx.Report(Descriptor, span, args));
            }
        });

        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var service in ctx.Model.Services)
            {
                foreach (var entry in service.Environment)
                {
                    if (entry.ValueSpan is not { } span || entry.ValueNode is null
                        || SecretHeuristics.DescribeDevelopmentValue(entry.Key, entry.Value) is not { } description)
                    {
                        continue;
                    }

                    // Inside a container localhost is the container itself: VAULT_ADDR=http://127.0.0.1:8200 in the vault service is its own CLI address.
                    if (description == "a localhost service address" && (IsOwnAddress(service, entry.Key) || IsLocalStack(ctx.File, ctx.Model, service)))
                    {
                        continue;
                    }

                    ctx.Report(Descriptor, span, entry.Key, description);
                }
            }
        });

        context.RegisterFileAction<FlyConfig>(FileKind.FlyConfig, ctx =>
        {
            if (!IsProductionConfig(ctx.File))
            {
                return;
            }

            foreach (var entry in ctx.Model.Env)
            {
                Check(entry.Key, entry.StringValue, entry.ValueSpan, (span, args) =>
                {
                    // localhost is right when the machine itself starts the process it names (`ollama serve &` in the start script).
                    if (args[1] as string != "a localhost service address" || !SameMachineRuns(ctx.Repository, ctx.File, entry.Key, entry.StringValue))
                    {
                        ctx.Report(Descriptor, span, args);
                    }
                });
            }
        });
    }

    /// <summary>Production by path, and not an example, sample or template meant to be copied and filled in.</summary>
    internal static bool IsProductionConfig(WorkspaceFile file) => file.Environment == FileEnvironment.Production && !IsTemplate(file.Name);

    internal static bool IsTemplate(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Split('.', '-', '_').Any(p => p is "example" or "sample" or "template" or "dist" or "tmpl" or "tpl");
    }

    // A compose file whose name carries no production marker (it is production only by its folder or configuration) and
    // that binds its published ports to the developer's machine (127.0.0.1:5432:5432), or a service sharing the host's
    // network: localhost there is the developer's machine or the host, not a missing service.
    private static bool IsLocalStack(WorkspaceFile file, ComposeDocument model, ComposeService service)
    {
        string name = file.Name.ToLowerInvariant();
        if (name.Split('.', '-', '_').Any(p => p is "prod" or "production" or "live" or "release"))
        {
            return false;
        }

        return service.Mapping?.Find("network_mode")?.Value is Syntax.Yaml.YamlScalar { Value: "host" }
            || model.Services.SelectMany(s => s.Ports).Any(p => p.HostIp?.Value is "127.0.0.1" or "localhost" || p.Raw?.StartsWith("127.0.0.1:", StringComparison.Ordinal) == true);
    }

    // The Fly app's own files (the Dockerfile, scripts, Procfile and supervisor configs in its folder) start the process the
    // variable names in the same machine: a command named for the variable's prefix (OLLAMA_BASE_URL: `ollama serve &`), or
    // a supervisor program of that name.
    private static bool SameMachineRuns(Repository repository, WorkspaceFile fly, string key, string? value)
    {
        string prefix = key.Split('_')[0].ToLowerInvariant();
        if (prefix.Length < 3)
        {
            return false;
        }

        string folder = fly.Directory;
        var process = new System.Text.RegularExpressions.Regex(@"(^|[\s/;&|""'\[])" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"(-server)?\b[^\n]*?(\bserve\b|\bserver\b|\bstart\b|\bdaemon\b|&\s*$)|\[program:" + System.Text.RegularExpressions.Regex.Escape(prefix),
            System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexLimits.MatchTimeout);
        return repository.GetFilesUnder(folder).Where(f => (f.Kind is FileKind.ShellScript or FileKind.Dockerfile or FileKind.Procfile || f.Name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("supervisor", StringComparison.OrdinalIgnoreCase)))
            .Any(f => repository.GetText(f)?.Content is { } text && process.IsMatch(text));
    }

    private static bool IsOwnAddress(ComposeService service, string key)
    {
        string prefix = key.Split('_')[0].ToLowerInvariant();
        string image = ImageReference.Parse(service.Image?.Value)?.ShortName ?? string.Empty;
        return prefix.Length > 0 && (service.Name.ToLowerInvariant().Contains(prefix, StringComparison.Ordinal) || image == prefix);
    }

    private static void Check(string key, string? value, TextSpan span, Action<TextSpan, object?[]> report)
    {
        if (SecretHeuristics.DescribeDevelopmentValue(key, value) is { } description)
        {
            report(span, [key, description]);
        }
    }
}
