using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>
/// JSI7006: several Dockerfiles and one is used by nothing: no Fly config, compose build, CI file or script refers to it.
/// Dockerfiles under test, fixture, example and sample folders are not deployment Dockerfiles and are left out.
/// </summary>
public sealed partial class UnusedDockerfileRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7006", "Dockerfile used by nothing",
        "{0} is used by no Fly config, compose file, CI job or script, while the repository has {1} Dockerfiles; delete it, or reference it and document which Dockerfile builds what", DiagnosticCategories.Repository, DiagnosticSeverity.Info,
        "The repository has several Dockerfiles and this one is referenced by nothing: no Fly config builds it ([build] dockerfile, or the default Dockerfile next to a Fly config without an image or builder), no compose build uses it, and no CI file or script names its path or builds its folder.");

    private static readonly string[] NonDeploymentFolders = ["test", "tests", "testdata", "fixtures", "fixture", "examples", "example", "samples", "sample", "docs", "node_modules", "vendor", "third_party"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        var dockerfiles = evidence.Dockerfiles.Where(f => !f.RelativePath.Split('/')[..^1].Any(s => NonDeploymentFolders.Contains(s.ToLowerInvariant()))).ToList();
        if (dockerfiles.Count < 2)
        {
            return;
        }

        var used = References(evidence);

        // One pass over the texts: every Dockerfile path they mention, and the folders whose documents talk about Dockerfiles.
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in evidence.CiTexts.Concat(evidence.ScriptTexts).Concat(evidence.DocTexts))
        {
            foreach (Match match in DockerfilePath().Matches(text.Lower))
            {
                if (Repository.Combine(string.Empty, match.Value) is { } path)
                {
                    mentioned.Add(path);
                }
            }
        }

        var documentedFolders = evidence.DocTexts.Where(t => t.Lower.Contains("dockerfile", StringComparison.Ordinal)).Select(t => t.File.Directory).ToHashSet(StringComparer.Ordinal);
        foreach (var dockerfile in dockerfiles)
        {
            if (used.Contains(dockerfile.RelativePath) || mentioned.Contains(dockerfile.RelativePath.ToLowerInvariant()) || IsDocumented(dockerfile, documentedFolders))
            {
                continue;
            }

            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, evidence.FileLocation(dockerfile), dockerfile.RelativePath, dockerfiles.Count));
        }
    });

    /// <summary>
    /// A document in the Dockerfile's folder or the folder above (not the repository root's, which usually describes
    /// everything) talks about its Dockerfiles: its use is documented. (Documents naming its path count through the mentions.)
    /// </summary>
    private static bool IsDocumented(WorkspaceFile dockerfile, HashSet<string> documentedFolders)
    {
        string folder = dockerfile.Directory;
        string parent = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : string.Empty;
        return folder.Length > 0 && (documentedFolders.Contains(folder) || parent.Length > 0 && documentedFolders.Contains(parent));
    }

    /// <summary>The Dockerfile paths that Fly configs, compose builds, and build commands in CI files and scripts use.</summary>
    internal static HashSet<string> References(RepositoryEvidence evidence)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? dir, string? relative)
        {
            if (dir is not null && relative is not null && Repository.Combine(dir, relative) is { } path)
            {
                used.Add(path);
            }
        }

        foreach (var (file, config) in evidence.Fly())
        {
            if (config.Build?.Dockerfile?.Value.AsString() is { } dockerfile)
            {
                Add(file.Directory, dockerfile);
            }
            else if (config.Build?.Image is null && config.Build?.Builder is null && config.Build?.Buildpacks is null)
            {
                Add(file.Directory, "Dockerfile");
            }
        }

        foreach (var file in evidence.ComposeFiles)
        {
            if (evidence.Repository.GetModel<ComposeDocument>(file) is { } compose)
            {
                foreach (var build in compose.Services.Select(s => s.Build).OfType<ComposeBuild>())
                {
                    string context = build.Context?.Value ?? ".";
                    Add(Repository.Combine(file.Directory, context), build.Dockerfile?.Value ?? "Dockerfile");
                }
            }
        }

        // docker-bake.hcl targets (context = "…", dockerfile = "…" relative to the context), .gitpod.yml's image.file and a
        // dev container's build.dockerfile (relative to the file's folder).
        foreach (var file in evidence.Repository.Files)
        {
            string lower = file.Name.ToLowerInvariant();
            bool bake = lower.EndsWith(".hcl", StringComparison.Ordinal) || lower.Contains("bake", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal);
            if (!bake && lower is not (".gitpod.yml" or ".gitpod.yaml" or "devcontainer.json" or ".devcontainer.json"))
            {
                continue;
            }

            string text = evidence.Repository.GetText(file)?.Content ?? string.Empty;
            if (bake)
            {
                foreach (string block in text.Split("target ", StringSplitOptions.None).Skip(1))
                {
                    string context = BakeSetting(block, "context") ?? ".";
                    Add(Repository.Combine(file.Directory, context), BakeSetting(block, "dockerfile") ?? "Dockerfile");
                }
            }
            else
            {
                foreach (Match match in ToolDockerfile().Matches(text))
                {
                    Add(lower.StartsWith(".gitpod", StringComparison.Ordinal) ? string.Empty : file.Directory, match.Groups["v"].Value);
                }
            }
        }

        // docker build [options] <context> and build actions' context:/file: in CI files and scripts (relative to the root or the file's folder).
        foreach (var text in evidence.CiTexts.Concat(evidence.ScriptTexts))
        {
            foreach (Match match in DockerBuild().Matches(text.Lower))
            {
                var words = match.Groups["args"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                string? file = null;
                string? context = null;
                for (int i = 0; i < words.Length; i++)
                {
                    string w = words[i];
                    if (w is "-f" or "--file" && i + 1 < words.Length)
                    {
                        file = words[++i];
                    }
                    else if (w.StartsWith("--file=", StringComparison.Ordinal))
                    {
                        file = w[7..];
                    }
                    else if (w.StartsWith('-'))
                    {
                        if (w is "-t" or "--tag" or "--target" or "--build-arg" or "--platform" or "--secret" or "--label" or "--cache-from" or "--cache-to" or "--network" or "--progress" or "--output" or "-o")
                        {
                            i++;
                        }
                    }
                    else if (w is "\\" or "&&" or "|" or ";")
                    {
                        break;
                    }
                    else
                    {
                        context = w;
                    }
                }

                foreach (string baseDir in new[] { string.Empty, text.File.Directory })
                {
                    string? contextDir = Repository.Combine(baseDir, (context ?? ".").Trim('"', '\''));
                    if (file is not null)
                    {
                        Add(baseDir, file.Trim('"', '\''));
                        Add(contextDir, file.Trim('"', '\''));
                    }
                    else
                    {
                        Add(contextDir, "dockerfile");
                        Add(contextDir, "Dockerfile");
                    }
                }
            }

            foreach (Match match in ActionContext().Matches(text.Lower))
            {
                Add(match.Groups["v"].Value.Trim('"', '\''), "Dockerfile");
            }
        }

        return used;
    }

    private static string? BakeSetting(string block, string key) =>
        Regex.Match(block, "\"?\\b" + key + "\"?\\s*[=:]\\s*\"(?<v>[^\"$]+)\"", RegexOptions.CultureInvariant, RegexLimits.MatchTimeout) is { Success: true } m ? m.Groups["v"].Value : null;

    // .gitpod.yml `image: { file: .gitpod.Dockerfile }`, devcontainer.json `"dockerfile": "Dockerfile"`.
    [GeneratedRegex(@"(?:^[ \t]*file:[ \t]*[""']?|""dockerfile""\s*:\s*"")(?<v>[^\s""'#$]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ToolDockerfile();

    [GeneratedRegex(@"[a-z0-9_./\-]*dockerfile[a-z0-9_.\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex DockerfilePath();

    [GeneratedRegex(@"\b(?:docker|podman|buildah)\s+(?:buildx\s+)?(?:build|bud)\b(?<args>[^\n]*)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DockerBuild();

    [GeneratedRegex(@"^[ \t]*context:[ \t]*(?<v>[^\s#$]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ActionContext();
}
