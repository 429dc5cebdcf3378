using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5006: the same key assigned twice in one env file; reported at the later key, naming the first line.</summary>
public sealed class DuplicateEnvKeyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5006", "Variable defined twice in an env file",
        "'{0}' is defined twice in this env file (first on line {1}); the later value wins: remove one of the definitions", DiagnosticCategories.Secrets, DiagnosticSeverity.Warning,
        "An env file assigns the same key twice. docker compose and python-dotenv keep the last value silently, so the first definition is dead and usually the one someone meant to change.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, ctx =>
        {
            foreach (var duplicate in ctx.Model.Duplicates)
            {
                int firstLine = ctx.Model.Text.GetPosition(duplicate.First.KeySpan.Start).Line;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(duplicate.Second.KeySpan), duplicate.Second.Key, firstLine).WithFix(DropFirst(ctx, duplicate)));
            }
        });

    /// <summary>Deletes the earlier assignment's lines: safe when both values are equal, unsafe otherwise (the later one is what most loaders keep).</summary>
    private static Fix? DropFirst(FileAnalysisContext<DotEnvDocument> ctx, DotEnvDuplicate duplicate)
    {
        var text = ctx.Model.Text;
        var first = duplicate.First;
        if (FixEdits.DeleteBlockLines(text, first.Span.Start, first.Span.End, sequenceItem: false) is not { } edit)
        {
            return null;
        }

        bool same = first.Value == duplicate.Second.Value && first.HasExport == duplicate.Second.HasExport;
        return Fix.Create($"remove the first {first.Key}", same ? FixApplicability.Safe : FixApplicability.Unsafe, ctx.File.RelativePath, edit);
    }
}
