using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

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
        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.DeployScriptWithoutErrexit, ctx.GetLocation(span), Text(ctx, span)).WithFix(StrictModeFix(ctx)));
    }

    /// <summary>
    /// Inserts <c>set -euo pipefail</c> (bash, zsh, ksh) or <c>set -eu</c> (sh and the rest: POSIX sh has no pipefail) after
    /// the shebang, or at the top. Unsafe: commands whose failure the script tolerated now stop it, and so do unset variables.
    /// Not offered when the script switches errexit off itself (<c>set +e</c>): the line at the top would not reach the deploy.
    /// </summary>
    private static Fix? StrictModeFix(FileAnalysisContext<ShellScript> ctx)
    {
        var text = ctx.Model.Text;
        if (ctx.Model.EnumerateCommands().Any(c => c.Command.NameValue == "set" && c.Command.ArgumentValues.Any(a => a.StartsWith('+') && a.Contains('e', StringComparison.Ordinal) || a == "errexit")))
        {
            return null;
        }

        string line = ctx.Model.Shebang?.Interpreter is "bash" or "zsh" or "ksh" ? "set -euo pipefail" : "set -eu";
        var edit = ctx.Model.Shebang is { } shebang
            ? FixEdits.InsertLineAfter(text, text.GetPosition(shebang.Span.Start).Line, line)
            : FixEdits.InsertLineBefore(text, 1, line);
        return Fix.Create($"add '{line}' at the top", FixApplicability.Unsafe, ctx.File.RelativePath, edit);
    }
}
