using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4011: <c>fly deploy/secrets … --app X</c> where X is the app of no Fly config in the repository.</summary>
public sealed class UnknownFlyAppRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4011", "Script targets an unknown Fly app",
        "'{0}' targets the Fly app '{1}', which is the app of no Fly config in this repository ({2}); fix the name or add its fly.toml", DiagnosticCategories.Scripts, DiagnosticSeverity.Error,
        "A script deploys or sets secrets (fly deploy, fly secrets set/import/unset) for an app name given with --app/-a that no fly.toml in the repository declares as its `app`. The command deploys to, or changes the secrets of, a different app (or fails), typically after an app was renamed.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var apps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (WorkspaceFile fly in ctx.Repository.GetFiles(FileKind.FlyConfig))
        {
            if (ctx.Repository.GetModel<FlyConfig>(fly)?.App?.Value.AsString() is { Length: > 0 } app)
            {
                apps.Add(app);
            }
        }

        if (apps.Count == 0)
        {
            return;
        }

        string known = "its apps: " + string.Join(", ", apps.Take(5)) + (apps.Count > 5 ? ", …" : "");

        // One wrong app name in a script (APP=… used by several fly commands) is one finding: at its first use, the
        // other uses as additional locations.
        var problems = new Dictionary<(string File, string App), (Location Location, string Verb, string App, List<Location> Others)>();
        foreach (WorkspaceFile file in ctx.Repository.GetFiles(FileKind.ShellScript))
        {
            if (ctx.Repository.GetModel<ShellScript>(file) is not { } script)
            {
                continue;
            }

            var facts = ScriptFacts.For(script);
            foreach (ScriptCommand command in facts.Commands)
            {
                if (command.Line.Name is not ("fly" or "flyctl"))
                {
                    continue;
                }

                var p = command.Line.Positionals("-a", "--app", "-c", "--config", "-t", "--access-token");
                bool targeted = p.Count > 0 && (p[0].Value == "deploy" || (p[0].Value == "secrets" && p.Count > 1 && p[1].Value is "set" or "import" or "unset"));
                // Fly app names are lower-case letters, digits and dashes; anything else is a template ({{.Name}}, <app>).
                if (!targeted || FlyTargets.AppName(facts, command) is not { } app || apps.Contains(app.Name) || !IsAppName(app.Name))
                {
                    continue;
                }

                var verb = command.Line.SpanTo(p[0].Value == "secrets" ? p[1] : p[0]);
                if (problems.TryGetValue((file.RelativePath, app.Name), out var problem))
                {
                    problem.Others.Add(Location.Create(file.RelativePath, script.Text, app.Span));
                    continue;
                }

                problems[(file.RelativePath, app.Name)] = (Location.Create(file.RelativePath, script.Text, app.Span), script.Text.Content.Substring(verb.Start, verb.Length), app.Name, []);
            }
        }

        foreach (var (location, verb, app, others) in problems.Values)
        {
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, location, others, verb, app, known));
        }
    }

    private static bool IsAppName(string name) => name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
