using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4004: a mobile release build that the script never uploads to a store.</summary>
public sealed class ReleaseBuildNeverUploadedRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ReleaseBuildNeverUploaded];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);

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
