using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>
/// JSI4016: a credential as a command-line argument. For the well-known password options (<c>docker login -p</c>,
/// <c>sshpass -p</c>, <c>mysql -p…</c>, <c>curl -u user:pass</c>, <c>--password</c>) a <c>$VAR</c> counts too: it expands
/// into the process's arguments all the same. Other token options (<c>--token</c>, <c>--api-key</c>) only with a literal value.
/// </summary>
public sealed class CredentialOnCommandLineRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4016", "Credential on a command line",
        "{0} passes a credential on the command line ({1}): it is visible in process lists and shell history; {2}", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A credential is passed as a command-line argument (docker login -p, curl -u user:pass, mysql -pSECRET, sshpass -p, --password <value>). Arguments are visible to every user of the machine through ps and /proc, and end up in shell history and CI logs.");

    private static readonly HashSet<string> LoginTools = new(StringComparer.Ordinal) { "docker", "podman", "buildah", "skopeo", "helm", "oras", "nerdctl", "crane", "regctl" };
    private static readonly HashSet<string> MySqlTools = new(StringComparer.Ordinal) { "mysql", "mysqldump", "mariadb", "mariadb-dump", "mysqladmin", "mysqlimport" };
    private static readonly string[] TokenOptions = ["--token", "--api-key", "--apikey", "--api-token", "--access-token", "--secret", "--client-secret", "--auth-token"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, ctx => Analyze(ScriptSink.For(ctx)));
        context.RegisterFileAction<CiPipeline>(FileKind.CiWorkflow, ctx =>
        {
            foreach (ScriptSink sink in ScriptSink.For(ctx))
            {
                Analyze(sink);
            }
        });
    }

    private static void Analyze(ScriptSink ctx)
    {
        foreach (CommandContext c in ctx.Model.EnumerateCommands())
        {
            if (CommandLine.From(c.Command) is not { } line)
            {
                continue;
            }

            var args = line.Arguments;
            for (int i = 0; i < args.Count; i++)
            {
                string a = args[i].Value;
                ShellWord? next = i + 1 < args.Count ? args[i + 1] : null;
                if (LoginTools.Contains(line.Name) && args.Any(x => x.Value == "login") && (a is "-p" or "--password") && next is not null)
                {
                    Report(ctx, args[i], next, $"'{line.Name} login {a}'", "pipe it in with --password-stdin");
                }
                else if (LoginTools.Contains(line.Name) && args.Any(x => x.Value == "login") && a.StartsWith("--password=", StringComparison.Ordinal))
                {
                    Report(ctx, args[i], null, $"'{line.Name} login --password='", "pipe it in with --password-stdin");
                }
                else if (line.Name == "sshpass" && a == "-p" && next is not null)
                {
                    Report(ctx, args[i], next, "'sshpass -p'", "use sshpass -e (SSHPASS variable) or -f file, or better an SSH key");
                }
                else if (line.Name == "sshpass" && a.StartsWith("-p", StringComparison.Ordinal) && a.Length > 2)
                {
                    Report(ctx, args[i], null, "'sshpass -p'", "use sshpass -e (SSHPASS variable) or -f file, or better an SSH key");
                }
                else if (MySqlTools.Contains(line.Name) && a.StartsWith("-p", StringComparison.Ordinal) && a.Length > 2 && !a.StartsWith("--", StringComparison.Ordinal))
                {
                    Report(ctx, args[i], null, $"'{line.Name} -p<password>'", "use MYSQL_PWD-free option files (--defaults-extra-file) or a login path");
                }
                else if (line.Name is "curl" && (a is "-u" or "--user" or "-U" or "--proxy-user") && next is not null && HasPassword(next))
                {
                    Report(ctx, args[i], next, $"'curl {a} user:password'", "use a netrc file (--netrc-file) or read the header from a file (-H @file)");
                }
                else if (a is "--password" && next is not null && !next.Value.StartsWith('-') && !LoginTools.Contains(line.Name))
                {
                    Report(ctx, args[i], next, $"'{line.Name} --password'", "pass it through stdin, a file or an environment variable the tool reads");
                }
                else if (a.StartsWith("--password=", StringComparison.Ordinal) && a.Length > 11 && !LoginTools.Contains(line.Name))
                {
                    Report(ctx, args[i], null, $"'{line.Name} --password='", "pass it through stdin, a file or an environment variable the tool reads");
                }
                else if (TokenOptions.Contains(a, StringComparer.Ordinal) && next is { IsLiteral: true } literal && literal.Value.Length >= 8 && !literal.Value.StartsWith('-') && !literal.Value.StartsWith('<'))
                {
                    Report(ctx, args[i], next, $"'{line.Name} {a}' with a literal value", "take it from an environment variable the tool reads, or a file");
                }
            }
        }
    }

    private static bool HasPassword(ShellWord userWord)
    {
        string v = userWord.Value;
        int colon = v.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < v.Length - 1;
    }

    private static void Report(ScriptSink ctx, ShellWord option, ShellWord? value, string what, string fix)
    {
        var span = value is null ? option.Span : TextSpan.FromBounds(option.Span.Start, value.Span.Start + value.Span.Length);
        string kind = (value ?? option).IsLiteral ? "a literal" : "an expanded variable, still visible once expanded";
        ctx.Report(Descriptor, span, what, kind, fix);
    }
}
