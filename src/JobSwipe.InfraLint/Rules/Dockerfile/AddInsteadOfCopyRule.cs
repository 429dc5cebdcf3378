using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>JSI1013: ADD of local files or folders (not URLs, git sources, archives or heredocs).</summary>
public sealed class AddInsteadOfCopyRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1013", "ADD used for local files",
        "ADD of the local {0} '{1}' does nothing COPY would not; use COPY (ADD is for URLs and archives to extract)", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "ADD copies local files like COPY, but also fetches URLs and unpacks archives. For plain local files COPY says what happens; ADD hides surprises. URLs, git sources, archives and heredocs are not reported.", fix: FixAvailability.Safe);

    private static readonly string[] ArchiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma", ".tlz", ".gz", ".bz2", ".xz", ".zst", ".lzma"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerInstruction instruction in ctx.Model.Instructions)
            {
                if (instruction is not CopyInstruction { Kind: DockerInstructionKind.Add } add || add.Flags.Any(f => f.Name is "checksum" or "keep-git-dir" or "unpack"))
                {
                    continue;
                }

                var paths = add.SourcePaths;
                if (paths.Count == 0 || add.Heredocs.Count > 0)
                {
                    continue;
                }

                var expanded = paths.Select(p => add.Expand(p.Text)).ToList();
                if (expanded.Any(e => !e.IsResolved || IsRemoteOrArchive(e.Value)))
                {
                    continue;
                }

                string first = expanded[0].Value;
                string what = first.EndsWith('/') || first == "." || !Path.HasExtension(first) ? "folder or file" : "file";
                // COPY takes ADD's other flags (--chown, --chmod, --link, --exclude); local non-archive sources copy the same.
                string keyword = ctx.Model.Text.GetText(add.KeywordSpan);
                var fix = Fix.Create("replace ADD with COPY", FixApplicability.Safe, ctx.File.RelativePath, TextEdit.Replace(ctx.Model.Text, add.KeywordSpan, keyword.Any(char.IsLower) ? "copy" : "COPY"));
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(add.KeywordSpan), what, first).WithFix(fix));
            }
        });

    private static bool IsRemoteOrArchive(string source)
    {
        string s = source.ToLowerInvariant();
        return s.Contains("://", StringComparison.Ordinal) || s.StartsWith("git@", StringComparison.Ordinal)
            || s.IndexOfAny(['*', '?', '[']) >= 0 && ArchiveSuffixes.Any(a => s.EndsWith(a, StringComparison.Ordinal) || s.Contains(a + "*", StringComparison.Ordinal))
            || ArchiveSuffixes.Any(a => s.EndsWith(a, StringComparison.Ordinal));
    }
}
