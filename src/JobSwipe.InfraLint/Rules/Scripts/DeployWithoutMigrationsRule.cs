using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4002: a script deploys a Fly app whose code has migrations, and neither it nor the Fly config runs them.</summary>
public sealed partial class DeployWithoutMigrationsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4002", "Deploy without database migrations",
        "'{0}' deploys {1}, whose code has database migrations ({2}), but neither this script nor the Fly config runs them; add a [deploy] release_command (e.g. 'alembic upgrade head') or a migration step", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script deploys an app whose source has database migrations (Alembic, Django, Prisma, Rails, EF Core, Flyway, Liquibase…), and neither the script runs them nor the Fly config it deploys has a release_command. The new code then runs against the old schema.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    /// <summary>The files that show a project has database migrations (one pass over the repository's file list).</summary>
    public static IReadOnlyList<string> FindMigrationMarkers(Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var markers = new List<string>();
        foreach (WorkspaceFile file in repository.Files)
        {
            if (MigrationPath().IsMatch(file.RelativePath))
            {
                markers.Add(file.RelativePath);
            }
        }

        return markers;
    }

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        IReadOnlyList<string> markers = FindMigrationMarkers(ctx.Repository);
        if (markers.Count == 0)
        {
            return;
        }

        foreach (WorkspaceFile file in ctx.Repository.GetFiles(FileKind.ShellScript))
        {
            if (ctx.Repository.GetModel<ShellScript>(file) is not { } script)
            {
                continue;
            }

            var facts = ScriptFacts.For(script);
            if (facts.Commands.Any(c => DeployCommands.IsMigration(c.Line)))
            {
                continue;
            }

            foreach (var (command, platform) in facts.Deploys)
            {
                if (platform != DeployPlatform.Fly || FlyTargets.Resolve(file, ctx.Repository, facts, command) is not { } fly
                    || ctx.Repository.GetModel<FlyConfig>(fly) is not { } config || config.Deploy?.ReleaseCommand is not null)
                {
                    continue;
                }

                string dir = fly.Directory;
                string? marker = markers.FirstOrDefault(m => dir.Length == 0 || m.StartsWith(dir + "/", StringComparison.Ordinal));
                if (marker is null)
                {
                    continue;
                }

                var span = DeployCommands.VerbSpan(command.Line);
                string app = config.App?.Value.AsString() is { } name ? $"{fly.RelativePath} (app '{name}')" : fly.RelativePath;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(file.RelativePath, script.Text, span),
                    [Location.Create(fly.RelativePath, config.Text, config.App?.Span ?? new JobSwipe.InfraLint.Text.TextSpan(0, 0))],
                    DeployCommands.Describe(script.Text.Content, span), app, marker));
                break;
            }
        }
    }

    // alembic.ini, alembic/versions/*.py (and Flask-Migrate's migrations/versions), Django migrations/0001_*.py,
    // prisma/migrations/*/migration.sql, Rails db/migrate/*.rb, EF Core Migrations/*.cs, Flyway db/migration/V1__*.sql,
    // Liquibase changelogs, goose/golang-migrate *.up.sql, Knex/Sequelize migrations/*.js.
    [GeneratedRegex(@"(^|/)(alembic\.ini|(alembic|migrations)/versions/[^/]+\.py|migrations/\d{4}_[^/]+\.py|prisma/migrations/[^/]+/migration\.sql|db/migrate/\d+_[^/]+\.rb|Migrations/\d{14}_[^/]+\.cs|db/migration/V\d[^/]*__[^/]+\.sql|db\.changelog[^/]*\.(xml|ya?ml|json|sql)|migrations/[^/]+\.up\.sql|migrations/\d{8,}[^/]*\.(js|ts))$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationPath();
}
