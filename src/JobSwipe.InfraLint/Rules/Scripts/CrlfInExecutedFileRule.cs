using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4014: CRLF in a shell script or a file a container executes, unless .gitattributes forces eol=lf for it.</summary>
public sealed class CrlfInExecutedFileRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4014", "CRLF line endings in a script",
        "{0} has Windows (CRLF) line endings (first on line {1}){2}: '/bin/bash^M: bad interpreter' or '$'\\r': command not found' on Linux; convert it to LF and add '*.sh text eol=lf' to .gitattributes", DiagnosticCategories.Scripts, DiagnosticSeverity.Error,
        "A shell script, or a file that a Linux container executes (a COPYed entrypoint script), has CRLF line endings and no .gitattributes rule forces eol=lf for it. Linux shells read the carriage return as part of each line.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (WorkspaceFile file in ctx.Repository.GetFiles(FileKind.ShellScript))
        {
            targets[file.RelativePath] = "";
        }

        foreach (ExecutedFile run in ExecutedFiles.Collect(ctx.Repository))
        {
            if (run.InContainer)
            {
                targets[run.Target.RelativePath] = $", and {run.By.RelativePath} runs it in a Linux container";
            }
        }

        GitAttributes? attributes = null;
        foreach (var (path, why) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (ctx.Repository.GetFile(path) is not { } file || ctx.Repository.GetText(file) is not { } text)
            {
                continue;
            }

            int crlf = text.Content.IndexOf("\r\n", StringComparison.Ordinal);
            if (crlf < 0)
            {
                continue;
            }

            attributes ??= LoadAttributes(ctx.Repository);
            if (attributes.EolFor(path) == "lf")
            {
                continue;
            }

            var span = new TextSpan(crlf, 2);
            var location = Location.Create(path, text, span);
            // Every CR before a LF goes; a lone CR (not a line break a shell sees) stays.
            var edits = new List<TextEdit>();
            for (int at = crlf; at >= 0; at = text.Content.IndexOf("\r\n", at + 2, StringComparison.Ordinal))
            {
                edits.Add(TextEdit.Delete(text, new TextSpan(at, 1)));
            }

            var fix = Fix.Create("convert CRLF line endings to LF", FixApplicability.Safe, path, edits);
            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, location, path, location.Span.Start.Line, why).WithFix(fix));
        }
    }

    private static GitAttributes LoadAttributes(Repository repository)
    {
        var attributes = new GitAttributes();
        foreach (WorkspaceFile file in repository.Files.Where(f => f.Name == ".gitattributes").OrderBy(f => f.RelativePath.Count(c => c == '/')))
        {
            if (repository.GetText(file) is { } text)
            {
                attributes.Add(file.Directory, text.Content);
            }
        }

        return attributes;
    }
}
