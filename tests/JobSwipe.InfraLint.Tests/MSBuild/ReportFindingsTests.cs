using JobSwipe.InfraLint.MSBuild;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace JobSwipe.InfraLint.Tests.MSBuild;

/// <summary>
/// The reporting task through a fake build engine: each finding logged with file, span, code and help link at the
/// severity the project's NoWarn/WarningsAsErrors give it, the summary, the failure result, the claim, JSI0006, cancellation.
/// </summary>
public class ReportFindingsTests
{
    private const string Help = "https://example.test/rules/";

    private static readonly FindingRecord Error = new("JSI2001", "error", "deploy/docker-compose.production.yml", 4, 21, 4, 25, "service 'vault' runs Vault in development mode", Help + "JSI2001");
    private static readonly FindingRecord Warning = new("JSI2002", "warning", "docker-compose.yml", 7, 7, 7, 8, "'A' is defined twice", Help + "JSI2002", AdditionalLocations: [new FindingLocation("docker-compose.yml", 6, 7, 6, 8)]);
    private static readonly FindingRecord Info = new("JSI2004", "info", "docker-compose.yml", 2, 3, 2, 8, "no memory limit", Help + "JSI2004");
    private static readonly FindingRecord RepositoryLevel = new("JSI7001", "warning", "", 0, 0, 0, 0, "no CI/CD pipeline", Help + "JSI7001");

