using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1018: the deprecated MAINTAINER instruction.</summary>
public sealed class DeprecatedMaintainerRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.DeprecatedMaintainer];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions.Where(i => i.Kind == DockerInstructionKind.Maintainer))
            {
                ctx.Report(Descriptors.DeprecatedMaintainer, instruction.KeywordSpan);
            }
        });
}
