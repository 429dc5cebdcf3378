using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4010: <c>read -p</c>, a bare <c>read</c> from the terminal, or <c>select</c> in a script that deploys or builds a release.</summary>
public sealed class InteractivePromptInDeployScriptRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4010", "Interactive prompt in a deploy script",
        "'{0}' waits for keyboard input, which never comes in CI; take the answer from an argument or variable, or guard it with [ -t 0 ]", DiagnosticCategories.Scripts, DiagnosticSeverity.Info,
        "A deploy or release script asks a question (read without -t, read -p, select). In CI there is no terminal: the step hangs until it times out, or reads an empty answer.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        if (!facts.Deploys.Any() && !facts.ReleaseBuilds.Any())
        {
            return;
        }

        foreach (ScriptCommand c in facts.Commands)
        {
            if (c.Line.Name != "read" || c.Command.Redirections.Any(r => r.Operator.StartsWith('<')) || (c.Context.IsPiped && c.Context.PipelineIndex > 0) || c.Context.IsInCommandSubstitution)
            {
                continue;
            }

            bool prompt = c.Line.Has("-p");
            bool timeout = c.Line.Arguments.Any(a => a.Value.StartsWith("-t", StringComparison.Ordinal) && a.Value != "-t0" || a.Value.StartsWith('-') && !a.Value.StartsWith("--", StringComparison.Ordinal) && a.Value.Contains('t', StringComparison.Ordinal) && a.Value.Length <= 4);
            bool fromFd = c.Line.Arguments.Any(a => a.Value == "-u");
            if (timeout || fromFd || (!prompt && c.Context.IsInCondition))
            {
                continue;
            }

            var span = c.Line.SpanTo(c.Line.Arguments.Count > 0 ? c.Line.Arguments[^1] : null);
            ctx.Report(Descriptor, span, ctx.Model.Text.Content.Substring(span.Start, span.Length));
        }

        foreach (ShellCommand command in ctx.Model.AllCommands)
        {
            if (command is ShellFor { IsSelect: true } select)
            {
                var span = new JobSwipe.InfraLint.Text.TextSpan(select.Span.Start, 6);
                ctx.Report(Descriptor, span, "select " + select.Variable);
            }
        }
    }
}
