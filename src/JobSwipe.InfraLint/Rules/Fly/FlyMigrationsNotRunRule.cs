using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Fly;

namespace JobSwipe.InfraLint.Rules.Fly;

/// <summary>
/// JSI3007: the repository has database migrations (alembic, Flask-Migrate, Django, Prisma, Rails, EF Core) and the Fly
/// app that deploys that code runs them nowhere: no [deploy] release_command, no process or image command that
/// migrates, and no deploy script (a script that runs <c>fly deploy</c>) that migrates.
/// </summary>
public sealed partial class FlyMigrationsNotRunRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI3007", "Database migrations not run on Fly deploy",
        "{0} deploys code with {1} migrations ({2}) but nothing runs them on deploy: {3}, and no process, image command or deploy script migrates; add [deploy] release_command = \"{4}\"", DiagnosticCategories.Fly, DiagnosticSeverity.Warning,
        "The repository has database migrations (alembic, Flask-Migrate, Django, Prisma, Rails, Entity Framework) in the code a Fly app deploys, and nothing runs them: no [deploy] release_command, no process group or image CMD/ENTRYPOINT (or the script it starts) that migrates, and no deploy script (a script running fly deploy) that migrates. New code then runs against an old schema.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        Repository repository = ctx.Repository;

        // Migration sets: project folder → (tool, a file that proves it). One pass over the file list.
        var migrations = new Dictionary<string, (string Tool, string Evidence, string Command)>(StringComparer.Ordinal);
        foreach (WorkspaceFile file in repository.Files)
        {
            if (Classify(file.RelativePath) is { } found)
            {
                migrations.TryAdd(found.ProjectDir, (found.Tool, file.RelativePath, found.Command));
            }
        }

        if (migrations.Count == 0)
        {
            return;
        }

        // Deploy scripts that migrate: any shell script that runs `fly deploy` and a migration command.
        bool scriptMigrates = repository.GetFiles(FileKind.ShellScript)
            .Select(repository.GetModel<ShellScript>)
            .OfType<ShellScript>()
            .Any(script => script.AllCommands.OfType<SimpleCommand>().Any(IsFlyDeploy) && script.AllCommands.OfType<SimpleCommand>().Any(c => RunsMigration(CommandLine(c))));
        if (scriptMigrates)
        {
            return;
        }

        var appsByDir = FlyApps.Load(repository).Where(a => !a.IsExampleOrTest).GroupBy(a => a.File.Directory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reported = new HashSet<FlyApp>();
        foreach (var (projectDir, set) in migrations.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // The nearest folder at or above the project that holds Fly configs.
            string? dir = projectDir;
            List<FlyApp>? apps = null;
            while (dir is not null && !appsByDir.TryGetValue(dir, out apps))
            {
                dir = dir.Length == 0 ? null : dir.Contains('/') ? dir[..dir.LastIndexOf('/')] : string.Empty;
            }

            if (apps is null)
            {
                continue;
            }

            // Apps that build this code: they build a Dockerfile; when several share the folder, the ones that say so.
            var builders = apps.Where(a => a.DockerfilePath is { } p && repository.FileExists(p)).ToList();
            if (builders.Count > 1 && builders.Any(a => a.HasBuildStrategy))
            {
                builders = [.. builders.Where(a => a.HasBuildStrategy)];
            }

            foreach (FlyApp app in builders.Where(a => reported.Add(a) && !Migrates(a, repository)))
            {
                FlyConfig config = app.Config;
                TextSpan span = config.Deploy?.Table.HeaderKey?.Span ?? app.AppSpan;
                string deploy = config.Deploy is null ? "it has no [deploy] section" : "its [deploy] has no release_command";
                ctx.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    Location.Create(app.File.RelativePath, config.Text, span),
                    app.File.Name,
                    set.Tool,
                    set.Evidence,
                    deploy,
                    set.Command));
            }
        }
    });

    private static bool Migrates(FlyApp app, Repository repository)
    {
        FlyConfig config = app.Config;
        if (config.Deploy?.ReleaseCommand?.Value.AsString() is { Length: > 0 })
        {
            return true;
        }

        if (config.Processes.Any(p => p.CommandText is { } c && RunsMigration(c)))
        {
            return true;
        }

        if (config.Experimental?.GetValue("cmd") is { } cmd && RunsMigration(string.Join(' ', cmd is Syntax.Toml.TomlArrayValue a ? a.Strings.Select(s => s.Value) : [cmd.AsString() ?? string.Empty])))
        {
            return true;
        }

        // The image's own start command (or the script it starts) migrates.
        if (app.DockerfilePath is { } path && repository.GetFile(path) is { } file && repository.GetModel<DockerfileDocument>(file)?.FinalStage is { } stage)
        {
            foreach (CommandInstruction command in stage.Instructions.OfType<CommandInstruction>().Where(i => i.Kind is DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint))
            {
                IReadOnlyList<string> words = command.IsExecForm ? [.. command.ExecArguments.Select(t => t.Text)] : [.. command.Arguments.Select(t => t.Text)];
                // `litefs mount` starts the commands of litefs.yml's exec list, where LiteFS apps run their migrations.
                if (RunsMigration(string.Join(' ', words)) || (words.Contains("litefs") && words.Contains("mount")))
                {
                    return true;
                }

                foreach (string word in words.Where(w => w.EndsWith(".sh", StringComparison.Ordinal)))
                {
                    string name = word.Trim('"', '\'')[(word.Trim('"', '\'').LastIndexOf('/') + 1)..];
                    if (Repository.Combine(file.Directory, name) is { } local && repository.GetFile(local) is { } scriptFile
                        && repository.GetModel<ShellScript>(scriptFile) is { } script
                        && script.AllCommands.OfType<SimpleCommand>().Any(c => RunsMigration(CommandLine(c))))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsFlyDeploy(SimpleCommand command) =>
        command.NameValue is { } name && Path.GetFileName(name) is "fly" or "flyctl" && command.ArgumentValues.Contains("deploy");

    private static string CommandLine(SimpleCommand command) => string.Join(' ', command.Words.Select(w => w.Value));

    internal static bool RunsMigration(string commandLine) => MigrationCommand().IsMatch(commandLine);

    /// <summary>The migration tool a file belongs to, the folder of its project, and the usual release command.</summary>
    internal static (string Tool, string ProjectDir, string Command)? Classify(string path)
    {
        string[] parts = path.Split('/');
        string name = parts[^1];
        string Parent(int segmentsFromEnd) => string.Join('/', parts[..Math.Max(0, parts.Length - segmentsFromEnd)]);

        if (name == "alembic.ini")
        {
            return ("alembic", Parent(1), "alembic upgrade head");
        }

        if (parts.Length >= 3 && parts[^2] == "versions" && name.EndsWith(".py", StringComparison.Ordinal) && parts[^3] is "alembic" or "migrations")
        {
            return parts[^3] == "alembic" ? ("alembic", Parent(3), "alembic upgrade head") : ("Flask-Migrate", Parent(3), "flask db upgrade");
        }

        if (parts.Length >= 3 && parts[^2] == "migrations" && DjangoMigration().IsMatch(name))
        {
            return ("Django", Parent(3), "python manage.py migrate");
        }

        if (parts.Length >= 4 && parts[^3] == "migrations" && parts[^4] == "prisma" && name == "migration.sql")
        {
            return ("Prisma", Parent(4), "npx prisma migrate deploy");
        }

        if (parts.Length >= 3 && parts[^2] == "migrate" && parts[^3] == "db" && name.EndsWith(".rb", StringComparison.Ordinal))
        {
            return ("Rails", Parent(3), "bin/rails db:migrate");
        }

        if (parts.Length >= 2 && parts[^2] == "Migrations" && name.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
        {
            return ("Entity Framework", Parent(2), "./efbundle");
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}_\w+\.py$", RegexOptions.CultureInvariant)]
    private static partial Regex DjangoMigration();

    [GeneratedRegex(@"alembic\b.*\bupgrade|manage\.py\s+migrate|django-admin\s+migrate|prisma\s+migrate\s+deploy|prisma\s+db\s+push|db:(migrate|prepare)|flask\s+db\s+upgrade|ef\s+database\s+update|efbundle|\bmigrate\.sh\b|bin/migrate\b|npm\s+run\s+(db:)?migrat|yarn\s+(db:)?migrat|knex\s+migrate|sequelize(-cli)?\s+db:migrate|typeorm\s+migration:run|goose\s+.*\bup\b|\bmigrate\s+.*\bup\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MigrationCommand();
}
