using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Procfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Entrypoints;

/// <summary>JSI6003: a Procfile web process on a fixed port, or bound to localhost only.</summary>
public sealed class ProcfileWebPortNotBoundRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI6003", "Procfile web process does not bind $PORT",
        "the Procfile web process {0}; bind 0.0.0.0 and the port in $PORT (e.g. --host 0.0.0.0 --port $PORT)", DiagnosticCategories.Entrypoints, DiagnosticSeverity.Warning,
        "A Procfile `web` process listens on a fixed port instead of the one the platform passes in $PORT, or binds only localhost/127.0.0.1. The router cannot reach it and the platform marks the release as crashed after its boot timeout.");

    // Servers that ignore $PORT unless told: without a port option they listen on their own default.
    private static readonly HashSet<string> NeedPortOption = new(StringComparer.Ordinal) { "uvicorn", "hypercorn", "daphne", "granian", "streamlit", "flask" };
    private static readonly string[] PortOptions = ["--port", "-p", "--bind", "-b", "--host", "-H", "--listen", "--server.port", "--server.address"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ProcfileDocument>(FileKind.Procfile, Analyze);

    private static void Analyze(FileAnalysisContext<ProcfileDocument> ctx)
    {
        ProcfileEntry? web = ctx.Model.Get("web");
        if (web is null || web.ParseCommand().Model?.EnumerateCommands().FirstOrDefault() is not { } first)
        {
            return;
        }

        bool exact = ctx.Model.Text.Content.Length >= web.CommandSpan.Start + web.CommandSpan.Length && ctx.Model.Text.Content.Substring(web.CommandSpan.Start, web.CommandSpan.Length) == web.Command;
        TextSpan Map(TextSpan s) => exact ? new TextSpan(web.CommandSpan.Start + s.Start, s.Length) : web.CommandSpan;

        var words = first.Command.Program is { } program ? [program, .. first.Command.ProgramArguments] : new List<ShellWord>();
        if (words.Count > 2 && words[0].Value.StartsWith("python", StringComparison.Ordinal) && words[1].Value == "-m")
        {
            words = words.Skip(2).ToList();
        }

        if (words.Count == 0)
        {
            return;
        }

        bool usesPort = words.Any(w => w.Value.Contains("$PORT", StringComparison.Ordinal) || w.Value.Contains("${PORT", StringComparison.Ordinal));
        for (int i = 0; i < words.Count; i++)
        {
            string v = words[i].Value;
            string? value = PortOptions.Contains(v, StringComparer.Ordinal) && i + 1 < words.Count ? words[i + 1].Value
                : PortOptions.FirstOrDefault(o => o.StartsWith("--", StringComparison.Ordinal) && v.StartsWith(o + "=", StringComparison.Ordinal)) is { } opt ? v[(opt.Length + 1)..] : null;
            bool positionalBind = words[0].Value.EndsWith("manage.py", StringComparison.Ordinal) || (i > 0 && words[i - 1].Value == "runserver");
            if (value is null && positionalBind && i > 0 && words[i - 1].Value == "runserver")
            {
                value = v;
            }

            if (value is null)
            {
                continue;
            }

            var span = Map(PortOptions.Contains(v, StringComparer.Ordinal) ? words[i + 1].Span : words[i].Span);
            if (value.StartsWith("127.", StringComparison.Ordinal) || value.StartsWith("localhost", StringComparison.Ordinal) || value.StartsWith("[::1]", StringComparison.Ordinal))
            {
                ctx.Report(Descriptor, span, $"binds only {value.Split(':')[0]}, which the router cannot reach");
                return;
            }

            if (!usesPort && value.Any(char.IsAsciiDigit) && value.Split(':')[^1].All(char.IsAsciiDigit))
            {
                ctx.Report(Descriptor, span, $"listens on the fixed port {value.Split(':')[^1]} instead of $PORT");
                return;
            }
        }

        string tool = words[0].Value[(words[0].Value.LastIndexOf('/') + 1)..];
        if (!usesPort && NeedPortOption.Contains(tool))
        {
            ctx.Report(Descriptor, Map(words[0].Span), $"starts {tool} without a port, so it listens on its default port instead of $PORT");
        }
    }
}
