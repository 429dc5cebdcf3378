using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2001: a compose service in a development mode. Vault's dev server (<c>server -dev</c>, the official image's
/// default command, or VAULT_DEV_* variables) is reported in every file; other servers' reload, debug and dev-server
/// switches only in production files, where they do not belong (in a development stack they are the point).
/// </summary>
public sealed partial class ServiceInDevelopmentModeRule : InfraAnalyzer
{
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

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.ServiceInDevelopmentMode];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeFile>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeFile> context)
    {
        bool production = context.File.Environment == FileEnvironment.Production;
        foreach (var service in context.Model.Services)
        {
            if (IsVault(service))
            {
                AnalyzeVault(context, service);
            }
            else if (production)
            {
                AnalyzeServer(context, service);
            }
        }
    }

    private static void AnalyzeVault(FileAnalysisContext<ComposeFile> context, ComposeService service)
    {
        bool reported = false;
        foreach (var command in new[] { service.Entrypoint, service.Command })
        {
            if (command is not null && command.Arguments.Contains("server") && FindArguments(command, a => a == "-dev" || a.StartsWith("-dev-", StringComparison.Ordinal)) is { Count: > 0 } flags)
            {
                foreach (var (span, argument) in flags)
                {
                    Report(context, service, span, "Vault", $"`server {argument}`", VaultAdvice);
                }

                reported = true;
            }
        }

        foreach (var variable in service.Environment.Where(v => VaultDevVariables.Contains(v.Key)))
        {
            Report(context, service, variable.KeySpan, "Vault", $"{variable.Key} is set", VaultAdvice);
            reported = true;
        }

        // The official images' default command is `server -dev`: a service that sets neither command nor entrypoint runs it.
        if (!reported && service.Command is null && service.Entrypoint is null && service.Image is { } image && IsOfficialVaultImage(image.Value))
        {
            Report(context, service, image.ReportSpan, "Vault", "the image's default command is `server -dev` and no command is set", VaultAdvice);
        }
    }

    private static void AnalyzeServer(FileAnalysisContext<ComposeFile> context, ComposeService service)
    {
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
                ReportFlags(context, service, command, a => a == "--reload", "its server");
            }
            else if (program == "flask")
            {
                if (!ReportFlags(context, service, command, a => a is "--debug" or "--reload", "Flask") && arguments.Contains("run"))
                {
                    ReportFlags(context, service, command, a => a == "run", "Flask's development server");
                }
            }
            else if (program == "manage.py" && arguments.Contains("runserver"))
            {
                ReportFlags(context, service, command, a => a == "runserver", "Django's development server");
            }
            else if (program == "nodemon")
            {
                ReportFlags(context, service, command, a => Path.GetFileName(a) == "nodemon", "nodemon (a file-watching restarter)");
            }
            else if (program == "next" && arguments.Contains("dev"))
            {
                ReportFlags(context, service, command, a => a == "dev", "Next.js's development server");
            }
            else if (program is "npm" or "yarn" or "pnpm" && arguments.Contains("dev"))
            {
                ReportFlags(context, service, command, a => a == "dev", "the package's dev script");
            }
            else if (program == "node")
            {
                ReportFlags(context, service, command, a => a.StartsWith("--inspect", StringComparison.Ordinal), "Node.js with its debugger");
            }
        }

        foreach (var variable in service.Environment)
        {
            if (variable.Value is { } value && DevelopmentVariables.TryGetValue(variable.Key, out var isDevelopment) && isDevelopment(value.Trim()))
            {
                Report(context, service, variable.KeySpan, "its application", $"{variable.Key} is set to a development value", ServerAdvice);
            }
        }
    }

    private static bool ReportFlags(FileAnalysisContext<ComposeFile> context, ComposeService service, ComposeCommand command, Func<string, bool> match, string what)
    {
        var found = FindArguments(command, match);
        foreach (var (span, argument) in found)
        {
            Report(context, service, span, what, $"`{argument}`", ServerAdvice);
        }

        return found.Count > 0;
    }

    private static void Report(FileAnalysisContext<ComposeFile> context, ComposeService service, TextSpan span, string what, string evidence, string advice) =>
        context.Report(Descriptors.ServiceInDevelopmentMode, span, service.Name, what, evidence, advice);

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

    private static bool IsVaultImage(string image) => Repository(image) is "vault" or "hashicorp/vault" or "hashicorp/vault-enterprise" || Repository(image).EndsWith("/vault", StringComparison.Ordinal);

    private static bool IsOfficialVaultImage(string image) => Repository(image) is "vault" or "hashicorp/vault" or "docker.io/hashicorp/vault" or "library/vault" or "docker.io/library/vault";

    private static string Repository(string image)
    {
        string name = image.Trim().ToLowerInvariant();
        int at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            name = name[..at];
        }

        int colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    private static bool IsTrue(string value) => value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"""[^""]*""|'[^']*'|\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
