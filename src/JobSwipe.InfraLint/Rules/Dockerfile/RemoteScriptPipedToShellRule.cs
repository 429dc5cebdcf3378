using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1007: curl or wget piped into a shell or interpreter (<c>curl -fsSL url | sh</c>), or <c>sh -c "$(curl url)"</c>.</summary>
public sealed class RemoteScriptPipedToShellRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.RemoteScriptPipedToShell];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                var commands = RunShell.Of(instruction is OnbuildInstruction { Trigger: { } t } ? t : instruction).Commands;
                foreach (var (receiver, download) in RemoteScripts.Find(commands))
                {
                    ctx.Report(Descriptors.RemoteScriptPipedToShell, receiver.NameSpan, download?.Name ?? "a command substitution", receiver.Name);
                }
            }
        });
}
