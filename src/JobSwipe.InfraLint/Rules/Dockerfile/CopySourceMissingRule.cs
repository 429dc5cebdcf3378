using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1021: a COPY/ADD source that does not exist in the build context, a glob that matches nothing, or a source the
/// .dockerignore excludes. Sources with variables, URLs, --from copies, heredocs and build-output folders are skipped.
/// </summary>
public sealed partial class CopySourceMissingRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1021", "COPY source not in the build context",
        "{0}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Error,
        "A COPY or ADD source does not exist in the build context (the Dockerfile's folder, or the context a compose file or Fly config gives it), a glob matches nothing, or the .dockerignore excludes it: the build fails. Sources with variables, URLs, --from copies and heredocs are not checked; build output folders (dist, build, bin...) that are usually produced before the image build are not reported.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            BuildContexts index = BuildContexts.For(ctx.Repository);
            var contexts = index.ContextsOf(ctx.File, ctx.Model);
            var reported = new HashSet<int>();

            // One problem per missing source and context, however many COPY instructions name it (each stage copying
            // the same lock file): at the first, the others (and the .dockerignore pattern) as additional locations.
            var problems = new Dictionary<string, (List<TextSpan> Spans, Location? Pattern)>(StringComparer.Ordinal);
            void Add(string message, TextSpan span, Location? pattern = null)
            {
                if (!problems.TryGetValue(message, out var problem))
                {
                    problems[message] = problem = ([], pattern);
                }

                problem.Spans.Add(span);
            }

            foreach (BuildContext buildContext in contexts)
            {
                var ignore = index.DockerIgnoreOf(ctx.File, buildContext);
                foreach (var (copy, token, path) in BuildContexts.CheckableSources(ctx.Model))
                {
                    if (reported.Contains(token.Span.Start) || IsGenerated(path))
                    {
                        continue;
                    }

                    string where = buildContext.Origin is null ? $"the build context '{buildContext.Display}'" : $"the build context '{buildContext.Display}' (set by {buildContext.Origin})";
                    var matches = index.Matches(buildContext, path).ToList();
                    bool glob = path.IndexOfAny(['*', '?', '[']) >= 0;
                    if (matches.Count == 0)
                    {
                        // A wildcard on file names in an existing folder copies optional files (BuildKit copies nothing);
                        // only a glob whose folder is missing is an error.
                        if (IsOptionalCopyIdiom(path) || glob && GlobFolderExists(index, buildContext, path)
                            || index.IsMentionedByBuildScripts(FirstMissingSegment(index, buildContext, path)))
                        {
                            continue;
                        }

                        reported.Add(token.Span.Start);
                        Add(glob
                            ? $"{copy.Keyword.ToUpperInvariant()} source '{path}' matches nothing in {where}: its folder does not exist, so the build fails; fix the pattern or the build context"
                            : $"{copy.Keyword.ToUpperInvariant()} source '{path}' does not exist in {where}, so the build fails; fix the path or the build context", token.Span);
                        continue;
                    }

                    if (ignore is { } di && !IsWholeContext(path))
                    {
                        var contextRelative = matches.Select(m => buildContext.Directory.Length == 0 ? m : m[(buildContext.Directory.Length + 1)..]).ToList();
                        if (contextRelative.All(m => di.Model.IsExcluded(m)) && di.Model.DecidingPattern(contextRelative[0]) is { } pattern)
                        {
                            reported.Add(token.Span.Start);
                            int line = di.Model.Text.GetPosition(pattern.Span.Start).Line;
                            Add(
                                $"{copy.Keyword.ToUpperInvariant()} source '{path}' is excluded from {where} by {di.File.RelativePath} line {line} ('{pattern.Pattern}'), so the build fails; add an exception (!{path}) or copy something else",
                                token.Span,
                                Location.Create(di.File.RelativePath, di.Model.Text, pattern.Span));
                        }
                    }
                }
            }

            foreach (var (message, (spans, pattern)) in problems)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    ctx.GetLocation(spans[0]),
                    [.. spans.Skip(1).Select(ctx.GetLocation), .. pattern is null ? Array.Empty<Location>() : [pattern]],
                    message));
            }
        });

    // COPY config.jso[n] ./ : a one-character class on a literal name is the known way to copy a file only if it exists.
    private static bool IsOptionalCopyIdiom(string path) =>
        path.IndexOfAny(['*', '?']) < 0 && OneCharacterClass().IsMatch(path);

    private static bool GlobFolderExists(BuildContexts index, BuildContext context, string path)
    {
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        string folder = slash < 0 ? "." : trimmed[..slash];
        return folder.IndexOfAny(['*', '?', '[']) < 0 && (folder is "." or "" || index.Exists(context, folder));
    }

    // The first path segment that does not exist (the folder or file a build step would create).
    private static string FirstMissingSegment(BuildContexts index, BuildContext context, string path)
    {
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        for (int i = 1; i <= segments.Length; i++)
        {
            if (!index.Exists(context, string.Join('/', segments.Take(i))))
            {
                return segments[i - 1];
            }
        }

        return segments.LastOrDefault() ?? path;
    }

    private static bool IsWholeContext(string path) => path.Trim('/') is "" or "." || path == "./";

    private static bool IsGenerated(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Any(BuildContexts.GeneratedFolders.Contains);

    [GeneratedRegex(@"\[[^\]]{1,2}\]")]
    private static partial Regex OneCharacterClass();
}
