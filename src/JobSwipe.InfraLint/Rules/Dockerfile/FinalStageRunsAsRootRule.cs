using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1002: the final image runs as root (no USER, or the last USER is root/0).</summary>
public sealed class FinalStageRunsAsRootRule : InfraAnalyzer
{
    private static readonly string[] PrivilegeDroppers = ["gosu", "su-exec", "setpriv", "chroot --userspec", "s6-setuidgid", "runuser", "setuser"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.FinalStageRunsAsRoot];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
        {
            DockerfileModel model = ctx.Model;
            if (model.FinalStage is not { } final)
            {
                return;
            }

            DockerInstruction? lastUser = DockerfileFacts.InheritedNewestFirst(model, final).FirstOrDefault(i => i.Kind == DockerInstructionKind.User);
            if (lastUser is not null)
            {
                string user = lastUser.Expand(lastUser.ArgumentsText).Value.Trim();
                string name = user.Split(':')[0];
                if (name is "root" or "0")
                {
                    ctx.Report(Descriptors.FinalStageRunsAsRoot, lastUser.Arguments.Count > 0 ? lastUser.Arguments[0].Span : lastUser.KeywordSpan, $"the last USER of the final image is {name}");
                }

                return;
            }

            FromInstruction root = DockerfileFacts.RootFrom(model, final);
            if (IsNonRootBase(root) || DropsPrivilegesAtStart(model, final))
            {
                return;
            }

            ctx.Report(Descriptors.FinalStageRunsAsRoot, final.From.KeywordSpan, "the final image sets no USER, so it runs as root");
        });

    // Images whose tag or name says they already run as an unprivileged user (distroless :nonroot, chainguard, *-rootless).
    private static bool IsNonRootBase(FromInstruction from)
    {
        string image = from.ResolvedImage?.Value ?? from.Image?.Text ?? "";
        return image.Contains("nonroot", StringComparison.OrdinalIgnoreCase) || image.Contains("rootless", StringComparison.OrdinalIgnoreCase)
            || image.Contains("non-root", StringComparison.OrdinalIgnoreCase) || image.StartsWith("cgr.dev/", StringComparison.OrdinalIgnoreCase)
            || from.ImageReference?.Repository.StartsWith("windows", StringComparison.OrdinalIgnoreCase) == true
            || from.ImageReference?.Repository.Contains("/windows", StringComparison.OrdinalIgnoreCase) == true
            || from.ImageReference?.Repository.Contains("nanoserver", StringComparison.OrdinalIgnoreCase) == true;
    }

    // The docker-library pattern: the entrypoint starts as root and drops to an unprivileged user with gosu/su-exec.
    private static bool DropsPrivilegesAtStart(DockerfileModel model, DockerStage final)
    {
        foreach (DockerInstruction instruction in DockerfileFacts.InheritedNewestFirst(model, final))
        {
            if (instruction is CommandInstruction { Kind: DockerInstructionKind.Run or DockerInstructionKind.Entrypoint or DockerInstructionKind.Cmd } command)
            {
                string text = command.ShellCommand?.Text ?? string.Join(' ', command.ExecArguments.Select(a => a.Text));
                if (PrivilegeDroppers.Any(p => text.Contains(p, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
