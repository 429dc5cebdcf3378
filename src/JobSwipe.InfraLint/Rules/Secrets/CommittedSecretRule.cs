using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Secrets;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>
/// JSI5001: a credential in any text file that git would track (every file of the root that no .gitignore or
/// .git/info/exclude ignores, or that the index already tracks): a provider format (see <see cref="SecretPatterns"/>),
/// a password in a connection string, or a random literal assigned to a secret-like name. Binary files (a NUL byte in
/// their first 8 KiB) are counted in the run's summary and files over the size limit are JSI0003; PKCS#12 key stores
/// (.p12, .pfx), which are binary, are reported by name. Never prints a value.
/// </summary>
public sealed class CommittedSecretRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI5001", "Secret committed in a file",
        "{0} is committed in this file; remove it, revoke and rotate it, and load it from a secret store or the environment", DiagnosticCategories.Secrets, DiagnosticSeverity.Error,
        "A credential in any text file git tracks or would track: a provider token in its documented format (AWS, Google, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic and some 80 more), a private key, a password in a connection string or URL (ADO.NET, ODBC, JDBC, scheme://user:pass@host), or a random literal assigned to a secret-like name. Prefixes, lengths, alphabets, entropy floors and one shared placeholder vocabulary avoid false hits; gitleaks:allow is honoured. The value is never printed.")
    {
        // Where a rule that knows the place reports the same line, the finding is that rule's: a compose service's
        // environment (JSI2003), a Dockerfile's ENV or ARG (JSI1008), a Fly [env] (JSI3009), a script's assignment
        // (JSI4008), a command line (JSI4016).
        DefersTo = ["JSI1008", "JSI2003", "JSI3009", "JSI4008", "JSI4016"],
    };

    // Lock and checksum files hold integrity hashes under names like "integrity" and "checksum": no generic detector there.
    private static readonly HashSet<string> LockFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "go.sum", "go.work.sum", "Cargo.lock", "poetry.lock", "Pipfile.lock",
        "uv.lock", "pdm.lock", "composer.lock", "Gemfile.lock", "packages.lock.json", "flake.lock", "mix.lock", "pubspec.lock", "Podfile.lock", "gradle.lockfile",
        "deno.lock", "Package.resolved", "paket.lock", "conan.lock",
    };

    // Source code: only string literals are values; an unquoted right-hand side is an expression.
    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".csx", ".vb", ".fs", ".fsx", ".java", ".kt", ".kts", ".scala", ".groovy", ".gradle", ".go", ".rs", ".c", ".h", ".cc", ".cpp", ".hpp", ".m", ".mm",
        ".swift", ".dart", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte", ".py", ".pyi", ".rb", ".php", ".pl", ".pm", ".lua",
        ".r", ".ex", ".exs", ".erl", ".clj", ".cljs", ".elm", ".hs", ".ml", ".jl", ".ps1", ".psm1", ".razor", ".cshtml", ".ipynb", ".sql", ".tf", ".hcl", ".nix",
        ".rake", ".gemspec", ".erb", ".haml", ".slim", ".ejs", ".hbs", ".handlebars", ".twig", ".jinja", ".jinja2", ".j2", ".liquid", ".html", ".htm", ".astro",
    };

    // Where values are samples: tests, documentation, examples, translations, recorded HTTP traffic.
    private static readonly HashSet<string> SampleFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "e2e", "fixture", "fixtures", "testdata", "test-data", "test_data", "__mocks__", "mocks", "mock",
        "example", "examples", "sample", "samples", "doc", "docs", "documentation", "locale", "locales", "i18n", "l10n", "lang", "langs", "translations",
        "cassettes", "vcr_cassettes", "__snapshots__", "snapshots",
    };

    private static readonly string[] SampleExtensions = [".md", ".mdx", ".rst", ".adoc", ".har", ".snap", ".po", ".pot", ".xlf", ".xliff", ".resx", ".example", ".sample", ".template", ".tmpl", ".dist"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    // A file's findings depend on its path, kind, environment and text alone: a per-file action, re-run alone on a changed file.
    public override void Initialize(AnalysisContext context) =>
        context.RegisterPerFileAction(WouldTrack, static (context, file) => Scan(context.Repository, file, context.ReportDiagnostic));

    private static Func<WorkspaceFile, bool> WouldTrack(Repository repository)
    {
        var tracking = GitTracking.For(repository);
        return file => tracking.WouldTrack(file.RelativePath);
    }

    private static void Scan(Repository repository, WorkspaceFile file, Action<Diagnostic> report)
    {
        string extension = Path.GetExtension(file.Name);
        if (extension.Equals(".p12", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase))
        {
            var keyStore = Diagnostic.Create(Descriptor, Location.ForPath(file.RelativePath), "A PKCS#12 key store (certificate and private key)");
            report(IsSample(file) || ThrowawayCredentials.IsLocalCertificateKey(repository, file, null) ? keyStore.Lowered() : keyStore);
            return;
        }

        var text = repository.ReadText(file);
        if (text is null || text.Length == 0)
        {
            return;
        }

        bool sample = IsSample(file);
        var options = new SecretScanOptions
        {
            GenericAssignments = !IsLockFile(file.Name) && !sample,
            UnquotedValuesAreLiterals = !CodeExtensions.Contains(extension) || file.Kind != FileKind.Other,
        };
        bool? testWorkflow = null;
        bool? localCertificate = null;
        foreach (var match in SecretPatterns.Scan(text.Content, options))
        {
            var location = Location.Create(file.RelativePath, text, new TextSpan(match.Start, match.Length));
            var finding = Diagnostic.Create(Descriptor, location, Capitalize(match.Provider));
            if (match.DetectorId is "private-key" or "putty-private-key" && (localCertificate ??= ThrowawayCredentials.IsLocalCertificateKey(repository, file, text.Content)))
            {
                report(finding.Lowered());
                continue;
            }

            report(finding.Lowered(Severity(file, text.Content, match, sample, ref testWorkflow)));
        }
    }

    /// <summary>
    /// How sure the finding is that a live credential leaked. A documented provider format or a private key is an error;
    /// a value judged by its name and randomness (or by standing where a password goes) a warning outside production
    /// files. In tests, documentation and examples only a credential that proves itself live (a GitHub or npm token with
    /// a valid checksum, a Stripe live key) stays a warning; the rest are samples (info), and so is a value assigned to a
    /// name that says it is a sample (<c>TEST_FAKE_RSA_KEY</c>). So are an AWS key ID in a link, a form field's
    /// placeholder, a licence JWT, the key of a certificate for localhost or reserved test names (decided in
    /// <see cref="Scan"/>), and values judged by position in throwaway places: a CI workflow that tests against services
    /// it starts and deploys nothing, a package.json script, a seed script.
    /// </summary>
    private static DiagnosticSeverity Severity(WorkspaceFile file, string text, SecretMatch match, bool sample, ref bool? testWorkflow)
    {
        bool byPosition = SecretPatterns.IsJudgedByPosition(match);
        if (sample || SecretPatterns.IsAssignedToSampleName(match, text))
        {
            return SecretPatterns.IsVerifiedLive(match, text) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
        }

        if (SecretPatterns.IsKeyIdInLink(match, text) || SecretPatterns.IsPlaceholderAttribute(match, text) || SecretPatterns.IsLicenseJwt(match, text))
        {
            return DiagnosticSeverity.Info;
        }

        if (byPosition && (ThrowawayCredentials.IsSeedData(file) || ThrowawayCredentials.IsInDeveloperScript(file, text, match.Start)
            || (testWorkflow ??= ThrowawayCredentials.IsSelfContainedTestWorkflow(file, text))))
        {
            return DiagnosticSeverity.Info;
        }

        return byPosition && file.Environment != FileEnvironment.Production ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
    }

    /// <summary>True for tests (a test folder, or one named <c>test-…</c>/<c>test_…</c>), documentation (an OpenAPI or Swagger description included), examples and translations: the generic and password detectors do not run there.</summary>
    internal static bool IsSample(WorkspaceFile file)
    {
        string name = file.Name;
        string lower = name.ToLowerInvariant();
        return file.RelativePath.Split('/')[..^1].Any(static folder => SampleFolders.Contains(folder) || DeploymentContext.IsTestSetupFolder(folder))
            || SampleExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || lower.Contains(".example.", StringComparison.Ordinal) || lower.Contains(".sample.", StringComparison.Ordinal)
            || lower.Contains("-example.", StringComparison.Ordinal) || lower.Contains("_example.", StringComparison.Ordinal) || lower.Contains("-sample.", StringComparison.Ordinal) || lower.Contains("_sample.", StringComparison.Ordinal)
            || lower.Contains("-samples.", StringComparison.Ordinal) || lower.Contains("_samples.", StringComparison.Ordinal)
            || IsApiDescription(lower) || lower.Contains("fixtures.", StringComparison.Ordinal) || lower.Contains("mocks.", StringComparison.Ordinal)
            || lower.EndsWith(".test", StringComparison.Ordinal) || lower.EndsWith(".testing", StringComparison.Ordinal) || lower.StartsWith("test_", StringComparison.Ordinal) || lower.Contains("_test.", StringComparison.Ordinal) || lower.Contains(".test.", StringComparison.Ordinal)
            || lower.Contains(".spec.", StringComparison.Ordinal) || lower.Contains("_spec.", StringComparison.Ordinal) || lower.EndsWith("tests.cs", StringComparison.Ordinal)
            || lower.EndsWith("test.cs", StringComparison.Ordinal) || lower.EndsWith("test.php", StringComparison.Ordinal) || lower.EndsWith("test.java", StringComparison.Ordinal)
            || lower.EndsWith("test.kt", StringComparison.Ordinal);
    }

    // openapi.yaml, swagger.json, api.openapi.yml: an API's description, whose example values are samples.
    private static bool IsApiDescription(string lower) =>
        (lower.StartsWith("openapi", StringComparison.Ordinal) || lower.StartsWith("swagger", StringComparison.Ordinal) || lower.Contains(".openapi.", StringComparison.Ordinal))
        && (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".json", StringComparison.Ordinal));

    private static bool IsLockFile(string name) =>
        LockFiles.Contains(name) || name.EndsWith(".lock", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".sum", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".sha256", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".sha512", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".map", StringComparison.OrdinalIgnoreCase);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
