using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4007: release artifacts built and never stored or distributed.</summary>
public sealed class ReleaseArtifactsNotStoredRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ReleaseArtifactsNotStored];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);

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
