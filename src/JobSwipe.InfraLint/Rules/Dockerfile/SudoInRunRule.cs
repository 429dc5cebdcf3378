using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1020: sudo used as a command in RUN (also in &amp;&amp; chains, heredoc scripts and sh -c).</summary>
public sealed class SudoInRunRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SudoInRun];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                foreach (RunCommand command in RunShell.Of(instruction is OnbuildInstruction { Trigger: { } t } ? t : instruction).Commands)
                {
                    if (command.Name == "sudo")
                    {
                        ctx.Report(Descriptors.SudoInRun, command.NameSpan);
                    }
                    else if (command.WrapperWords.FirstOrDefault(w => w.Value[(w.Value.LastIndexOf('/') + 1)..] == "sudo") is { } sudo)
                    {
                        ctx.Report(Descriptors.SudoInRun, command.ToSource(sudo));
                    }
                }
            }
        });
}