    [Test]
    public void Logs_each_finding_with_file_span_code_and_help_link_and_fails_on_an_error()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Error, Warning, Info));

        Assert.That(task.Execute(), Is.False, "an error finding fails the build");

        Assert.That(task.ErrorCount, Is.EqualTo(1));
        var error = engine.Errors.Single();
        Assert.That(
            (error.Code, error.File, error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber, error.HelpLink, error.Message),
            Is.EqualTo(("JSI2001", Path.Combine(repo.Root, "deploy", "docker-compose.production.yml"), 4, 21, 4, 25, Help + "JSI2001", "service 'vault' runs Vault in development mode")));
        var warning = engine.Warnings.Single();
        Assert.That(
            (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber, warning.EndLineNumber, warning.EndColumnNumber, warning.HelpLink),
            Is.EqualTo(("JSI2002", Path.Combine(repo.Root, "docker-compose.yml"), 7, 7, 7, 8, Help + "JSI2002")));
        Assert.That(warning.Message, Is.EqualTo("'A' is defined twice (also at docker-compose.yml(6,7))"));
        var info = engine.Messages.Single(m => m.Code == "JSI2004");
        Assert.That((info.File, info.LineNumber, info.ColumnNumber, info.Importance), Is.EqualTo((Path.Combine(repo.Root, "docker-compose.yml"), 2, 3, MessageImportance.Normal)));
    }

    [Test]
    public void Succeeds_with_warnings_only_and_prints_the_summary_at_the_default_verbosity()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Warning, Info));

        Assert.That(task.Execute(), Is.True);

        Assert.That(task.ErrorCount, Is.Zero);
        Assert.That(
            engine.MessagesAtLeast(MessageImportance.High),
            Is.EqualTo(new[] { "InfraLint: 3 files, 2 analyzed: 0 errors, 1 warning, 1 info, 0 suppressed (baseline 0) in 5 ms" }));
    }

    [Test]
    public void Says_when_the_findings_came_from_the_cache()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Warning), fromCache: true);

        Assert.That(task.Execute(), Is.True);

        Assert.That(engine.MessagesAtLeast(MessageImportance.High).Single(), Does.EndWith(" in 5 ms (unchanged since the last build: findings re-reported from the cache)"));
    }

    [Test]
    public void The_projects_NoWarn_and_WarningsAsErrors_apply()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Error, Warning, Info), configure: t =>
        {
            t.NoWarn = "CS1591;JSI2001";
            t.WarningsAsErrors = "JSI2002";
        });

        Assert.That(task.Execute(), Is.False);

        Assert.That(engine.Errors.Select(e => e.Code), Is.EqualTo(new[] { "JSI2002" }));
        Assert.That(engine.Warnings, Is.Empty);
        Assert.That(task.ErrorCount, Is.EqualTo(1));
    }

    [Test]
    public void TreatWarningsAsErrors_spares_WarningsNotAsErrors()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Warning, RepositoryLevel), configure: t =>
        {
            t.TreatWarningsAsErrors = "true";
            t.WarningsNotAsErrors = "JSI7001";
        });

        Assert.That(task.Execute(), Is.False);

        Assert.That(engine.Errors.Select(e => e.Code), Is.EqualTo(new[] { "JSI2002" }));
        Assert.That(engine.Warnings.Select(w => w.Code), Is.EqualTo(new[] { "JSI7001" }));
    }

    [Test]
    public void A_repository_level_finding_is_logged_against_the_project_file_without_a_line()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, RepositoryLevel), configure: t => t.ProjectFile = "/src/App/App.csproj");

        Assert.That(task.Execute(), Is.True);

        var warning = engine.Warnings.Single();
        Assert.That((warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber), Is.EqualTo(("JSI7001", "/src/App/App.csproj", 0, 0)));
    }

    [Test]
    public void A_run_is_reported_by_the_first_project_that_claims_it_only()
    {
        using var repo = new TempRepository();
        var run = Findings(repo, Error);
        var (first, firstEngine) = Create(run);
        var (second, secondEngine) = Create(run);

        Assert.That(first.Execute(), Is.False);
        Assert.That(second.Execute(), Is.True);

        Assert.That(firstEngine.Errors, Has.Count.EqualTo(1));
        Assert.That(secondEngine.Errors, Is.Empty);
        Assert.That(secondEngine.Warnings, Is.Empty);
        Assert.That(secondEngine.Messages.Select(m => (m.Importance, m.Message)), Is.EqualTo(new[] { (MessageImportance.Low, $"InfraLint: the findings for {repo.Root} are reported by another project of this build.") }));
    }

    [Test]
    public void A_missing_findings_file_is_one_JSI0006_warning()
    {
        using var repo = new TempRepository();
        string missing = Path.Combine(repo.Root, "obj", "infralint", "findings.json");
        var (task, engine) = Create(Run(missing, repo.Root, fromCache: false));

        Assert.That(task.Execute(), Is.True);

        var warning = engine.Warnings.Single();
        Assert.That((warning.Code, warning.File, warning.LineNumber), Is.EqualTo(("JSI0006", missing, 0)));
        Assert.That(warning.Message, Is.EqualTo("InfraLint could not read its findings file (missing or not valid); the infrastructure files were not reported in this build"));
    }

    [Test]
    public void NoWarn_silences_JSI0006()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Run(Path.Combine(repo.Root, "missing.json"), repo.Root, fromCache: false), configure: t => t.NoWarn = "JSI0006");

        Assert.That(task.Execute(), Is.True);

        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void Cancel_stops_the_reporting()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Error, Warning));

        task.Cancel();

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors, Is.Empty);
        Assert.That(engine.Warnings, Is.Empty);
        Assert.That(engine.Messages, Is.Empty);
    }

    [Test]
    public void Cancel_during_the_reporting_logs_no_further_finding()
    {
        using var repo = new TempRepository();
        var (task, engine) = Create(Findings(repo, Info, Warning, Error));
        engine.OnMessage = m =>
        {
            if (m.Code == "JSI2004")
            {
                task.Cancel();
            }
        };

        Assert.That(task.Execute(), Is.False);

        Assert.That(engine.Warnings, Is.Empty);
        Assert.That(engine.Errors, Is.Empty);
        Assert.That(engine.MessagesAtLeast(MessageImportance.High), Is.Empty, "no summary");
    }

    /// <summary>A findings file under the root's obj/infralint, as the analysis writes it, and the run item that names it.</summary>
    private static ITaskItem Findings(TempRepository repo, params FindingRecord[] findings)
    {
        string path = Path.Combine(repo.Root, "obj", "infralint", "findings.json");
        new FindingsFile(repo.Root, "fingerprint", 3, 2, 5, findings).Write(path);
        return Run(path, repo.Root, fromCache: false);
    }

    private static ITaskItem Run(string path, string root, bool fromCache)
    {
        var item = new TaskItem(path);
        item.SetMetadata("RunId", Guid.NewGuid().ToString("N"));
        item.SetMetadata("Root", root);
        item.SetMetadata("FromCache", fromCache ? "True" : "False");
        return item;
    }

    private static (ReportFindings Task, FakeBuildEngine Engine) Create(ITaskItem run, bool fromCache = false, Action<ReportFindings>? configure = null)
    {
        if (fromCache)
        {
            run.SetMetadata("FromCache", "True");
        }

        var engine = new FakeBuildEngine();
        var task = new ReportFindings { BuildEngine = engine, Runs = [run], ProjectFile = "/src/App/App.csproj" };
        configure?.Invoke(task);
        return (task, engine);
    }
}
