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
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1007", "Remote script piped into a shell",
        "{0} downloads a script and pipes it into {1}; download it to a file, verify its checksum or signature, then run it", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "A RUN pipes the output of curl or wget straight into a shell (`curl ... | sh`). Whatever the server sends at build time runs as root in the image, unverified, and the build is not reproducible.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                var commands = RunShell.Of(instruction is OnbuildInstruction { Trigger: { } t } ? t : instruction).Commands;
                foreach (var (receiver, download) in RemoteScripts.Find(commands))
                {
                    ctx.Report(Descriptor, receiver.NameSpan, download?.Name ?? "a command substitution", receiver.Name);
                }
            }
        });
}
