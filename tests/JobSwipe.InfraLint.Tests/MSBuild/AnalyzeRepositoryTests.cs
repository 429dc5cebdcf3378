using JobSwipe.InfraLint.MSBuild;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace JobSwipe.InfraLint.Tests.MSBuild;

/// <summary>The analysis task through a fake build engine: its output item, the no-op cache, the baseline, SARIF, JSI0006 and cancellation.</summary>
public class AnalyzeRepositoryTests
{
    /// <summary>JSI2001 (an error in a production file) on line 4, column 21.</summary>
    private const string ProductionCompose = "services:\n  vault:\n    image: hashicorp/vault:1.15\n    command: server -dev\n";

    [Test]
    public void Writes_the_findings_file_and_outputs_it_with_the_run_metadata()
    {
        using var repo = Repository();
        var (task, engine) = Create(repo);

        Assert.That(task.Execute(), Is.True);

        Assert.That(task.Run, Is.Not.Null);
        Assert.That(task.Run!.ItemSpec, Is.EqualTo(Path.Combine(repo.Root, "obj", "infralint", "findings.json")));
        Assert.That(task.Run.GetMetadata("Root"), Is.EqualTo(repo.Root));
        Assert.That(task.Run.GetMetadata("FromCache"), Is.EqualTo("False"));
        Assert.That(task.Run.GetMetadata("RunId"), Does.Match("^[0-9a-f]{32}$"));
        var findings = FindingsFile.TryRead(task.Run.ItemSpec);
        Assert.That(findings, Is.Not.Null);
        Assert.That(findings!.Root, Is.EqualTo(repo.Root));
        Assert.That(
            findings.Findings.Select(f => (f.RuleId, f.Severity, f.Path, f.Line, f.Column)),
            Does.Contain(("JSI2001", "error", "docker-compose.production.yml", 4, 21)));
        // The analysis logs no finding: the projects that asked for it do (ReportFindings).
        Assert.That(engine.Errors, Is.Empty);
        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void A_second_run_with_nothing_changed_reports_from_the_cache()
    {
        using var repo = Repository();
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);
        string written = File.ReadAllText(first.Run!.ItemSpec);

        var (second, engine) = Create(repo);
        Assert.That(second.Execute(), Is.True);

        Assert.That(second.Run!.GetMetadata("FromCache"), Is.EqualTo("True"));
        Assert.That(second.Run.ItemSpec, Is.EqualTo(first.Run.ItemSpec));
        Assert.That(second.Run.GetMetadata("RunId"), Is.Not.EqualTo(first.Run.GetMetadata("RunId")), "each run is claimed by one reporting project");
        Assert.That(File.ReadAllText(second.Run.ItemSpec), Is.EqualTo(written));
        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void A_changed_infrastructure_file_lints_again()
    {
        using var repo = Repository();
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);

        repo.Write("docker-compose.production.yml", ProductionCompose + "  web:\n    image: nginx:1.27\n");
        var (second, _) = Create(repo);
        Assert.That(second.Execute(), Is.True);

        Assert.That(second.Run!.GetMetadata("FromCache"), Is.EqualTo("False"));
        Assert.That(FindingsFile.TryRead(second.Run.ItemSpec)!.Findings.Any(f => f.Message.Contains("'web'", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void An_edited_source_file_is_re_linted_alone_and_its_secret_reported_as_a_whole_run_would()
    {
        using var repo = Repository();
        repo.Write("Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n");
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);

        string program = repo.Write("Program.cs", "var app = WebApplication.Create(args);\nvar key = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\";\napp.Run();\n");
        File.SetLastWriteTimeUtc(program, File.GetLastWriteTimeUtc(program).AddSeconds(5));
        var (second, _) = Create(repo);
        Assert.That(second.Execute(), Is.True);
        var (whole, _) = Create(repo, t => t.CacheDirectory = Path.Combine(repo.Root, "obj", "whole"));
        Assert.That(whole.Execute(), Is.True);

        Assert.That(second.Run!.GetMetadata("FromCache"), Is.EqualTo("False"));
        var relinted = FindingsFile.TryRead(second.Run.ItemSpec)!;
        var expected = FindingsFile.TryRead(whole.Run!.ItemSpec)!;
        Assert.That(relinted.Relinted, Is.EqualTo(1));
        Assert.That(expected.Relinted, Is.Null);
        Assert.That((relinted with { ElapsedMs = 0, Relinted = null }).ToJson(), Is.EqualTo((expected with { ElapsedMs = 0 }).ToJson()));

        var engine = new FakeBuildEngine();
        var report = new ReportFindings { BuildEngine = engine, Runs = [second.Run], ProjectFile = Path.Combine(repo.Root, "App.csproj") };
        Assert.That(report.Execute(), Is.False);
        Assert.That(engine.Errors.Select(e => (e.Code, Path.GetFileName(e.File), e.LineNumber)), Does.Contain(("JSI5001", "Program.cs", 2)));
        Assert.That(engine.MessagesAtLeast(MessageImportance.High), Has.Some.Contains("1 changed file(s) re-linted alone"));
    }

    [Test]
    public void Another_package_version_lints_again()
    {
        using var repo = Repository();
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);

        var (second, _) = Create(repo, t => t.PackageVersion = "another");
        Assert.That(second.Execute(), Is.True);

        Assert.That(second.Run!.GetMetadata("FromCache"), Is.EqualTo("False"));
    }

    [Test]
    public void Updating_the_baseline_writes_it_says_so_and_lints_again()
    {
        using var repo = Repository();
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);
        int total = FindingsFile.TryRead(first.Run!.ItemSpec)!.Findings.Count;
        string baseline = Path.Combine(repo.Root, "infralint.baseline.json");

        var (update, engine) = Create(repo, t => t.UpdateBaseline = true);
        Assert.That(update.Execute(), Is.True);

        Assert.That(File.Exists(baseline), Is.True);
        Assert.That(
            engine.MessagesAtLeast(MessageImportance.High),
            Does.Contain($"InfraLint: wrote {total} finding(s) to the baseline {baseline}; from now on only new findings are reported."));
        Assert.That(update.Run!.GetMetadata("FromCache"), Is.EqualTo("False"));
        var findings = FindingsFile.TryRead(update.Run.ItemSpec)!;
        Assert.That(findings.Findings, Is.Empty);
        Assert.That(findings.BaselineSuppressed, Is.EqualTo(total));
    }

    [Test]
    public void A_baseline_other_than_the_default_gets_a_findings_file_of_its_own()
    {
        using var repo = Repository();
        var (task, _) = Create(repo, t => t.BaselineFile = Path.Combine(repo.Root, "config", "accepted.json"));

        Assert.That(task.Execute(), Is.True);

        Assert.That(Path.GetFileName(task.Run!.ItemSpec), Does.Match("^findings-[0-9a-f]{12}\\.json$"));
    }

    [Test]
    public void Writes_SARIF_when_asked()
    {
        using var repo = Repository();
        string sarif = Path.Combine(repo.Root, "out", "infralint.sarif");
        var (task, engine) = Create(repo, t => t.SarifFile = sarif);

        Assert.That(task.Execute(), Is.True);

        Assert.That(File.ReadAllText(sarif), Does.Contain("\"ruleId\": \"JSI2001\""));
        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void Writes_SARIF_from_the_cache_too()
    {
        using var repo = Repository();
        var (first, _) = Create(repo);
        Assert.That(first.Execute(), Is.True);
        string sarif = Path.Combine(repo.Root, "out", "infralint.sarif");

        var (second, _) = Create(repo, t => t.SarifFile = sarif);
        Assert.That(second.Execute(), Is.True);

        Assert.That(second.Run!.GetMetadata("FromCache"), Is.EqualTo("True"));
        Assert.That(File.ReadAllText(sarif), Does.Contain("\"ruleId\": \"JSI2001\"").And.Contain("\"id\": \"JSI0006\""));
    }

    [Test]
    public void A_SARIF_file_it_cannot_write_is_one_JSI0006_warning_and_the_run_goes_on()
    {
        using var repo = Repository();
        string folder = Path.Combine(repo.Root, "taken");
        Directory.CreateDirectory(folder);
        var (task, engine) = Create(repo, t => t.SarifFile = folder);

        Assert.That(task.Execute(), Is.True);

        Assert.That(engine.Warnings, Has.Count.EqualTo(1));
        var warning = engine.Warnings[0];
        Assert.That((warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber), Is.EqualTo(("JSI0006", folder, 0, 0)));
        Assert.That(warning.Message, Does.StartWith("InfraLint could not write the SARIF file (").And.EndWith("); the findings are still reported in the build"));
        Assert.That(warning.HelpLink, Does.Contain("JSI0006"));
        Assert.That(task.Run, Is.Not.Null);
        Assert.That(File.Exists(task.Run!.ItemSpec), Is.True);
    }

    [Test]
    public void A_baseline_it_cannot_write_is_one_JSI0006_warning()
    {
        using var repo = Repository();
        string folder = Path.Combine(repo.Root, "taken");
        Directory.CreateDirectory(folder);
        var (task, engine) = Create(repo, t =>
        {
            t.BaselineFile = folder;
            t.UpdateBaseline = true;
        });

        Assert.That(task.Execute(), Is.True);

        Assert.That(engine.Warnings.Select(w => (w.Code, w.File)), Is.EqualTo(new[] { ("JSI0006", folder) }));
        Assert.That(engine.Warnings[0].Message, Does.StartWith("InfraLint could not write the baseline file (").And.EndWith("); no finding was accepted into it"));
        Assert.That(engine.MessagesAtLeast(MessageImportance.High).Any(m => m.Contains("to the baseline", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Fixes_the_files_first_when_asked_and_says_what_changed()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["compose.yaml"] = "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n",
        });
        var (task, engine) = Create(repo, t => t.Fix = true);

        Assert.That(task.Execute(), Is.True);

        Assert.That(File.ReadAllText(Path.Combine(repo.Root, "compose.yaml")), Does.Not.Contain("version"));
        var said = engine.MessagesAtLeast(MessageImportance.High).ToList();
        Assert.That(said, Does.Contain($"InfraLint: fixed {Path.Combine(repo.Root, "compose.yaml")} (JSI2013)"));
        Assert.That(said, Has.Some.Match(@"^InfraLint: applied \d+ fix\(es\) in 1 file\(s\)\.$"));
        Assert.That(FindingsFile.TryRead(task.Run!.ItemSpec)!.Findings.Select(f => f.RuleId), Does.Not.Contain("JSI2013"));
    }

    [Test]
    public void Cancel_before_the_run_stops_it()
    {
        using var repo = Repository();
        var (task, engine) = Create(repo);

        task.Cancel();

        Assert.That(task.Execute(), Is.False);
        Assert.That(task.Run, Is.Null);
        Assert.That(File.Exists(Path.Combine(repo.Root, "obj", "infralint", "findings.json")), Is.False);
        Assert.That(engine.Errors, Is.Empty);
    }

    [Test]
    public void Cancel_during_the_run_stops_it_before_the_analysis()
    {
        using var repo = Repository();
        var (task, engine) = Create(repo, t => t.UpdateBaseline = true);
        // The baseline step's message is logged mid-run; the build is cancelled then, as Ctrl+C would.
        engine.OnMessage = m =>
        {
            if (m.Message?.Contains("to the baseline", StringComparison.Ordinal) == true)
            {
                task.Cancel();
            }
        };

        Assert.That(task.Execute(), Is.False);

        Assert.That(File.Exists(Path.Combine(repo.Root, "infralint.baseline.json")), Is.True, "the step before the cancellation completed");
        Assert.That(task.Run, Is.Null);
        Assert.That(File.Exists(Path.Combine(repo.Root, "obj", "infralint", "findings.json")), Is.False);
        Assert.That(engine.Errors, Is.Empty);
        Assert.That(engine.Messages.Select(m => m.Message), Has.Some.StartWith("InfraLint: canceled"));
    }

    [Test]
    public void With_timings_the_task_says_how_long_each_step_took_and_without_says_nothing()
    {
        using var repo = Repository();
        var (first, firstEngine) = Create(repo, t => t.Timings = true);
        Assert.That(first.Execute(), Is.True);
        var (second, secondEngine) = Create(repo, t => t.Timings = true);
        Assert.That(second.Execute(), Is.True);
        var (third, thirdEngine) = Create(repo);
        Assert.That(third.Execute(), Is.True);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                firstEngine.MessagesAtLeast(MessageImportance.High),
                Has.One.Match(@"^InfraLint timings: discovery \d+\.\d ms, cache read \d+\.\d ms, whole run \d+\.\d ms, store \d+\.\d ms; the task \d+\.\d ms in all\.$"));
            Assert.That(
                secondEngine.MessagesAtLeast(MessageImportance.High),
                Has.One.Match(@"^InfraLint timings: discovery \d+\.\d ms, cache read \d+\.\d ms, fingerprint \d+\.\d ms; the task \d+\.\d ms in all \(no-op: reported from the cache\)\.$"));
            Assert.That(thirdEngine.Messages.Select(m => m.Message), Has.None.Contains("timings"));
        }
    }

    [Test]
    public void In_the_projects_own_target_the_first_build_delegates_and_registers_and_the_next_analyses_alone()
    {
        using var repo = Repository();
        string project = repo.Write("App.csproj", "<Project />");

        var (first, firstEngine) = Create(repo, t => t.ReportingProject = project);
        Assert.That(first.Execute(), Is.True);
        bool analysedFirst = File.Exists(Path.Combine(repo.Root, "obj", "infralint", "findings.json"));
        var (second, _) = Create(repo, t => t.ReportingProject = project);
        Assert.That(second.Execute(), Is.True);
        var (third, _) = Create(repo, t => t.ReportingProject = project);
        Assert.That(third.Execute(), Is.True);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Delegated, Is.True);
            Assert.That(first.Run, Is.Null, "a delegating project leaves the analysis to the shared analysis project");
            Assert.That(analysedFirst, Is.False);
            Assert.That(firstEngine.Messages, Is.Empty);
            Assert.That(File.ReadAllText(new LintingProjects(Path.Combine(repo.Root, "obj", "infralint")).EntryFor(project)), Is.EqualTo(project));

            Assert.That(second.Delegated, Is.False);
            Assert.That(second.Run!.ItemSpec, Is.EqualTo(Path.Combine(repo.Root, "obj", "infralint", "findings.json")));
            Assert.That(second.Run.GetMetadata("FromCache"), Is.EqualTo("False"));
            Assert.That(second.Run.GetMetadata("RunId"), Is.Empty, "no other project shares this run, so there is nothing to claim");
            Assert.That(third.Run!.GetMetadata("FromCache"), Is.EqualTo("True"));
        }
    }

    [Test]
    public void A_second_project_on_the_root_sends_both_to_the_shared_analysis()
    {
        using var repo = Repository();
        string alpha = repo.Write("src/Alpha/Alpha.csproj", "<Project />");
        string beta = repo.Write("src/Beta/Beta.csproj", "<Project />");
        Assert.That(Create(repo, t => t.ReportingProject = alpha).Task.Execute(), Is.True);
        var (alone, _) = Create(repo, t => t.ReportingProject = alpha);
        Assert.That(alone.Execute(), Is.True);
        Assert.That(alone.Delegated, Is.False);

        var (joined, _) = Create(repo, t => t.ReportingProject = beta);
        Assert.That(joined.Execute(), Is.True);
        var (after, _) = Create(repo, t => t.ReportingProject = alpha);
        Assert.That(after.Execute(), Is.True);

        Assert.That(joined.Delegated, Is.True);
        Assert.That(after.Delegated, Is.True);
        Assert.That(after.Run, Is.Null);
    }

    [TestCase("TargetFramework")]
    [TestCase("RuntimeIdentifier")]
    [TestCase("SelfContained")]
    [TestCase("PlatformTarget")]
    public void A_build_for_one_target_framework_or_runtime_always_delegates(string property)
    {
        using var repo = Repository();
        string project = repo.Write("App.csproj", "<Project />");
        Assert.That(Create(repo, t => t.ReportingProject = project).Task.Execute(), Is.True);

        var (task, engine) = Create(repo, t => t.ReportingProject = project);
        engine.GlobalProperties[property] = "value";
        Assert.That(task.Execute(), Is.True);
        var (plain, _) = Create(repo, t => t.ReportingProject = project);
        Assert.That(plain.Execute(), Is.True);

        Assert.That(task.Delegated, Is.True, "such builds of one project share the shared analysis project's run");
        Assert.That(plain.Delegated, Is.False);
    }

    [Test]
    public void With_timings_the_projects_own_target_says_what_the_registry_cost()
    {
        using var repo = Repository();
        string project = repo.Write("App.csproj", "<Project />");

        var (first, firstEngine) = Create(repo, t => (t.ReportingProject, t.Timings) = (project, true));
        Assert.That(first.Execute(), Is.True);
        var (second, secondEngine) = Create(repo, t => (t.ReportingProject, t.Timings) = (project, true));
        Assert.That(second.Execute(), Is.True);

        Assert.That(
            firstEngine.MessagesAtLeast(MessageImportance.High),
            Has.One.Match(@"^InfraLint timings: project registry \d+\.\d ms; the root is analysed once for the projects that lint it\.$"));
        Assert.That(
            secondEngine.MessagesAtLeast(MessageImportance.High),
            Has.One.Match(@"^InfraLint timings: project registry \d+\.\d ms, discovery \d+\.\d ms, cache read \d+\.\d ms, whole run \d+\.\d ms, store \d+\.\d ms; the task \d+\.\d ms in all\.$"));
    }

    private static TempRepository Repository() =>
        new(new Dictionary<string, string> { ["docker-compose.production.yml"] = ProductionCompose });

    private static (AnalyzeRepository Task, FakeBuildEngine Engine) Create(TempRepository repo, Action<AnalyzeRepository>? configure = null)
    {
        var engine = new FakeBuildEngine();
        var task = new AnalyzeRepository
        {
            BuildEngine = engine,
            Root = repo.Root,
            CacheDirectory = Path.Combine(repo.Root, "obj", "infralint"),
            PackageVersion = "tests",
        };
        configure?.Invoke(task);
        return (task, engine);
    }
}
