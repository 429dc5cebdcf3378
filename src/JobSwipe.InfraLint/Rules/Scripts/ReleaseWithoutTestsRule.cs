using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4006: a release build or deploy with no test run before it in the same script.</summary>
public sealed class ReleaseWithoutTestsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4006", "Release or deploy without tests",
        "'{0}' runs with no test run before it (in this script, or for CI in this workflow); run the tests (e.g. {1}) before building or deploying", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A release build or deploy runs with no test command before it in the same script (flutter test, pytest, npm test, dotnet test, go test, cargo test, mvn test, gradlew test, make test…), so a broken build ships.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);
        context.RegisterFileAction<JobSwipe.InfraLint.Syntax.Ci.CiPipeline>(FileKind.CiWorkflow, AnalyzeWorkflow);
    }

    // In CI the whole workflow is the unit: other steps or jobs may test, upload or version.
    private static void AnalyzeWorkflow(FileAnalysisContext<JobSwipe.InfraLint.Syntax.Ci.CiPipeline> ctx)
    {
        var facts = CiReleaseFacts.For(ctx);
        if (facts.Tests || CiReleaseFacts.RepositoryCiRunsTests(ctx.Repository))
        {
            return;
        }

        foreach (var (sink, build) in facts.Builds.Take(1))
        {
            var span = DeployCommands.VerbSpan(build.Line);
            sink.Report(Descriptor, span, DeployCommands.Describe(sink.Model.Text.Content, span), "'flutter test' or './gradlew test'");
        }
    }

    private static string Text(FileAnalysisContext<ShellScript> ctx, JobSwipe.InfraLint.Text.TextSpan span) => DeployCommands.Describe(ctx.Model.Text.Content, span);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var first = facts.Deploys.Select(d => d.Command).Concat(facts.ReleaseBuilds).OrderBy(c => c.Order).FirstOrDefault();
        if (first is null || facts.Commands.Any(c => c.Order <= first.Order && TestCommands.IsTest(c.Line)))
        {
            return;
        }

        var span = DeployCommands.VerbSpan(first.Line);
        ctx.Report(Descriptor, span, Text(ctx, span), Suggest(first.Line));
    }

    private static string Suggest(CommandLine line) => line.Name switch
    {
        "flutter" => "'flutter test'",
        "gradlew" or "gradle" => "'./gradlew test'",
        "xcodebuild" => "'xcodebuild test'",
        _ => "'pytest', 'npm test' or 'dotnet test'",
    };
}
