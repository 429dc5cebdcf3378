using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Engine;

public class LintEngineTests
{
    private static readonly DiagnosticDescriptor Probe = new("TST0001", "Probe", "instruction {0}", "Test", DiagnosticSeverity.Warning, "test", productionSeverity: DiagnosticSeverity.Error);
    private static readonly DiagnosticDescriptor Undeclared = new("TST0002", "Undeclared", "x", "Test", DiagnosticSeverity.Warning, "test");

    [Test]
    public void Reports_every_instruction_in_order_with_environment_escalation()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["b/Dockerfile"] = "FROM alpine:3\nRUN true\n",
            ["a/Dockerfile.prod"] = "FROM alpine:3\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new EveryInstruction()] });

        Assert.That(result.Diagnostics.Select(d => $"{d.Location} {d.Severity}"), Is.EqualTo(new[]
        {
            "a/Dockerfile.prod(1,1,1,5) Error",
            "b/Dockerfile(1,1,1,5) Warning",
            "b/Dockerfile(2,1,2,4) Warning",
        }));
    }

    [Test]
    public void A_rule_that_throws_becomes_JSI0004_and_the_others_go_on()
    {
        using var repo = new TempRepository(new Dictionary<string, string> { ["Dockerfile"] = "FROM alpine:3\n" });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new Throwing(), new EveryInstruction(), new ReportsUndeclared()] });

        var failures = result.Diagnostics.Where(d => d.Id == "JSI0004").ToList();
        Assert.That(failures, Has.Count.EqualTo(2));
        Assert.That(failures.Select(f => f.Message), Has.Some.Contains("Throwing").And.Some.Contains("ReportsUndeclared"));
        Assert.That(failures.Select(f => f.Message), Has.None.Contains("secret-in-exception"), "exception messages may quote file content: never printed");
        Assert.That(result.Diagnostics.Count(d => d.Id == "TST0001"), Is.EqualTo(1));
    }

    [Test]
    public void A_file_that_does_not_parse_is_JSI0001_and_its_rules_are_skipped()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["bad/Dockerfile"] = "FROM alpine:3\nRUN <<EOF\necho one\n",
            ["good/Dockerfile"] = "FROM alpine:3\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new EveryInstruction()] });

        var parse = result.Diagnostics.Single(d => d.Id == "JSI0001");
        Assert.That(parse.Location.ToString(), Is.EqualTo("bad/Dockerfile(2,5,2,10)"));
        Assert.That(parse.Message, Does.Contain("never closed"));
        Assert.That(result.Diagnostics.Where(d => d.Id == "TST0001").Select(d => d.Location.Path), Is.EqualTo(new[] { "good/Dockerfile" }));
    }

    [Test]
    public void Binary_and_invalid_utf8_files_are_reported_not_thrown()
    {
        using var repo = new TempRepository();
        repo.WriteBytes("bin1/Dockerfile", [0x46, 0x52, 0x00, 0x4D]);
        repo.WriteBytes("latin/Dockerfile", [.. "FROM alpine:3\nLABEL a=\""u8.ToArray(), 0xE9, .. "\"\n"u8.ToArray()]);

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new EveryInstruction()] });

        Assert.That(result.Diagnostics.Single(d => d.Id == "JSI0003").Location.Path, Is.EqualTo("bin1/Dockerfile"));
        Assert.That(result.Diagnostics.Single(d => d.Id == "JSI0005").Location.ToString(), Is.EqualTo("latin/Dockerfile(2,10,2,11)"));
        Assert.That(result.Diagnostics.Count(d => d.Id == "TST0001"), Is.EqualTo(2), "the latin-1 file is still linted");
    }

    [Test]
    public void Output_is_identical_run_to_run()
    {
        using var repo = new TempRepository();
        for (int i = 0; i < 40; i++)
        {
            repo.Write($"svc{i % 7}/d{i}/Dockerfile", "FROM alpine:3\nRUN a\nRUN b\n");
        }

        string Render() => string.Join('\n', LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new EveryInstruction()], MaxDegreeOfParallelism = 4 }).Diagnostics);

        string first = Render();
        Assert.That(Enumerable.Range(0, 5).Select(_ => Render()), Is.All.EqualTo(first));
    }

    [Test]
    public void Inline_suppressions_silence_exactly_their_line_and_bad_ones_are_JSI0002()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            ["Dockerfile"] = "FROM alpine:3\n# infralint-disable-next-line TST0001 -- known\nRUN a\nRUN b\n# infralint-disable-next-line JSI9999\n# infralint-disable TST0001\nRUN c\n",
        });

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new EveryInstruction()] });

        Assert.That(result.Diagnostics.Where(d => d.Id == "TST0001").Select(d => d.Location.Span.Start.Line), Is.EqualTo(new[] { 1, 4 }));
        var problem = result.Diagnostics.Single(d => d.Id == "JSI0002");
        Assert.That(problem.Location.Span.Start.Line, Is.EqualTo(5));
        Assert.That(problem.Message, Does.Contain("JSI9999"));
    }

    [Test]
    public void A_custom_analyzers_repository_action_runs_after_every_file_action()
    {
        // The built-in rules' repository actions share a loop with the file actions; a team's analyzer may gather in its
        // file actions what its repository action sums up, so its repository actions wait for every file action.
        var files = Enumerable.Range(0, 40).ToDictionary(i => $"s{i:D2}/Dockerfile", _ => "FROM alpine:3\n");
        using var repo = new TempRepository(files);

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [.. AnalyzerCatalog.BuiltIn, new CountsFiles()], MaxDegreeOfParallelism = 2 });

        Assert.That(result.Diagnostics.Single(d => d.Id == "TST0003").Message, Is.EqualTo("40 files seen"));
    }

    private sealed class EveryInstruction : InfraAnalyzer
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Probe];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
            {
                foreach (var instruction in ctx.Model.Instructions)
                {
                    ctx.Report(Probe, instruction.KeywordSpan, instruction.Keyword);
                }
            });
    }

    private sealed class Throwing : InfraAnalyzer
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Undeclared];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, _ => throw new InvalidOperationException("secret-in-exception"));
    }

    private sealed class ReportsUndeclared : InfraAnalyzer
    {
        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx => ctx.Report(Undeclared, ctx.Model.Instructions[0].KeywordSpan));
    }

    private sealed class CountsFiles : InfraAnalyzer
    {
        private static readonly DiagnosticDescriptor Count = new("TST0003", "Count", "{0} files seen", "Test", DiagnosticSeverity.Warning, "test");
        private int _seen;

        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Count];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, _ => Interlocked.Increment(ref _seen));
            context.RegisterRepositoryAction(ctx => ctx.ReportDiagnostic(Diagnostic.Create(Count, Location.Repository, Volatile.Read(ref _seen))));
        }
    }
}
