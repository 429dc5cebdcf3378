using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>JSI2013: the top-level <c>version</c> key, obsolete under the Compose Specification. Points at the key.</summary>
public sealed class ObsoleteVersionKeyRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.ObsoleteVersionKey];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeFile>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeFile> context)
    {
        if (context.Model.Root?.Find("version") is { } entry)
        {
            context.Report(Descriptors.ObsoleteVersionKey, entry.Key.ReportSpan);
        }
    }
}
