using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Manifests;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>A compose service's image: the service name and the image reference, with their spans.</summary>
public sealed record ComposeServiceImage(WorkspaceFile File, Text.SourceText Text, string Service, Text.TextSpan ServiceSpan, string Image, Text.TextSpan ImageSpan)
{
    /// <summary>The parsed image reference (quotes a text scan kept removed), or null for an empty image.</summary>
    public ImageReference? Reference => ImageReference.Parse(Image.Trim('"', '\''));

    /// <summary>The image's name without tag or digest, lower case, Docker Hub's registry and <c>library/</c> dropped (<c>hashicorp/vault</c>, <c>postgres</c>).</summary>
    public string Repository => Reference?.Name ?? string.Empty;

    /// <summary>The last segment of <see cref="Repository"/> (<c>vault</c>, <c>postgres</c>).</summary>
    public string ShortName => Reference?.ShortName ?? string.Empty;
}

/// <summary>A text of the repository read as evidence: the file and its lower-cased text without comment lines.</summary>
public sealed record EvidenceText(WorkspaceFile File, string Lower);

/// <summary>
/// What the repository holds, gathered once per run for the repository-wide rules (JSI5007, JSI5008, JSI7001–JSI7007):
/// CI pipelines, deployable files, documentation and scripts, read as lower-cased text with comment lines removed.
/// Built lazily and cached per <see cref="Repository"/> instance, so several rules share one linear pass.
/// </summary>
public sealed class RepositoryEvidence
{

    /// <summary>CI configuration files the classifier does not already mark as <see cref="FileKind.CiWorkflow"/>.</summary>
    public static readonly string[] ExtraCiFiles = [".travis.yml", ".drone.yml", ".woodpecker.yml", "cloudbuild.yaml", "cloudbuild.yml", ".gitlab-ci.yml", "jenkinsfile", "bitbucket-pipelines.yml", "appveyor.yml", "codemagic.yaml", "bitrise.yml"];

    private static readonly string[] DocExtensions = [".md", ".markdown", ".rst", ".txt", ".adoc"];

    private readonly Repository _repository;
    private readonly Lazy<IReadOnlyList<EvidenceText>> _ciTexts;
    private readonly Lazy<IReadOnlyList<EvidenceText>> _scriptTexts;
    private readonly Lazy<IReadOnlyList<EvidenceText>> _docTexts;
    private readonly Lazy<IReadOnlyList<EvidenceText>> _hclTexts;
    private readonly Lazy<IReadOnlyList<EvidenceText>> _composeTexts;
    private readonly Lazy<IReadOnlyList<ComposeServiceImage>> _composeImages;

