using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2001: a compose service in a development mode. Vault's dev server (<c>server -dev</c>, the official image's
/// default command, or VAULT_DEV_* variables) is reported in every file; other servers' reload, debug and dev-server
/// switches only in production files, where they do not belong (in a development stack they are the point). A service is
/// one finding however many switches show it: at the first, with the others as additional locations.
/// </summary>
public sealed partial class ServiceInDevelopmentModeRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2001", "Service runs in development mode",
        "service '{0}' runs {1} in development mode ({2}); {3}", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A service is started in a development mode: Vault's `server -dev` or VAULT_DEV_ROOT_TOKEN_ID (in-memory storage, unsealed, a known root token), or another server with a dev, debug or auto-reload flag. Such a service loses data on restart and exposes debugging surfaces.",
        productionSeverity: DiagnosticSeverity.Error);

    private const string VaultAdvice = "run Vault in server mode with a storage backend and a config file (server -config=…), and initialise and unseal it";
    private const string ServerAdvice = "start the production service without development, debug or reload switches";

    private static readonly string[] VaultDevVariables = ["VAULT_DEV_ROOT_TOKEN_ID", "VAULT_DEV_LISTEN_ADDRESS"];

    private static readonly Dictionary<string, Func<string, bool>> DevelopmentVariables = new(StringComparer.Ordinal)
    {
        ["FLASK_DEBUG"] = IsTrue,
        ["FLASK_ENV"] = v => v.Equals("development", StringComparison.OrdinalIgnoreCase),
        ["DJANGO_DEBUG"] = IsTrue,
        ["DEBUG"] = IsTrue,
        ["NODE_ENV"] = v => v.Equals("development", StringComparison.OrdinalIgnoreCase),
        ["ASPNETCORE_ENVIRONMENT"] = v => v.Equals("Development", StringComparison.OrdinalIgnoreCase),
        ["DOTNET_ENVIRONMENT"] = v => v.Equals("Development", StringComparison.OrdinalIgnoreCase),
        ["RAILS_ENV"] = v => v.Equals("development", StringComparison.OrdinalIgnoreCase),
    };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        bool production = context.File.Environment == FileEnvironment.Production;
        foreach (var service in context.Model.Services)
        {
            if (IsVault(service))
            {
                Report(context, service, "Vault", FindVaultEvidence(service), VaultAdvice);
            }
            else if (production)
            {
                var evidence = FindServerEvidence(service);
                // One problem, one finding: the service is in development mode, however many switches say so. It is
                // named after the first switch's server; the others are its additional locations.
                Report(context, service, evidence.Count > 0 ? evidence[0].What : string.Empty, evidence, ServerAdvice);
            }
        }
    }

    private static List<Evidence> FindVaultEvidence(ComposeService service)
    {
        var evidence = new List<Evidence>();
        foreach (var command in new[] { service.Entrypoint, service.Command })
        {
            if (command is not null && command.Arguments.Contains("server"))
            {
                evidence.AddRange(FindArguments(command, a => a == "-dev" || a.StartsWith("-dev-", StringComparison.Ordinal)).Select(f => new Evidence(f.Span, "Vault", $"`server {f.Argument}`")));
            }
        }

        foreach (var variable in service.Environment.Where(v => VaultDevVariables.Contains(v.Key)))
        {
            evidence.Add(new Evidence(variable.KeySpan, "Vault", $"{variable.Key} is set"));
        }

        // The official images' default command is `server -dev`: a service that sets neither command nor entrypoint runs it.
        if (evidence.Count == 0 && service.Command is null && service.Entrypoint is null && service.Image is { } image && IsOfficialVaultImage(image.Value))
        {
            evidence.Add(new Evidence(image.ReportSpan, "Vault", "the image's default command is `server -dev` and no command is set"));
        }

        return evidence;
    }

    private static List<Evidence> FindServerEvidence(ComposeService service)
    {
        var evidence = new List<Evidence>();
        foreach (var command in new[] { service.Entrypoint, service.Command })
        {
            if (command is null || command.Arguments.Count == 0)
            {
                continue;
            }

            var arguments = command.Arguments;
            string program = Path.GetFileName(arguments.FirstOrDefault(a => !a.StartsWith('-') && a is not "python" and not "python3" and not "-m" and not "exec" and not "poetry" and not "run" and not "pipenv") ?? string.Empty);
            if (program is "uvicorn" or "gunicorn" or "hypercorn")
            {
                AddFlags(evidence, command, a => a == "--reload", "its server");
            }
            else if (program == "flask")
            {
                if (!AddFlags(evidence, command, a => a is "--debug" or "--reload", "Flask") && arguments.Contains("run"))
                {
                    AddFlags(evidence, command, a => a == "run", "Flask's development server");
                }
            }
            else if (program == "manage.py" && arguments.Contains("runserver"))
            {
                AddFlags(evidence, command, a => a == "runserver", "Django's development server");
            }
            else if (program == "nodemon")
            {
                AddFlags(evidence, command, a => Path.GetFileName(a) == "nodemon", "nodemon (a file-watching restarter)");
            }
            else if (program == "next" && arguments.Contains("dev"))
            {
                AddFlags(evidence, command, a => a == "dev", "Next.js's development server");
            }
            else if (program is "npm" or "yarn" or "pnpm" && arguments.Contains("dev"))
            {
                AddFlags(evidence, command, a => a == "dev", "the package's dev script");
            }
            else if (program == "node")
            {
                AddFlags(evidence, command, a => a.StartsWith("--inspect", StringComparison.Ordinal), "Node.js with its debugger");
            }
        }

        foreach (var variable in service.Environment)
        {
            if (variable.Value is { } value && DevelopmentVariables.TryGetValue(variable.Key, out var isDevelopment) && isDevelopment(value.Trim()))
            {
                evidence.Add(new Evidence(variable.KeySpan, "its application", $"{variable.Key} is set to a development value"));
            }
        }

        return evidence;
    }

    private static bool AddFlags(List<Evidence> evidence, ComposeCommand command, Func<string, bool> match, string what)
    {
        var found = FindArguments(command, match);
        evidence.AddRange(found.Select(f => new Evidence(f.Span, what, $"`{f.Argument}`")));
        return found.Count > 0;
    }

    /// <summary>One finding per service: at its first evidence, with the others as additional locations and all of them in the message.</summary>
    private static void Report(FileAnalysisContext<ComposeDocument> context, ComposeService service, string what, List<Evidence> evidence, string advice)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        var described = evidence.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToList();
        string all = described.Count == 1 ? described[0] : string.Join(", ", described.Take(described.Count - 1)) + " and " + described[^1];
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptor,
            context.GetLocation(evidence[0].Span),
            [.. evidence.Skip(1).Select(e => context.GetLocation(e.Span))],
            service.Name,
            what,
            all,
            advice));
    }

    /// <summary>The source spans of the command's arguments that match: list items, or words inside a string command.</summary>
    private static List<(TextSpan Span, string Argument)> FindArguments(ComposeCommand command, Func<string, bool> match)
    {
        var result = new List<(TextSpan, string)>();
        if (!command.IsStringForm)
        {
            foreach (var item in command.Items)
            {
                if (match(item.Value))
                {
                    result.Add((item.ReportSpan, item.Value));
                }
            }

            return result;
        }

        if (command.Node is not YamlScalar scalar)
        {
            return result;
        }

        foreach (Match word in Word().Matches(scalar.Value))
        {
            string argument = word.Value.Trim('"', '\'');
            if (match(argument))
            {
                result.Add((scalar.IsAlias ? scalar.ReportSpan : scalar.MapValueSpanToSource(word.Index, word.Length), argument));
            }
        }

        return result;
    }

    private static bool IsVault(ComposeService service)
    {
        if (service.Image is { } image && IsVaultImage(image.Value))
        {
            return true;
        }

        var first = service.Entrypoint?.Arguments.FirstOrDefault() ?? service.Command?.Arguments.FirstOrDefault();
        return first is not null && Path.GetFileName(first) == "vault";
    }

    private static bool IsVaultImage(string image) => ImageReference.Parse(image)?.Name is { } name && (name is "vault" or "hashicorp/vault" or "hashicorp/vault-enterprise" || name.EndsWith("/vault", StringComparison.Ordinal));

    private static bool IsOfficialVaultImage(string image) => ImageReference.Parse(image) is { IsDockerHub: true, Name: "vault" or "hashicorp/vault" };

    private static bool IsTrue(string value) => value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase);

    private sealed record Evidence(TextSpan Span, string What, string Description);

    [GeneratedRegex(@"""[^""]*""|'[^']*'|\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
