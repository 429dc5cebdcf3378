using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4003: a deploy or release command runs without errexit.</summary>
public sealed class DeployScriptWithoutErrexitRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4003", "Deploy script without set -e",
        "'{0}' runs without errexit: a failed step before it does not stop the script; add 'set -euo pipefail' at the top", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A deploy or release script runs its deploy or release build without `set -e` (or `set -o errexit`, or `-e` on the shebang), so a failed test, build or push before it is ignored and the script deploys anyway.", fix: FixAvailability.Unsafe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

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
        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(span), Text(ctx, span)).WithFix(StrictModeFix(ctx)));
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
