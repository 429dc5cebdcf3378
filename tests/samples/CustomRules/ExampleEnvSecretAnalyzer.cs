using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Workspace;

namespace CustomRules;

/// <summary>
/// ACME0001: an example env file (<c>.env.example</c>, <c>.env.sample</c>, <c>*.example</c>) gives a value to a secret
/// variable (a name with KEY, TOKEN, SECRET or PASSWORD). Example files are committed and copied as they are, so the
/// team's policy is to leave secrets empty there. A sample of a team's own rule: see docs/custom-rules.md.
/// </summary>
public sealed class ExampleEnvSecretAnalyzer : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: "ACME0001",
        title: "Example env file sets a secret",
        messageFormat: "example env file sets a value for '{0}'; leave secrets empty in example files",
        category: "Secrets",
        defaultSeverity: DiagnosticSeverity.Error,
        description: "Example env files are committed and copied as they are. A secret variable there must be empty, so nobody runs with a shared, published value.",
        helpLinkUri: "https://example.invalid/acme/infra-rules/ACME0001");

    private static readonly string[] SecretWords = ["KEY", "TOKEN", "SECRET", "PASSWORD"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DotEnvDocument>(FileKind.DotEnv, Analyze);

    private static void Analyze(FileAnalysisContext<DotEnvDocument> context)
    {
        string name = context.File.Name.ToLowerInvariant();
        if (!name.Contains("example", StringComparison.Ordinal) && !name.Contains("sample", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var entry in context.Model.Entries)
        {
            bool secret = SecretWords.Any(w => entry.Key.Contains(w, StringComparison.OrdinalIgnoreCase));
            if (!secret || string.IsNullOrEmpty(entry.Value) || entry.References.Count > 0)
            {
                continue;
            }

            // The message names the variable, never its value; the fingerprint is the key, so the baseline keeps
            // matching when only the (secret) value changes.
            var diagnostic = Diagnostic.Create(Rule, context.GetLocation(entry.KeySpan), entry.Key).WithFingerprintText(entry.Key);
            context.ReportDiagnostic(diagnostic);
        }
    }
}
