using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1018: the deprecated MAINTAINER instruction.</summary>
public sealed class DeprecatedMaintainerRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1018", "Deprecated MAINTAINER",
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"...\"", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "The MAINTAINER instruction is deprecated since Docker 1.13. A LABEL (org.opencontainers.image.authors) carries the same information where tools look for it.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions.Where(i => i.Kind == DockerInstructionKind.Maintainer))
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(instruction.KeywordSpan)).WithFix(ToLabel(ctx.Model, instruction, ctx.File.RelativePath)));
            }
        });

    /// <summary>
    /// <c>MAINTAINER text</c> → <c>LABEL org.opencontainers.image.authors="text"</c>, the text quoted for LABEL (which, unlike
    /// MAINTAINER, expands variables, so <c>$</c> is escaped). Only with the default escape character, and not for text with
    /// control characters (a fix writes no character that every report would have to escape).
    /// </summary>
    private static Fix? ToLabel(DockerfileDocument model, DockerInstruction maintainer, string path)
    {
        string value = maintainer.ArgumentsText.Trim();
        if (value.Length == 0 || maintainer.EscapeCharacter != '\\' || DisplayText.NeedsEscaping(value))
        {
            return null;
        }

        string keyword = model.Text.GetText(maintainer.KeywordSpan).Any(char.IsLower) ? "label" : "LABEL";
        string quoted = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);
        var span = TextSpan.FromBounds(maintainer.KeywordSpan.Start, maintainer.ArgumentsSpan.End);
        return Fix.Create("replace MAINTAINER with an OCI authors label", FixApplicability.Safe, path, TextEdit.Replace(model.Text, span, $"{keyword} org.opencontainers.image.authors=\"{quoted}\""));
    }
}
