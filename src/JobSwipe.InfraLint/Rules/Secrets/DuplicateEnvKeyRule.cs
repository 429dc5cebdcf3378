using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5006: the same key assigned twice in one env file; reported at the later key, naming the first line.</summary>
public sealed class DuplicateEnvKeyRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.DuplicateEnvKey];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DotEnvFile>(FileKind.DotEnv, ctx =>
        {
            foreach (var duplicate in ctx.Model.Duplicates)
            {
                int firstLine = ctx.Model.Text.GetPosition(duplicate.First.KeySpan.Start).Line;
                ctx.Report(Descriptors.DuplicateEnvKey, duplicate.Second.KeySpan, duplicate.Second.Key, firstLine);
            }
        });
}
