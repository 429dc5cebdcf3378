using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1019: EXPOSE 22, or an SSH server package installed, in the stages of the final image: one finding per image, at
/// the first install, the other evidence as additional locations.
/// </summary>
public sealed class SshInImageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1019", "SSH server in the image",
        "{0}; containers are entered with docker exec (or fly ssh console), not an SSH daemon: remove it", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "The image exposes port 22 or installs an SSH server (openssh-server, dropbear). An SSH daemon in a container is another service to patch and another set of credentials to leak.");


    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            // One SSH server in the image is one finding: at the first install (where the fix goes), the other installs
            // and EXPOSE 22 as additional locations; EXPOSE 22 alone is reported at itself.
            var installs = new List<(TextSpan Span, string Evidence)>();
            var exposes = new List<TextSpan>();
            foreach (DockerStage stage in ctx.Model.FinalLineage())
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
                                exposes.Add(port.Span);
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
                                installs.Add((command.ToSource(package), $"{install.Manager} installs the SSH server '{package.Value}'" + (name == "ssh" ? " (the ssh metapackage includes openssh-server; install openssh-client when only the client is needed)" : "")));
                            }
                        }
                    }
                }
            }

            if (installs.Count > 0)
            {
                ctx.Report(Descriptor, [.. installs.Select(i => i.Span), .. exposes], installs[0].Evidence + (exposes.Count > 0 ? " and EXPOSE 22 publishes its port" : string.Empty));
            }
            else if (exposes.Count > 0)
            {
                ctx.Report(Descriptor, exposes, "EXPOSE 22 publishes an SSH port");
            }
        });
}
