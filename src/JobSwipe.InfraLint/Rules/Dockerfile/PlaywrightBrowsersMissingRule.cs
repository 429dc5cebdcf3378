using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1004: the application in the build context depends on Playwright (a production dependency in a manifest at the
/// context root or copied by the Dockerfile) but the final image never installs browsers.
/// </summary>
public sealed class PlaywrightBrowsersMissingRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1004", "Playwright browsers missing from the image",
        "the application depends on Playwright ({0}) but the final image never installs its browsers; add RUN playwright install --with-deps chromium (or npx playwright install --with-deps) to the final stage, or base it on mcr.microsoft.com/playwright", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Error,
        "A dependency manifest in the Dockerfile's build context (requirements*.txt, pyproject.toml, Pipfile or package.json, production dependencies only) lists Playwright, but the final image neither runs `playwright install`, nor is based on a mcr.microsoft.com/playwright image, nor copies the browsers (an ms-playwright folder) from a stage that installed them. Every browser automation then fails at run time.");

    private static readonly HashSet<string> PlaywrightPackages = new(StringComparer.Ordinal)
    {
        "playwright", "@playwright/test", "playwright-chromium", "playwright-firefox", "playwright-webkit", "playwright-stealth", "scrapy-playwright", "patchright", "camoufox", "camoufox-js",
    };

    private static readonly HashSet<string> BrowserPackages = new(StringComparer.Ordinal) { "chromium", "chromium-browser", "google-chrome-stable", "firefox", "firefox-esr", "chromium-headless-shell" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            DockerfileDocument model = ctx.Model;

            // The dependency can only be in a manifest: without any, no build context holds one.
            if (model.FinalStage is not { } final || ctx.Repository.GetFiles(FileKind.DependencyManifest).Count == 0)
            {
                return;
            }

            BuildContexts index = BuildContexts.For(ctx.Repository);
            foreach (BuildContext buildContext in index.ContextsOf(ctx.File, model))
            {
                if (FindDependency(ctx.Repository, index, buildContext, model) is not { } found)
                {
                    continue;
                }

                if (InstallsBrowsers(model, final, ctx.Repository, found.Manifest))
                {
                    return;
                }

                int line = found.Manifest.Text.GetPosition(found.Dependency.Span.Start).Line;
                ctx.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    ctx.GetLocation(final.From.KeywordSpan),
                    [Location.Create(found.File.RelativePath, found.Manifest.Text, found.Dependency.Span)],
                    $"'{found.Dependency.RawName}' in {found.File.RelativePath} line {line}"));
                return;
            }
        });

    private static (WorkspaceFile File, DependencyManifest Manifest, Dependency Dependency)? FindDependency(Repository repository, BuildContexts index, BuildContext context, DockerfileDocument model)
    {
        // Manifests at the context root, and those the Dockerfile copies (by path, glob, or as a top-level file of a copied folder).
        var candidates = new List<string>();
        foreach (string name in index.ChildrenOf(context.Directory))
        {
            candidates.Add(context.Directory.Length == 0 ? name : context.Directory + "/" + name);
        }

        foreach (var (_, _, source) in BuildContexts.CheckableSources(model))
        {
            foreach (string match in index.Matches(context, source))
            {
                if (repository.FileExists(match))
                {
                    candidates.Add(match);
                }
                else if (match != context.Directory)
                {
                    candidates.AddRange(index.ChildrenOf(match).Select(n => match + "/" + n));
                }
            }
        }

        foreach (string path in candidates.Distinct(StringComparer.Ordinal))
        {
            if (repository.GetFile(path) is not { Kind: FileKind.DependencyManifest } file || IsDevManifest(file.Name)
                || repository.GetModel<DependencyManifest>(file) is not { } manifest)
            {
                continue;
            }

            if (manifest.Dependencies.FirstOrDefault(d => !d.IsDev && !d.IsOptional && PlaywrightPackages.Contains(d.Name)) is { } dependency)
            {
                return (file, manifest, dependency);
            }
        }

        return null;
    }

    // requirements-dev.txt, requirements/test.txt...: tooling that never reaches the image.
    private static bool IsDevManifest(string name)
    {
        string n = name.ToLowerInvariant();
        return n.StartsWith("requirements", StringComparison.Ordinal) && (n.Contains("dev", StringComparison.Ordinal) || n.Contains("test", StringComparison.Ordinal) || n.Contains("lint", StringComparison.Ordinal) || n.Contains("doc", StringComparison.Ordinal) || n.Contains("ci", StringComparison.Ordinal));
    }

    private static bool InstallsBrowsers(DockerfileDocument model, DockerStage final, Repository repository, DependencyManifest manifest)
    {
        foreach (DockerStage stage in model.Lineage(final))
        {
            if (IsPlaywrightImage(stage.From))
            {
                return true;
            }

            foreach (DockerInstruction instruction in stage.Instructions)
            {
                if (RunsPlaywrightInstall(instruction, manifest))
                {
                    return true;
                }

                if (instruction is CopyInstruction { From: { Value: { } from } } copy && copy.SourcePaths.Any(s => s.Text.Contains("ms-playwright", StringComparison.OrdinalIgnoreCase)))
                {
                    string source = copy.Expand(from).Value;
                    if (source.StartsWith("mcr.microsoft.com/playwright", StringComparison.OrdinalIgnoreCase)
                        || model.FindStage(source) is { } origin && model.Lineage(origin).Any(s => IsPlaywrightImage(s.From) || s.Instructions.Any(i => RunsPlaywrightInstall(i, manifest))))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsPlaywrightImage(FromInstruction from) =>
        (from.ResolvedImage?.Value ?? from.Image?.Text ?? "").StartsWith("mcr.microsoft.com/playwright", StringComparison.OrdinalIgnoreCase);

    // playwright install [chromium], python -m playwright install, npx playwright install, a system browser package, or an
    // npm/yarn/pnpm install whose package.json postinstall runs playwright install.
    private static bool RunsPlaywrightInstall(DockerInstruction instruction, DependencyManifest manifest)
    {
        foreach (RunCommand command in RunShell.Of(instruction).Commands)
        {
            var words = command.Command.Words.Select(w => w.Value).ToList();
            // playwright / patchright install; camoufox fetch (a Firefox build that Playwright drives).
            int pw = words.FindIndex(w => w[(w.LastIndexOf('/') + 1)..] is var b && (b is "playwright" or "patchright" or "camoufox" or "camoufox-js" || b.StartsWith("playwright@", StringComparison.Ordinal) || b.StartsWith("patchright@", StringComparison.Ordinal) || b.StartsWith("camoufox-js@", StringComparison.Ordinal)));
            if (pw >= 0 && words.Skip(pw + 1).FirstOrDefault(w => !w.StartsWith('-')) is "install" or "fetch")
            {
                return true;
            }

            if (PackageCommands.Packages(command).Any(p => BrowserPackages.Contains(PackageCommands.BareName(p.Value))))
            {
                return true;
            }

            if (command.Name is "npm" or "yarn" or "pnpm" && manifest is PackageJsonManifest package
                && (package.GetScript("postinstall") ?? package.GetScript("prepare")) is { } script && script.Command.Contains("playwright install", StringComparison.Ordinal)
                && (command.Arguments.Count == 0 || command.Arguments.FirstOrDefault(a => !a.StartsWith('-')) is "install" or "ci" or "i" or "add"))
            {
                return true;
            }
        }

        return false;
    }
}
