using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// A test rule for engine features (suppressions, baseline, SARIF): in every file of every parsed kind, reports each
/// occurrence of the word FLAG outside comment lines as TEST0001 (error), and each occurrence of WARN as TEST0002 (warning);
/// and the first LINKED of a file as one TEST0003 (warning) whose additional locations are every ALSO of that file.
/// </summary>
public sealed class FlagAnalyzer : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Flag = new("TEST0001", "Flag found", "found {0}", "Test", DiagnosticSeverity.Error, "A test rule: the word FLAG.", helpLinkUri: "https://example.invalid/TEST0001");

    public static readonly DiagnosticDescriptor Warn = new("TEST0002", "Warn found", "found {0}", "Test", DiagnosticSeverity.Warning, "A test rule: the word WARN.", helpLinkUri: "https://example.invalid/TEST0002");

    public static readonly DiagnosticDescriptor Linked = new("TEST0003", "Linked found", "found {0}", "Test", DiagnosticSeverity.Warning, "A test rule: the word LINKED, with every ALSO as its other places.", helpLinkUri: "https://example.invalid/TEST0003");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Flag, Warn, Linked];

    public override void Initialize(AnalysisContext context)
    {
        foreach (var kind in Enum.GetValues<FileKind>())
        {
            context.RegisterFileAction<ISyntaxModel>(kind, Analyze);
        }
    }

    private static void Analyze(FileAnalysisContext<ISyntaxModel> context)
    {
        var text = context.Model.Text;
        var linked = new List<TextSpan>();
        var also = new List<Location>();
        for (int line = 1; line <= text.LineCount; line++)
        {
            string content = text.GetLineText(line);
            if (content.TrimStart().StartsWith('#'))
            {
                continue;
            }

            int start = text.GetLineStart(line);
            foreach (var (word, descriptor) in new[] { ("FLAG", Flag), ("WARN", Warn) })
            {
                for (int at = content.IndexOf(word, StringComparison.Ordinal); at >= 0; at = content.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    context.Report(descriptor, new TextSpan(start + at, word.Length), word);
                }
            }

            for (int at = content.IndexOf("LINKED", StringComparison.Ordinal); at >= 0; at = content.IndexOf("LINKED", at + 1, StringComparison.Ordinal))
            {
                linked.Add(new TextSpan(start + at, "LINKED".Length));
            }

            for (int at = content.IndexOf("ALSO", StringComparison.Ordinal); at >= 0; at = content.IndexOf("ALSO", at + 1, StringComparison.Ordinal))
            {
                also.Add(context.GetLocation(new TextSpan(start + at, "ALSO".Length)));
            }
        }

        if (linked.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Linked, context.GetLocation(linked[0]), also, "LINKED"));
        }
    }
}
