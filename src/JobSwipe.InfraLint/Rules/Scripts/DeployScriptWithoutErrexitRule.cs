using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4003: a deploy or release command runs without errexit.</summary>
public sealed class DeployScriptWithoutErrexitRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.DeployScriptWithoutErrexit];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);

    private static string Text(FileAnalysisContext<ShellScript> ctx, JobSwipe.InfraLint.Text.TextSpan span) => DeployCommands.Describe(ctx.Model.Text.Content, span);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var first = facts.Deploys.Select(d => d.Command).Concat(facts.ReleaseBuilds).OrderBy(c => c.Order).FirstOrDefault();
        if (first is null || first.Context.Options.ErrExit)
        {
            return;
        }

        var span = DeployCommands.VerbSpan(first.Line);
        ctx.Report(Descriptors.DeployScriptWithoutErrexit, span, Text(ctx, span));
    }
}
