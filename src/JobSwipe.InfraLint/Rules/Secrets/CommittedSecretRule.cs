using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>JSI5001: a provider credential in any file of a kind the engine reads (see <see cref="SecretPatterns"/>).</summary>
public sealed class CommittedSecretRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.CommittedSecret];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext context)
    {
        foreach (var file in context.Repository.Files)
        {
            if (file.Kind == FileKind.Other)
            {
                continue;
            }

            var text = context.Repository.GetText(file);
            if (text is null)
            {
                continue;
            }

            foreach (var match in SecretPatterns.Scan(text.Content))
            {
                var location = Location.Create(file.RelativePath, text, new Text.TextSpan(match.Start, match.Length));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CommittedSecret, location, Capitalize(match.Provider)));
            }
        }
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
