using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2016: in a production file, a service that switches its own security off through a documented setting
/// (environment variable or server flag). Points at the variable or the flag. A missing password (e.g. Redis without
/// <c>--requirepass</c>) is not this rule: only explicit switches are.
/// </summary>
public sealed class SecurityDisabledRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2016", "Security switched off",
        "service '{0}' switches off {1} ({2}) in a production file; {3}", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A production service turns its built-in security off: OpenSearch's security plugin, Elasticsearch's xpack security, Grafana's anonymous admin, trust authentication, empty passwords, Redis protected mode. Anyone who can reach it has full access.");

    private sealed record Switch(string What, Func<string, bool> IsOff, string Advice);

    private static readonly Dictionary<string, Switch> Variables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DISABLE_SECURITY_PLUGIN"] = new("OpenSearch's security plugin", ComposeFacts.IsTrue, "keep the security plugin on and set OPENSEARCH_INITIAL_ADMIN_PASSWORD from a secret"),
        ["plugins.security.disabled"] = new("OpenSearch's security plugin", ComposeFacts.IsTrue, "keep the security plugin on and set OPENSEARCH_INITIAL_ADMIN_PASSWORD from a secret"),
        ["xpack.security.enabled"] = new("Elasticsearch security", ComposeFacts.IsFalse, "enable xpack security and set ELASTIC_PASSWORD from a secret"),
        ["POSTGRES_HOST_AUTH_METHOD"] = new("PostgreSQL password authentication", v => v.Trim().Equals("trust", StringComparison.OrdinalIgnoreCase), "remove it and set POSTGRES_PASSWORD from a secret"),
        ["MYSQL_ALLOW_EMPTY_PASSWORD"] = new("the MySQL root password", ComposeFacts.IsTrue, "set MYSQL_ROOT_PASSWORD from a secret instead"),
        ["MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"] = new("the MariaDB root password", ComposeFacts.IsTrue, "set MARIADB_ROOT_PASSWORD from a secret instead"),
        ["ALLOW_EMPTY_PASSWORD"] = new("password authentication", ComposeFacts.IsTrue, "set the service's password from a secret instead"),
        ["NEO4J_AUTH"] = new("Neo4j authentication", v => v.Trim().Equals("none", StringComparison.OrdinalIgnoreCase), "set NEO4J_AUTH to neo4j/${NEO4J_PASSWORD}"),
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

        var reported = new HashSet<TextSpan>();
        foreach (var service in context.Model.Services)
        {
            foreach (var variable in service.Environment)
            {
                if (variable.Value is { } value && Variables.TryGetValue(variable.Key, out var setting) && setting.IsOff(value) && reported.Add(variable.KeySpan))
                {
                    context.Report(Descriptor, variable.KeySpan, service.Name, setting.What, $"{variable.Key}={value.Trim()}", setting.Advice);
                }
            }

            var anonymous = service.Environment.FirstOrDefault(v => v.Key.Equals("GF_AUTH_ANONYMOUS_ENABLED", StringComparison.OrdinalIgnoreCase));
            var role = service.Environment.FirstOrDefault(v => v.Key.Equals("GF_AUTH_ANONYMOUS_ORG_ROLE", StringComparison.OrdinalIgnoreCase));
            if (anonymous is not null && ComposeFacts.IsTrue(anonymous.Value) && role?.Value?.Trim().Equals("Admin", StringComparison.OrdinalIgnoreCase) == true && reported.Add(anonymous.KeySpan))
            {
                context.Report(Descriptor, anonymous.KeySpan, service.Name, "Grafana authentication", "anonymous users get the Admin role", "turn anonymous access off or give it the Viewer role");
            }

            foreach (var command in new[] { service.Entrypoint, service.Command })
            {
                if (command is null)
                {
                    continue;
                }

                var arguments = command.Arguments;
                int protectedMode = arguments.ToList().IndexOf("--protected-mode");
                if (protectedMode >= 0 && protectedMode + 1 < arguments.Count && ComposeFacts.IsFalse(arguments[protectedMode + 1]) && reported.Add(Span(command, protectedMode)))
                {
                    context.Report(Descriptor, Span(command, protectedMode), service.Name, "Redis protected mode", "--protected-mode no", "drop the flag and set --requirepass from a secret");
                }

                foreach (string flag in new[] { "--noauth", "--skip-grant-tables" })
                {
                    int at = arguments.ToList().IndexOf(flag);
                    if (at >= 0 && reported.Add(Span(command, at)))
                    {
                        context.Report(Descriptor, Span(command, at), service.Name, flag == "--noauth" ? "MongoDB authentication" : "MySQL privilege checks", flag, "remove the flag");
                    }
                }
            }
        }
    }

    /// <summary>The list item of the argument, or the whole command for the string form.</summary>
    private static TextSpan Span(ComposeCommand command, int index) =>
        !command.IsStringForm && index < command.Items.Count ? command.Items[index].ReportSpan : command.Node.ReportSpan;
}
