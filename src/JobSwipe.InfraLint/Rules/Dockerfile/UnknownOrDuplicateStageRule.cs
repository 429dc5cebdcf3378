using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1010: COPY --from names no stage, its own stage, a later stage or a stage index past the last, or two stages share
/// a name. An unknown name is one finding however many COPY --from use it.
/// </summary>
public sealed class UnknownOrDuplicateStageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1010", "Unknown or duplicate build stage",
        "{0}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Error,
        "COPY --from names a stage that no earlier FROM ... AS defines (BuildKit then pulls an image of that name, which usually fails or copies from the wrong image), names its own stage, or two stages share a name.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            DockerfileDocument model = ctx.Model;
            var firstByName = new Dictionary<string, DockerStage>(StringComparer.OrdinalIgnoreCase);
            foreach (DockerStage stage in model.Stages)
            {
                if (stage.Name is null || stage.From.Alias is null)
                {
                    continue;
                }

                if (firstByName.TryGetValue(stage.Name, out DockerStage? first))
                {
                    int line = model.Text.GetPosition(first.From.Alias!.Span.Start).Line;
                    ctx.Report(Descriptor, stage.From.Alias.Span, $"stage name '{stage.From.Alias.Text}' is already used by the stage on line {line}; COPY --from and FROM pick one of them silently: rename one");
                }
                else
                {
                    firstByName[stage.Name] = stage;
                }
            }

            // One problem per unknown name, however many COPY --from use it: at the first, the others as additional locations.
            var unknown = new Dictionary<string, List<TextSpan>>(StringComparer.OrdinalIgnoreCase);
            foreach (DockerStage stage in model.Stages)
            {
                foreach (CopyInstruction copy in stage.Instructions.OfType<CopyInstruction>())
                {
                    if (copy.From is not { Value: { Length: > 0 } raw, ValueSpan: { } span })
                    {
                        continue;
                    }

                    ExpandedValue expanded = copy.Expand(raw);
                    if (!expanded.IsResolved)
                    {
                        continue;
                    }

                    string name = expanded.Value.Trim();
                    if (StageOrderProblem(model, stage, name) is { } problem)
                    {
                        ctx.Report(Descriptor, span, problem);
                        continue;
                    }

                    if (model.FindStage(name) is not null || LooksLikeImage(name) || IsSuppliedFromOutside(ctx.Repository, model, name))
                    {
                        continue;
                    }

                    if (!unknown.TryGetValue(name, out var spans))
                    {
                        unknown[name] = spans = [];
                    }

                    spans.Add(span);
                }
            }

            foreach (var (name, spans) in unknown)
            {
                ctx.Report(Descriptor, spans, $"COPY --from={name} names no stage of this Dockerfile, so BuildKit pulls an image called '{name}'; {Suggest(model, name)}");
            }
        });

    // A named build context (bake contexts, compose additional_contexts, --build-context) replaces the stage lookup; a
    // Docker Hub official image is pulled by its bare name. A name close to a stage is still a typo of that stage.
    private static bool IsSuppliedFromOutside(Repository repository, DockerfileDocument model, string name) =>
        BuildContexts.For(repository).IsNamedContext(name)
        || OfficialImages.Contains(name) && NameSuggestions.Closest(name, model.Stages.Select(s => s.Name).OfType<string>()) is null;

    // Official images commonly copied from by bare name (COPY --from=busybox /bin/busybox /busybox).
    private static readonly HashSet<string> OfficialImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "alpine", "busybox", "debian", "ubuntu", "node", "python", "golang", "rust", "ruby", "php", "composer", "nginx", "httpd", "caddy", "traefik",
        "redis", "postgres", "mysql", "mariadb", "mongo", "docker", "registry", "eclipse-temurin", "openjdk", "maven", "gradle", "bash", "buildpack-deps",
    };

    /// <summary>
    /// What BuildKit's dockerfile2llb stops on when COPY --from names a stage of this file that is not an earlier one: its
    /// own stage (a circular dependency), a later stage (not built yet when this one runs), or a stage index past the last
    /// stage. Null when the name is an earlier stage or no stage at all.
    /// </summary>
    private static string? StageOrderProblem(DockerfileDocument model, DockerStage stage, string name)
    {
        string current = stage.Name ?? $"stage-{stage.Index}";
        bool numeric = name.Length > 0 && name.All(char.IsAsciiDigit);
        DockerStage? target = numeric
            ? int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index < model.Stages.Count ? model.Stages[index] : null
            : model.Stages.LastOrDefault(s => s.Name is not null && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (numeric && target is null)
        {
            return $"COPY --from={name} names stage index {name}, but this Dockerfile has {model.Stages.Count} stage(s) numbered from 0; BuildKit stops with \"invalid stage index {name}\": use an earlier stage's index or, better, its name";
        }

        if (target is null)
        {
            return null;
        }

        if (target.Index == stage.Index)
        {
            return $"COPY --from={name} names its own stage; BuildKit stops with \"circular dependency detected on stage: {current}\": copy from an earlier stage or from the build context";
        }

        if (target.Index > stage.Index)
        {
            int line = model.Text.GetPosition(target.From.Span.Start).Line;
            return $"COPY --from={name} names the stage on line {line}, defined after this one; BuildKit stops with \"cannot copy from stage \"{name}\", it needs to be defined before current stage \"{current}\"\": move that stage above this one";
        }

        return null;
    }

    // An image reference has a tag, digest, registry or path; a bare word is meant as a stage name.
    private static bool LooksLikeImage(string name) => name.IndexOfAny([':', '/', '@', '.']) >= 0;

    private static string Suggest(DockerfileDocument model, string name)
    {
        return NameSuggestions.Closest(name, model.Stages.Select(s => s.Name).OfType<string>()) is { } close
            ? $"did you mean '{close}'?"
            : "name an earlier stage (FROM ... AS name) or a tagged image";
    }
}
