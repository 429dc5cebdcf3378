using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4004: a mobile release build that the script never uploads to a store.</summary>
public sealed class ReleaseBuildNeverUploadedRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ReleaseBuildNeverUploaded];

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
        if (facts.Uploads)
        {
            return;
        }

        foreach (var (sink, build) in facts.Builds)
        {
            var span = DeployCommands.VerbSpan(build.Line);
            sink.Report(Descriptors.ReleaseBuildNeverUploaded, span, DeployCommands.Describe(sink.Model.Text.Content, span));
        }
    }

    private static string Text(FileAnalysisContext<ShellScript> ctx, JobSwipe.InfraLint.Text.TextSpan span) => DeployCommands.Describe(ctx.Model.Text.Content, span);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var builds = facts.ReleaseBuilds.ToList();
        if (builds.Count == 0 || facts.Commands.Any(c => DeployCommands.IsStoreUpload(c.Line)))
        {
            return;
        }

        foreach (ScriptCommand build in builds)
        {
            var span = DeployCommands.VerbSpan(build.Line);
            ctx.Report(Descriptors.ReleaseBuildNeverUploaded, span, Text(ctx, span));
        }
    }
}
