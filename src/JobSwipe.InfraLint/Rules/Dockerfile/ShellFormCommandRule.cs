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
                        && !UsesNonPosixShell(ctx.Model, stage, command))
                    {
                        ctx.Report(Descriptors.ShellFormCommand, command.KeywordSpan, command.Kind == DockerInstructionKind.Cmd ? "CMD" : "ENTRYPOINT");
                    }
                }
            }
        });

    // Windows images (SHELL ["powershell", ...] or ["cmd", "/S", "/C"]) have no signal forwarding question.
    private static bool UsesNonPosixShell(DockerfileModel model, DockerStage stage, DockerInstruction before)
    {
        foreach (DockerInstruction instruction in DockerfileFacts.InheritedNewestFirst(model, stage))
        {
            if (instruction is CommandInstruction { Kind: DockerInstructionKind.Shell, ExecArguments: [var first, ..] } && instruction.Span.Start < before.Span.Start | instruction.StageIndex != before.StageIndex)
            {
                string exe = first.Text.ToLowerInvariant();
                return exe.Contains("powershell", StringComparison.Ordinal) || exe.Contains("pwsh", StringComparison.Ordinal) || exe.StartsWith("cmd", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
