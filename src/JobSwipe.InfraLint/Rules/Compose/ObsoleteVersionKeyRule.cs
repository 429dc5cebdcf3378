using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>JSI2013: the top-level <c>version</c> key, obsolete under the Compose Specification. Points at the key.</summary>
public sealed class ObsoleteVersionKeyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2013", "Obsolete version key",
        "the top-level `version` key is obsolete: Compose ignores it and prints a warning; remove it", DiagnosticCategories.Compose, DiagnosticSeverity.Info,
        "The Compose Specification dropped the `version` key; current Compose ignores it and warns on every command.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        if (context.Model.Root?.Find("version") is { } entry)
        {
            var edit = context.Model.Root.IsFlow || entry.IsMerged || entry.Value.IsAlias ? null : FixEdits.DeleteBlockLines(context.Model.Text, entry.Key.Span.Start, entry.Span.End, sequenceItem: false);
            var fix = edit is null ? null : Fix.Create("remove the obsolete version key", FixApplicability.Safe, context.File.RelativePath, edit);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.GetLocation(entry.Key.ReportSpan)).WithFix(fix));
        }
    }
}
