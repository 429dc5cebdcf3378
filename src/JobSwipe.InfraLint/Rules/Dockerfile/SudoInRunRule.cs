using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1020: sudo used as a command in RUN (also in &amp;&amp; chains, heredoc scripts and sh -c) to gain root. <c>sudo -u app …</c>
/// runs the command as another, unprivileged user: it drops privileges and is not reported.
/// </summary>
public sealed class SudoInRunRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1020", "sudo in RUN",
        "sudo in RUN: build steps already run as root (or switch with USER root ... USER app); remove sudo", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "RUN uses sudo. Build steps run as the current USER; sudo adds a setuid binary to the image and unpredictable TTY and environment behaviour. Switch USER around the steps that need root instead.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                // One finding per RUN, at its first sudo, the others as additional locations.
                var spans = new List<TextSpan>();
                foreach (RunCommand command in RunShell.Of(instruction is OnbuildInstruction { Trigger: { } t } ? t : instruction).Commands)
                {
                    if (command.Name == "sudo" && !DropsToAnotherUser(command.Arguments))
                    {
                        spans.Add(command.NameSpan);
                    }
                    else if (command.WrapperWords.FirstOrDefault(w => w.Value[(w.Value.LastIndexOf('/') + 1)..] == "sudo") is { } sudo
                        && !DropsToAnotherUser([.. command.WrapperWords.SkipWhile(w => !ReferenceEquals(w, sudo)).Skip(1).Select(w => w.Value), command.Name ?? string.Empty]))
                    {
                        spans.Add(command.ToSource(sudo));
                    }
                }

                if (spans.Count > 0)
                {
                    ctx.Report(Descriptor, spans);
                }
            }
        });

    // sudo -u app, sudo -Hu app, sudo --user=app, sudo -E -u app: the options before the command name a non-root user.
    private static bool DropsToAnotherUser(IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count && arguments[i].StartsWith('-'); i++)
        {
            string arg = arguments[i];
            string? user = arg.StartsWith("--user=", StringComparison.Ordinal) ? arg[7..]
                : arg == "--user" || !arg.StartsWith("--", StringComparison.Ordinal) && arg.EndsWith('u') ? (i + 1 < arguments.Count ? arguments[i + 1] : null)
                : !arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('u') is > 0 and var u && u < arg.Length - 1 ? arg[(u + 1)..]
                : null;
            if (user is not null)
            {
                return user is not ("root" or "#0" or "0") && user.Length > 0;
            }
        }

        return false;
    }
}
