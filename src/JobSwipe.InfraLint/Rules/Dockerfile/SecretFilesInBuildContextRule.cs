using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;
using JobSwipe.InfraLint.Semantics.Secrets;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1009: COPY/ADD of the whole build context while the context holds .env files, private keys or credential
/// files that the applicable .dockerignore does not exclude. File names only are printed, never contents.
/// </summary>
public sealed class SecretFilesInBuildContextRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1009", "Secret files copied into the image",
        "{0} copies the whole build context '{1}', which holds {2} that no .dockerignore excludes; add them to {3}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Error,
        "A COPY or ADD of the whole build context (`.`) while the context holds .env files, private keys (*.pem, *.key, id_rsa*) or credential files that the .dockerignore does not exclude. They end up in the image for anyone who pulls it.");

    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase) { "test", "tests", "testdata", "fixtures", "__tests__", "spec", "examples", "example", "docs" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            var wholeCopies = ctx.Model.Instructions.OfType<CopyInstruction>()
                .Where(c => c.From is null)
                .SelectMany(c => c.SourcePaths.Where(s => c.Expand(s.Text).Value.Trim() is "." or "./" or "/").Select(s => (Copy: c, Token: s)))
                .ToList();
            if (wholeCopies.Count == 0)
            {
                return;
            }

            BuildContexts index = BuildContexts.For(ctx.Repository);
            SecretFileIndex secrets = SecretFileIndex.For(ctx.Repository);
            foreach (BuildContext buildContext in index.ContextsOf(ctx.File, ctx.Model))
            {
                var ignore = index.DockerIgnoreOf(ctx.File, buildContext);
                string prefix = buildContext.Directory.Length == 0 ? "" : buildContext.Directory + "/";
                var exposed = secrets.StartingWith(prefix)
                    .Select(f => f[prefix.Length..])
                    .Where(f => !f.Split('/').SkipLast(1).Any(TestFolders.Contains))
                    .Where(f => ignore is not { } di || !di.Model.IsExcluded(f))
                    .ToList();
                if (exposed.Count == 0)
                {
                    continue;
                }

                string names = string.Join(", ", exposed.Take(3)) + (exposed.Count > 3 ? $" and {exposed.Count - 3} more" : "");
                string target = ignore?.File.RelativePath ?? (prefix + ".dockerignore");
                foreach (var (copy, token) in wholeCopies)
                {
                    ctx.Report(Descriptor, token.Span, copy.Keyword.ToUpperInvariant(), buildContext.Display, names, target);
                }

                return;
            }
        });
}
