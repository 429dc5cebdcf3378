using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1017: a relative WORKDIR not preceded by an absolute one in the stage (as BuildKit's WorkdirRelativePath check).</summary>
public sealed class RelativeWorkdirRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1017", "Relative WORKDIR",
        "WORKDIR '{0}' is relative, so it depends on the base image's working directory; use an absolute path such as /{0}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Warning,
        "A WORKDIR with a relative path is resolved against the working directory the base image happens to set. Not reported when an earlier WORKDIR of the stage (or a stage it is based on) set an absolute path, or for paths that start with a variable.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.Stages)
            {
                // An absolute WORKDIR in a stage this one is based on anchors the relative ones.
                bool anchored = ctx.Model.Lineage(stage).Skip(1)
                    .Any(s => s.Instructions.Any(i => i.Kind == DockerInstructionKind.Workdir && IsAbsoluteOrVariable(i)));
                bool offered = false;
                foreach (DockerInstruction instruction in stage.Instructions.Where(i => i.Kind == DockerInstructionKind.Workdir))
                {
                    if (IsAbsoluteOrVariable(instruction))
                    {
                        anchored = true;
                        continue;
                    }

                    if (!anchored && instruction.Arguments.Count > 0)
                    {
                        // The base is known only for an image built from scratch, whose working directory starts at /.
                        // Only the first: a later relative WORKDIR is relative to this one, and once this one is absolute it is no finding.
                        var fix = !offered && ctx.Model.RootFrom(stage).ImageReference is { IsScratch: true } ? Anchor(ctx.Model.Text, instruction.Arguments[0], ctx.File.RelativePath) : null;
                        offered = true;
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(instruction.Arguments[0].Span), instruction.Expand(instruction.ArgumentsText).Value).WithFix(fix));
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

    /// <summary>Prefixes the path with / (after an opening quote; <c>./</c> becomes <c>/</c>).</summary>
    private static Fix Anchor(SourceText text, DockerToken argument, string path)
    {
        int start = argument.Span.Start;
        string raw = text.GetText(argument.Span);
        int offset = raw.Length > 0 && raw[0] is '"' or '\'' ? 1 : 0;
        var edit = raw.AsSpan(offset).StartsWith("./", StringComparison.Ordinal)
            ? TextEdit.Replace(text, new TextSpan(start + offset, 2), "/")
            : TextEdit.Insert(text, start + offset, "/");
        return Fix.Create("make WORKDIR absolute (the stage starts from scratch, at /)", FixApplicability.Safe, path, edit);
    }
}