    private RepositoryEvidence(Repository repository)
    {
        _repository = repository;
        CiFiles = [.. repository.Files.Where(IsCiFile)];
        Dockerfiles = [.. repository.GetFiles(FileKind.Dockerfile).Where(f => !IsVendored(f))];
        FlyConfigs = [.. repository.GetFiles(FileKind.FlyConfig).Where(f => !IsVendored(f))];
        ComposeFiles = [.. repository.GetFiles(FileKind.Compose).Where(f => !IsVendored(f))];
        ShellScripts = repository.GetFiles(FileKind.ShellScript);
        Deployables = [.. repository.Files.Where(f => (f.Kind is FileKind.Dockerfile or FileKind.FlyConfig or FileKind.Compose) && !IsVendored(f))];
        _ciTexts = new(() => Read(CiFiles));
        _scriptTexts = new(() => Read(ShellScripts.Concat(repository.Files.Where(f => f.Kind == FileKind.Other && (f.Name is "Makefile" or "makefile" or "justfile" or "Taskfile.yml" || f.Name.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))))));
        _docTexts = new(() => Read(repository.Files.Where(IsDocument)));
        _composeTexts = new(() => Read(ComposeFiles));
        _composeImages = new(() => [.. ComposeFiles.SelectMany(f => repository.GetModel<ComposeDocument>(f) is { } model ? FromModel(f, model) : [])]);
        _hclTexts = new(() => Read(repository.Files.Where(f => f.Name.EndsWith(".hcl", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))));
    }

    public static RepositoryEvidence For(Repository repository) => repository.Facts.Get(static r => new RepositoryEvidence(r));

    public Repository Repository => _repository;

    /// <summary>CI/CD pipeline definitions: GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkinsfile, Bitbucket, Buildkite, Travis, Drone, Cloud Build…</summary>
    public IReadOnlyList<WorkspaceFile> CiFiles { get; }

    public IReadOnlyList<WorkspaceFile> Dockerfiles { get; }

    public IReadOnlyList<WorkspaceFile> FlyConfigs { get; }

    public IReadOnlyList<WorkspaceFile> ComposeFiles { get; }

    public IReadOnlyList<WorkspaceFile> ShellScripts { get; }

    /// <summary>Dockerfiles, Fly configs and compose files outside vendored folders, in path order.</summary>
    public IReadOnlyList<WorkspaceFile> Deployables { get; }

    /// <summary>CI files' texts.</summary>
    public IReadOnlyList<EvidenceText> CiTexts => _ciTexts.Value;

    /// <summary>Shell scripts, Makefiles, justfiles, Taskfiles and PowerShell scripts.</summary>
    public IReadOnlyList<EvidenceText> ScriptTexts => _scriptTexts.Value;

    /// <summary>Documentation: README files and Markdown/reStructuredText/AsciiDoc/text files.</summary>
    public IReadOnlyList<EvidenceText> DocTexts => _docTexts.Value;

    /// <summary>HCL and Terraform files (Vault server configuration, infrastructure code).</summary>
    public IReadOnlyList<EvidenceText> HclTexts => _hclTexts.Value;

    /// <summary>Compose files' texts (service images and commands as evidence until a rule needs the structure).</summary>
    public IReadOnlyList<EvidenceText> ComposeTexts => _composeTexts.Value;

    /// <summary>Every <c>image:</c> of a compose service, with the service it belongs to.</summary>
    public IReadOnlyList<ComposeServiceImage> ComposeImages => _composeImages.Value;

    /// <summary>
    /// True when the repository holds tests of its own: a file in a test folder (<c>test/</c>, <c>tests/</c>, <c>spec/</c>,
    /// <c>__tests__/</c>, <c>e2e/</c>) or named as a test (<c>*_test.go</c>, <c>test_*.py</c>, <c>*.spec.ts</c>,
    /// <c>*.test.js</c>, <c>*Tests.cs</c>, <c>*_spec.rb</c>, <c>*.bats</c>), outside vendored folders.
    /// </summary>
    public bool HasTests => _hasTests ??= _repository.Files.Any(f => !IsVendored(f) && IsTestFile(f));

    private bool? _hasTests;

    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase) { "test", "tests", "spec", "specs", "__tests__", "e2e", "testing" };

    private static bool IsTestFile(WorkspaceFile file)
    {
        string name = file.Name.ToLowerInvariant();
        return file.RelativePath.Split('/')[..^1].Any(TestFolders.Contains) || name.StartsWith("test_", StringComparison.Ordinal) && name.EndsWith(".py", StringComparison.Ordinal)
            || name.Contains("_test.", StringComparison.Ordinal) || name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal)
            || name.Contains("_spec.", StringComparison.Ordinal) || name.EndsWith("tests.cs", StringComparison.Ordinal) || name.EndsWith("test.java", StringComparison.Ordinal)
            || name.EndsWith(".bats", StringComparison.Ordinal);
    }

    /// <summary>A location for a finding about a whole file: the file, with no line.</summary>
    public Location FileLocation(WorkspaceFile file) => Location.ForPath(file.RelativePath);

    /// <summary>Every dependency name (normalised) of every manifest.</summary>
    public IEnumerable<string> DependencyNames() =>
        _repository.GetFiles(FileKind.DependencyManifest).Select(f => _repository.GetModel<DependencyManifest>(f)).Where(m => m is not null).SelectMany(m => m!.Dependencies).Select(d => d.Name.ToLowerInvariant());

    /// <summary>Every parsed Fly config with its file.</summary>
    public IEnumerable<(WorkspaceFile File, FlyConfig Config)> Fly() =>
        FlyConfigs.Select(f => (File: f, Config: _repository.GetModel<FlyConfig>(f))).Where(p => p.Config is not null).Select(p => (p.File, p.Config!));

    /// <summary>Every parsed shell script with its file.</summary>
    public IEnumerable<(WorkspaceFile File, ShellScript Script)> Scripts() =>
        ShellScripts.Select(f => (File: f, Script: _repository.GetModel<ShellScript>(f))).Where(p => p.Script is not null).Select(p => (p.File, p.Script!));

    /// <summary>True when one of the lower-case keywords occurs in any of the texts.</summary>
    public static bool AnyContains(IEnumerable<EvidenceText> texts, params string[] keywords) =>
        texts.Any(t => keywords.Any(k => t.Lower.Contains(k, StringComparison.Ordinal)));

    /// <summary>A CI file by location: GitHub Actions workflows, .gitlab-ci.yml, azure-pipelines*.yml, .circleci/, .buildkite/, Jenkinsfile, …</summary>
    public static bool IsCiFile(WorkspaceFile file) =>
        file.Kind == FileKind.CiWorkflow || !file.RelativePath.Contains('/', StringComparison.Ordinal) && ExtraCiFiles.Contains(file.Name.ToLowerInvariant())
        || file.RelativePath.StartsWith(".buildkite/", StringComparison.Ordinal) || file.RelativePath.StartsWith(".circleci/", StringComparison.Ordinal)
        || file.RelativePath.StartsWith(".github/workflows/", StringComparison.Ordinal) && (file.Name.EndsWith(".yml", StringComparison.Ordinal) || file.Name.EndsWith(".yaml", StringComparison.Ordinal));

    /// <summary>A file of a vendored dependency (vendor/, node_modules/, third_party/): not this repository's infrastructure.</summary>
    public static bool IsVendored(WorkspaceFile file)
    {
        string lower = "/" + file.RelativePath.ToLowerInvariant();
        return lower.Contains("/vendor/", StringComparison.Ordinal) || lower.Contains("/node_modules/", StringComparison.Ordinal) || lower.Contains("/third_party/", StringComparison.Ordinal);
    }

    /// <summary>A document: a README anywhere, or a text document (.md, .rst, .txt, .adoc) outside dependency folders.</summary>
    public static bool IsDocument(WorkspaceFile file)
    {
        string lower = file.RelativePath.ToLowerInvariant();
        if (lower.Contains("node_modules/", StringComparison.Ordinal) || lower.StartsWith("vendor/", StringComparison.Ordinal) || lower.Contains("/vendor/", StringComparison.Ordinal))
        {
            return false;
        }

        string name = file.Name.ToLowerInvariant();
        return name.StartsWith("readme", StringComparison.Ordinal) || DocExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)) && !name.StartsWith("requirements", StringComparison.Ordinal)
            && !lower.Contains("/changelogs/", StringComparison.Ordinal);
    }

    private static IEnumerable<ComposeServiceImage> FromModel(WorkspaceFile file, ComposeDocument model)
    {
        foreach (var service in model.Services)
        {
            if (service.Image is { IsNull: false } image && image.Value.Length > 0)
            {
                yield return new ComposeServiceImage(file, model.Text, service.Name, service.NameNode.Span, image.Value, image.MapValueSpanToSource(0, image.Value.Length));
            }
        }
    }

    private IReadOnlyList<EvidenceText> Read(IEnumerable<WorkspaceFile> files)
    {
        var result = new List<EvidenceText>();
        foreach (var file in files)
        {
            var text = _repository.GetText(file);
            if (text is not null)
            {
                result.Add(new EvidenceText(file, LowerWithoutCommentLines(text.Content, IsDocument(file))));
            }
        }

        return result;
    }

    // Whole-line '#' and '//' comments say what a file could do, not what it does; Markdown headings are kept. The text
    // kept is lower-cased (invariant) for the keyword searches.
    private static string LowerWithoutCommentLines(string content, bool document)
    {
        if (document)
        {
            return content.ToLowerInvariant();
        }

        // One pass over the lines ('\n'-separated, as Split would give them), copying only the kept ones into a pooled
        // buffer, then lower-cased straight into the result: one string per file.
        char[] kept = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, content.Length));
        try
        {
            int length = 0;
            bool first = true;
            int start = 0;
            while (true)
            {
                int newline = content.IndexOf('\n', start);
                int end = newline < 0 ? content.Length : newline;
                ReadOnlySpan<char> line = content.AsSpan(start, end - start);
                ReadOnlySpan<char> t = line.TrimStart();
                if (!(t.StartsWith('#') && !t.StartsWith("#!", StringComparison.Ordinal)) && !t.StartsWith("//", StringComparison.Ordinal))
                {
                    if (!first)
                    {
                        kept[length++] = '\n';
                    }

                    line.CopyTo(kept.AsSpan(length));
                    length += line.Length;
                    first = false;
                }

                if (newline < 0)
                {
                    break;
                }

                start = newline + 1;
            }

            if (length == content.Length)
            {
                return content.ToLowerInvariant();
            }

            return string.Create(length, kept, static (destination, buffer) => buffer.AsSpan(0, destination.Length).ToLowerInvariant(destination));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(kept);
        }
    }
}
