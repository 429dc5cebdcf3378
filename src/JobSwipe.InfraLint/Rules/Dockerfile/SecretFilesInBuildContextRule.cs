using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1009: COPY/ADD of the whole build context while the context holds .env files, private keys or credential
/// files that the applicable .dockerignore does not exclude. File names only are printed, never contents.
/// </summary>
public sealed class SecretFilesInBuildContextRule : InfraAnalyzer
{
    private static readonly HashSet<string> TestFolders = new(StringComparer.OrdinalIgnoreCase) { "test", "tests", "testdata", "fixtures", "__tests__", "spec", "examples", "example", "docs" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SecretFilesInBuildContext];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileModel>(FileKind.Dockerfile, ctx =>
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
                var exposed = secrets.Files
                    .Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
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
                    ctx.Report(Descriptors.SecretFilesInBuildContext, token.Span, copy.Keyword.ToUpperInvariant(), buildContext.Display, names, target);
                }

                return;
            }
        });
}

/// <summary>The repository's files that look like secrets by name (and, for .pem, by a private key header), found once.</summary>
internal sealed class SecretFileIndex
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Repository, SecretFileIndex> Cache = [];

    private SecretFileIndex(Repository repository)
    {
        var files = new List<string>();
        foreach (WorkspaceFile file in repository.Files)
        {
            if (IsSecretFile(repository, file))
            {
                files.Add(file.RelativePath);
            }
        }

        Files = files;
    }

    public IReadOnlyList<string> Files { get; }

    public static SecretFileIndex For(Repository repository) => Cache.GetValue(repository, r => new SecretFileIndex(r));

    private static bool IsSecretFile(Repository repository, WorkspaceFile file)
    {
        string name = file.Name.ToLowerInvariant();
        if (name.EndsWith(".license", StringComparison.Ordinal))
        {
            return false; // a REUSE sidecar: the licence of the file it is named after
        }

        if (TestEnvFiles.Contains(name))
        {
            // Settings for a test run: a secret file only when it assigns a literal to a secret-like name.
            return repository.GetText(file) is not { } env || env.Content.Split('\n').Any(AssignsSecret);
        }

        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) && !IsTemplate(name))
        {
            return true;
        }

        if (name.StartsWith("id_rsa", StringComparison.Ordinal) || name.StartsWith("id_ed25519", StringComparison.Ordinal) || name.StartsWith("id_ecdsa", StringComparison.Ordinal) || name.StartsWith("id_dsa", StringComparison.Ordinal))
        {
            return !name.EndsWith(".pub", StringComparison.Ordinal);
        }

        if (name.EndsWith(".key", StringComparison.Ordinal) || name.EndsWith(".p12", StringComparison.Ordinal) || name.EndsWith(".pfx", StringComparison.Ordinal)
            || name is "credentials" or "credentials.json" or ".netrc" or ".pgpass" || name.EndsWith("-credentials.json", StringComparison.Ordinal) || name.EndsWith("_credentials.json", StringComparison.Ordinal)
            || name.StartsWith("service-account", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
        {
            return true;
        }

        if (name.EndsWith(".pem", StringComparison.Ordinal))
        {
            // Certificates are public; only a private key is a secret.
            return repository.GetText(file) is not { } text || text.Content.Contains("PRIVATE KEY", StringComparison.Ordinal);
        }

        return false;
    }

    private static readonly HashSet<string> TestEnvFiles = new(StringComparer.Ordinal) { ".env.test", ".env.testing", ".env.ci", ".env.e2e" };

    private static bool AssignsSecret(string line)
    {
        int eq = line.IndexOf('=');
        if (eq <= 0 || line.TrimStart().StartsWith('#'))
        {
            return false;
        }

        string name = line[..eq].Trim();
        name = name.StartsWith("export ", StringComparison.Ordinal) ? name[7..].Trim() : name;
        string value = line[(eq + 1)..].Trim().Trim('"', '\'');
        return value.Length > 0 && SecretHeuristics.IsSecretLikeName(name) && !SecretHeuristics.ContainsReference(value) && !SecretHeuristics.IsPlaceholder(value);
    }

    private static bool IsTemplate(string name) =>
        name.EndsWith(".example", StringComparison.Ordinal) || name.EndsWith(".sample", StringComparison.Ordinal) || name.EndsWith(".template", StringComparison.Ordinal)
        || name.EndsWith(".dist", StringComparison.Ordinal) || name.EndsWith(".tpl", StringComparison.Ordinal) || name.EndsWith(".defaults", StringComparison.Ordinal);
}
