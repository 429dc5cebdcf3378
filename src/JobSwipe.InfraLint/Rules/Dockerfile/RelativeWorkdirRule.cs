using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1017: a relative WORKDIR not preceded by an absolute one in the stage (as BuildKit's WorkdirRelativePath check).</summary>
public sealed class RelativeWorkdirRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.RelativeWorkdir];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                // An absolute WORKDIR in a stage this one is based on anchors the relative ones.
                bool anchored = DockerfileFacts.Lineage(ctx.Model, stage).Skip(1)
                    .Any(s => s.Instructions.Any(i => i.Kind == DockerInstructionKind.Workdir && IsAbsoluteOrVariable(i)));
                foreach (DockerInstruction instruction in stage.Instructions.Where(i => i.Kind == DockerInstructionKind.Workdir))
                {
                    if (IsAbsoluteOrVariable(instruction))
                    {
                        anchored = true;
                        continue;
                    }

                    if (!anchored && instruction.Arguments.Count > 0)
                    {
                        ctx.Report(Descriptors.RelativeWorkdir, instruction.Arguments[0].Span, instruction.Expand(instruction.ArgumentsText).Value);
                    }
                }
            }
        });

    private static bool IsAbsoluteOrVariable(DockerInstruction workdir)
    {
        string raw = workdir.ArgumentsText.Trim().Trim('"', '\'');
        if (raw.Length == 0 || raw[0] == '$')
        {
            return true;
        }

        string value = workdir.Expand(workdir.ArgumentsText).Value.Trim();
        return value.StartsWith('/') || value.StartsWith('\\') || value.Length >= 2 && char.IsAsciiLetter(value[0]) && value[1] == ':' || value.StartsWith('$');
    }
}
