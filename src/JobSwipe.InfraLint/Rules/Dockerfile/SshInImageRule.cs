using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1019: EXPOSE 22, or an SSH server package installed, in the stages of the final image.</summary>
public sealed class SshInImageRule : InfraAnalyzer
{

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SshInImage];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in DockerfileFacts.FinalLineage(ctx.Model))
            {
                foreach (DockerInstruction instruction in stage.Instructions)
                {
                    if (instruction.Kind == DockerInstructionKind.Expose)
                    {
                        foreach (DockerToken port in instruction.Arguments)
                        {
                            string value = instruction.Expand(port.Text).Value;
                            if (value is "22" or "22/tcp" or "22/TCP")
                            {
                                ctx.Report(Descriptors.SshInImage, port.Span, "EXPOSE 22 publishes an SSH port");
                            }
                        }
                    }

                    foreach (RunCommand command in RunShell.Of(instruction).Commands)
                    {
                        if (PackageCommands.Install(command) is not { } install)
                        {
                            continue;
                        }

                        foreach (var package in PackageCommands.Packages(command))
                        {
                            string name = PackageCommands.BareName(package.Value);
                            // Alpine's "openssh" and Debian's "ssh" metapackage include the server; "openssh" on Fedora is the common files.
                            if (name is "openssh-server" or "dropbear" or "tinyssh" || name == "openssh" && install.Manager == "apk" || name == "ssh" && install.Manager is "apt-get" or "apt")
                            {
                                ctx.Report(Descriptors.SshInImage, command.ToSource(package), $"{install.Manager} installs the SSH server '{package.Value}'" + (name == "ssh" ? " (the ssh metapackage includes openssh-server; install openssh-client when only the client is needed)" : ""));
                            }
                        }
                    }
                }
            }
        });
}
