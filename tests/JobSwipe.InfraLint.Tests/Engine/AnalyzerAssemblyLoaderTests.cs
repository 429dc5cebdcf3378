using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>
/// Loading custom analyzers from an assembly. The assembly under test is this test assembly itself: it holds the public
/// <see cref="FlagAnalyzer"/> (TEST IDs: loaded) and <see cref="ReservedPrefixAnalyzer"/> (a JSI ID: refused, JSI0002).
/// </summary>
public sealed class AnalyzerAssemblyLoaderTests
{
    private static readonly string ThisAssembly = typeof(AnalyzerAssemblyLoaderTests).Assembly.Location;

    [Test]
    public void Loads_public_analyzers_in_their_own_context_sharing_the_engine_types()
    {
        var loaded = AnalyzerAssemblyLoader.Load([ThisAssembly], Path.GetDirectoryName(ThisAssembly)!);

        var flag = loaded.Analyzers.Single(a => a.GetType().FullName == typeof(FlagAnalyzer).FullName);
        using (Assert.EnterMultipleScope())
        {
            // Another copy of the test assembly (its own load context), but the same engine: the base type matches.
            Assert.That(flag.GetType(), Is.Not.EqualTo(typeof(FlagAnalyzer)));
            Assert.That(flag, Is.InstanceOf<InfraAnalyzer>());
            Assert.That(flag.SupportedDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TEST0001", "TEST0002", "TEST0003" }));
            Assert.That(loaded.Analyzers.Select(a => a.GetType().Name), Does.Not.Contain(nameof(ReservedPrefixAnalyzer)));
        }
    }

    [Test]
    public void A_custom_analyzer_with_a_JSI_id_is_refused_with_JSI0002_naming_the_assembly()
    {
        var loaded = AnalyzerAssemblyLoader.Load([ThisAssembly], Path.GetDirectoryName(ThisAssembly)!);

        var problem = loaded.Problems.Single();
        Assert.That(problem.Id, Is.EqualTo("JSI0002"));
        Assert.That(problem.Message, Does.Contain(Path.GetFileName(ThisAssembly)).And.Contain("JSI9998").And.Contain("reserved"));
        Assert.That(problem.Location.Path, Is.EqualTo(Path.GetFileName(ThisAssembly)));
    }

    [Test]
    public void A_missing_file_or_a_file_that_is_no_assembly_is_JSI0002_naming_it()
    {
        using var repository = new TempRepository();
        string notAssembly = repository.Write("rules/NotRules.dll", "not an assembly");

        var loaded = AnalyzerAssemblyLoader.Load([Path.Combine(repository.Root, "Missing.dll"), notAssembly], repository.Root);

        Assert.That(loaded.Analyzers, Is.Empty);
        Assert.That(loaded.Problems.Select(p => (p.Id, p.Location.Path)), Is.EqualTo(new[] { ("JSI0002", "Missing.dll"), ("JSI0002", "rules/NotRules.dll") }));
        Assert.That(loaded.Problems[0].Message, Does.Contain("Missing.dll").And.Contain("does not exist"));
        Assert.That(loaded.Problems[1].Message, Does.Contain("NotRules.dll").And.Contain("could not be loaded"));
    }

    [Test]
    public void The_engine_runs_custom_analyzers_from_assemblies_and_reports_their_findings_with_their_help_link()
    {
        using var repository = new TempRepository();
        repository.Write(".env", "A=FLAG\n");

        var result = LintEngine.Run(new LintOptions(repository.Root) { AnalyzerAssemblies = [ThisAssembly] });

        var flag = result.Diagnostics.Single(d => d.Id == "TEST0001");
        Assert.That(flag.Descriptor.HelpLinkUri, Is.EqualTo("https://example.invalid/TEST0001"));
        Assert.That(flag.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(result.Diagnostics.Count(d => d.Id == "JSI0002"), Is.EqualTo(1));
        Assert.That(result.Rules.Select(r => r.Id), Does.Contain("TEST0001").And.Contain("JSI0001").And.Not.Contain("JSI9998"));
        Assert.That(LintEngine.GetRules(new LintOptions(repository.Root) { AnalyzerAssemblies = [ThisAssembly] }).Select(r => r.Id), Is.EqualTo(result.Rules.Select(r => r.Id)));
    }
}

/// <summary>A custom analyzer that wrongly uses the reserved JSI prefix (see <see cref="AnalyzerAssemblyLoaderTests"/>).</summary>
public sealed class ReservedPrefixAnalyzer : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [new DiagnosticDescriptor("JSI9998", "Reserved", "reserved", "Test", DiagnosticSeverity.Warning, "Uses the reserved prefix.")];

    public override void Initialize(AnalysisContext context)
    {
    }
}
