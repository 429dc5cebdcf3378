using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4007: release artifacts built and never stored or distributed.</summary>
public sealed class ReleaseArtifactsNotStoredRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ReleaseArtifactsNotStored];

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
        if (facts.StoresArtifacts)
        {
            return;
        }

        foreach (var (sink, build) in facts.Builds.Take(1))
        {
            var span = DeployCommands.VerbSpan(build.Line);
            sink.Report(Descriptors.ReleaseArtifactsNotStored, span, DeployCommands.Describe(sink.Model.Text.Content, span));
        }
    }

    private static string Text(FileAnalysisContext<ShellScript> ctx, JobSwipe.InfraLint.Text.TextSpan span) => DeployCommands.Describe(ctx.Model.Text.Content, span);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var build = facts.ReleaseBuilds.FirstOrDefault();
        if (build is null || facts.Commands.Any(c => DeployCommands.IsArtifactUpload(c.Line)))
        {
            return;
        }

        var span = DeployCommands.VerbSpan(build.Line);
        ctx.Report(Descriptors.ReleaseArtifactsNotStored, span, Text(ctx, span));
    }
}
