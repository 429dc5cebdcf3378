using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2003: a literal value for a secret-like variable of a service's <c>environment</c> or <c>build.args</c>, or a URL
/// with an inline password. <c>${VAR}</c> values are references; a literal default (<c>${VAR:-secret}</c>) counts as
/// hard-coded in production files only. Points at the value (or the password inside it); never prints it.
/// </summary>
public sealed class HardCodedCredentialRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2003", "Hard-coded credential",
        "{0} has a hard-coded {1} in service '{2}'; {3}", DiagnosticCategories.Compose, DiagnosticSeverity.Warning,
        "A secret-like variable (*PASSWORD*, *SECRET*, *TOKEN*, *_KEY, *CREDENTIALS*) has a literal value, or a URL carries an inline password, in a compose file. Anyone with the repository has the credential, and it ends up in image histories and logs. Take it from the environment (${VAR}) or a Compose secret.",
        productionSeverity: DiagnosticSeverity.Error);

    // Not secret-like by name, but the value is a credential: MinIO's root user is its S3 access key.
    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase) { "MINIO_ROOT_USER" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        bool production = context.File.Environment == FileEnvironment.Production;
        // A development, test or sample stack by its name or folder is never deployed as it is; nor is a non-production
        // stack of a template repository, one a package.json script starts, or one that only runs the databases of an
        // app developers start themselves: info there.
        bool lowered = DeploymentContext.IsSampleOrDevelopmentStack(context.File) || !production && (DeploymentContext.IsTemplateRepository(context.Repository)
            || DeploymentContext.IsStartedByPackageScripts(context.Repository, context.File) || DeploymentContext.RunsOnlyBackingServices(context.Model));
        var reported = new HashSet<TextSpan>();
        foreach (var service in context.Model.Services)
        {
            foreach (var variable in service.Environment.Concat(service.Build?.Args ?? []))
            {
                if (Judge(variable, production) is { } finding && reported.Add(finding.Span))
                {
                    context.Report(Descriptor, finding.Span, lowered, variable.Key, finding.What, service.Name, finding.Advice);
                }
            }
        }
    }

    private static (TextSpan Span, string What, string Advice)? Judge(ComposeKeyValue variable, bool production)
    {
        string? value = variable.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (SecretHeuristics.FindUrlPassword(value) is { } password)
        {
            string known = Known(value.Substring(password.Start, password.Length));
            return (variable.MapValueSpan(password.Start, password.Length), "password in its URL" + known, "build the URL from variables (…:${DB_PASSWORD}@…) or pass it as a secret");
        }

        if (!SecretHeuristics.IsSecretLikeName(variable.Key) && !CredentialNames.Contains(variable.Key))
        {
            return null;
        }

        string advice = $"take it from the environment (${{{variable.Key}}}) or a Compose secret, and rotate it";
        var references = ComposeInterpolation.Find(value);
        if (references.Count > 0)
        {
            // A default is what runs whenever the variable is unset: a literal one is hard-coded in a production file.
            foreach (var reference in references)
            {
                if (production && reference.HasDefault && reference.Default is { } fallback && IsLiteralSecret(fallback))
                {
                    int start = reference.Start + 2 + reference.Name.Length + reference.Operator!.Length;
                    return (variable.MapValueSpan(start, fallback.Length), "default value" + Known(fallback), $"remove the default (${{{reference.Name}:?{reference.Name} is required}}) so that a missing secret fails the deployment");
                }
            }

            return null;
        }

        return IsLiteralSecret(value) ? (variable.ValueSpan ?? variable.KeySpan, "value" + Known(value), advice) : null;
    }

    private static bool IsLiteralSecret(string value)
    {
        string v = value.Trim().Trim('"', '\'');
        if (v.Length == 0 || SecretHeuristics.ContainsReference(v) || SecretHeuristics.IsPlaceholder(v) || ComposeFacts.IsTrue(v) || ComposeFacts.IsFalse(v))
        {
            return false;
        }

        // A path to a key or password file is not the secret itself.
        if (v[0] is '/' || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal) || v.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Short numbers are settings (lengths, lifetimes), unless they are a known weak password.
        return !(v.Length < 6 && v.All(char.IsAsciiDigit)) || SecretHeuristics.DescribeKnownDefault(v) is not null;
    }

    private static string Known(string value) => SecretHeuristics.DescribeKnownDefault(value) is { } description ? $" ({description})" : string.Empty;
}
