using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1012: CMD or ENTRYPOINT in shell form (unless it starts with exec, or the stage's SHELL is not sh-like).</summary>
public sealed class ShellFormCommandRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ShellFormCommand];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    if (instruction is CommandInstruction { Kind: DockerInstructionKind.Cmd or DockerInstructionKind.Entrypoint, IsExecForm: false, ShellCommand: { } shell } command
                        && !shell.Text.TrimStart().StartsWith("exec ", StringComparison.Ordinal)
                        && !RunShell.UsesNonPosixShell(ctx.Model, command))
                    {
                        ctx.Report(Descriptors.ShellFormCommand, command.KeywordSpan, command.Kind == DockerInstructionKind.Cmd ? "CMD" : "ENTRYPOINT");
                    }
                }
            }
        });
}
