using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>The engine's per-kind and per-analyzer cost accounting (what the benchmark prints).</summary>
public class RunCostTests
{
    private static readonly DiagnosticDescriptor Probe = new("TST0101", "Probe", "x", "Test", DiagnosticSeverity.Warning, "test");

    [Test]
    public void Kind_timings_count_the_parsed_files_of_each_kind()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["a/Dockerfile"] = "FROM alpine:3\n",
            ["b/Dockerfile"] = "FROM alpine:3\nRUN true\n",
            ["a/.env"] = "A=1\n",
            ["README.md"] = "not parsed\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new Slow()] });

        Assert.That(result.KindTimings.Select(k => (k.Kind, k.Files)), Is.EqualTo(new[] { (FileKind.Dockerfile, 2), (FileKind.DotEnv, 1) }));
        var docker = result.KindTimings.Single(k => k.Kind == FileKind.Dockerfile);
        Assert.That(docker.Parse, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(docker.Read, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(docker.Rules, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(2 * Slow.FileMilliseconds)), "both Dockerfiles' file actions");
        Assert.That(result.KindTimings.Single(k => k.Kind == FileKind.DotEnv).Rules, Is.LessThan(TimeSpan.FromMilliseconds(Slow.FileMilliseconds)), "no slow action is registered for env files");
    }

    [Test]
    public void Analyzer_timings_sum_file_and_repository_actions_per_analyzer()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["a/Dockerfile"] = "FROM alpine:3\n",
            ["b/Dockerfile"] = "FROM alpine:3\n",
            ["c/Dockerfile"] = "FROM alpine:3\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new Slow(), new Quick()] });

        Assert.That(result.AnalyzerTimings.Select(a => (a.Analyzer, a.RuleIds, a.Invocations)), Is.EqualTo(new[]
        {
            (nameof(Slow), "TST0101", 3 + 1),
            (nameof(Quick), "TST0101", 3),
        }));
        Assert.That(result.AnalyzerTimings[0].Time, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds((3 * Slow.FileMilliseconds) + Slow.RepositoryMilliseconds)));
        Assert.That(result.AnalyzerTimings[1].Time, Is.LessThan(result.AnalyzerTimings[0].Time));
    }

    [Test]
    public void Work_timings_split_the_actions_into_shared_facts_and_the_rules_own_work()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["a/Dockerfile"] = "FROM alpine:3\n",
            ["b/Dockerfile"] = "FROM alpine:3\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new Slow(), new AsksForAFact()] });

        Assert.That((result.Work.Read, result.Work.Parse), Is.EqualTo((result.KindTimings.Single().Read, result.KindTimings.Single().Parse)));
        Assert.That(result.Work.Facts, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(AsksForAFact.FactMilliseconds)), "computed once, by the first Dockerfile's action");
        Assert.That(result.Work.Rules, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds((2 * Slow.FileMilliseconds) + Slow.RepositoryMilliseconds)));
        Assert.That(result.Work.RepositoryActions, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(Slow.RepositoryMilliseconds)));
    }

    [Test]
    public void A_run_with_no_files_has_no_kind_timings_and_zero_analyzer_time_for_file_actions()
    {
        using var repo = new TempRepository();

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new Quick()] });

        Assert.That(result.KindTimings, Is.Empty);
        Assert.That(result.AnalyzerTimings.Single().Invocations, Is.Zero);
    }

    [Test]
    public void The_built_in_catalog_reports_a_timing_for_every_analyzer()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["fly.toml"] = "app = \"x\"\n", ["compose.yml"] = "services:\n  web:\n    image: nginx:1.27\n" });

        var result = LintEngine.Run(new LintOptions(repo.Root));

        Assert.That(result.AnalyzerTimings.Select(a => a.Analyzer), Is.EqualTo(AnalyzerCatalog.BuiltIn.Select(a => a.GetType().Name)));
        Assert.That(result.AnalyzerTimings.Sum(a => a.Invocations), Is.GreaterThan(0));
    }

    [Test]
    public void Options_default_to_the_built_in_catalog_and_keep_the_analyzers_they_are_given()
    {
        var defaults = new LintOptions("root");
        var custom = defaults with { Analyzers = [new Quick()] };

        Assert.That(defaults.Analyzers, Is.SameAs(AnalyzerCatalog.BuiltIn));
        Assert.That(custom.Analyzers.Single(), Is.InstanceOf<Quick>());
        Assert.That((custom with { BaselineFile = "b.json" }).Analyzers.Single(), Is.InstanceOf<Quick>());
    }

    private sealed class Slow : InfraAnalyzer
    {
        public const int FileMilliseconds = 15;
        public const int RepositoryMilliseconds = 20;

        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, _ => Thread.Sleep(FileMilliseconds));
            context.RegisterRepositoryAction(_ => Thread.Sleep(RepositoryMilliseconds));
        }
    }

    private sealed class AsksForAFact : InfraAnalyzer
    {
        public const int FactMilliseconds = 25;

        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx => ctx.Repository.Facts.Get("slow fact", _ =>
            {
                Thread.Sleep(FactMilliseconds);
                return new object();
            }));
    }

    private sealed class Quick : InfraAnalyzer
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Probe];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, _ => { });
            context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, _ => { });
        }
    }
}
