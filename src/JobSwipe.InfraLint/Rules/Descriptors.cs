using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Rules;

/// <summary>
/// The catalog of every built-in descriptor (../shared/spec/rules.md). IDs and default severities are a
/// public contract: never renumber or reuse an ID. Each rule class references its descriptors from here;
/// docs/rules/&lt;ID&gt;.md and the README table are checked against this catalog by a test.
/// </summary>
public static class Descriptors
{
    private const string Engine = "Engine";
    private const string Dockerfile = "Dockerfile";
    private const string Compose = "Compose";
    private const string Fly = "Fly";
    private const string Scripts = "Scripts";
    private const string Secrets = "Secrets";
    private const string Entrypoints = "Entrypoints";
    private const string Repository = "Repository";

    // JSI0xxx: the engine itself.
    public static readonly DiagnosticDescriptor ParseError = new(
        "JSI0001", "File cannot be parsed", "{0} cannot be parsed: {1}; its other rules were skipped", Engine, DiagnosticSeverity.Warning,
        "A file of a known kind has a syntax error (YAML or TOML syntax, an unterminated Dockerfile continuation or heredoc, an unterminated shell quote). The finding points at the error; the file's other rules are skipped and the other files are still linted.");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "JSI0002", "Configuration is invalid", "{0}", Engine, DiagnosticSeverity.Warning,
        "InfraLint's configuration is invalid: an unknown rule ID or severity in .editorconfig, a malformed or unknown suppression comment, or an unreadable baseline file.");

    public static readonly DiagnosticDescriptor FileSkipped = new(
        "JSI0003", "File skipped", "{0} was skipped: {1}", Engine, DiagnosticSeverity.Info,
        "A file was not linted because it is too large, binary, unreadable, or reached through a symbolic link loop or a link out of the root.");

    public static readonly DiagnosticDescriptor RuleFailed = new(
        "JSI0004", "A rule failed", "rule {0} failed on this file ({1}); the other rules still ran. Please report this file's shape to the InfraLint maintainers", Engine, DiagnosticSeverity.Warning,
        "A rule threw an exception while analysing a file. The other rules still run and the build goes on; the finding names the rule and the file so the problem can be reported.");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "JSI0005", "File is not valid UTF-8", "{0} is not valid UTF-8; invalid bytes were replaced before linting", Engine, DiagnosticSeverity.Info,
        "A file of a known kind contains bytes that are not valid UTF-8. InfraLint decodes them as replacement characters and lints the file; the finding points at the first invalid byte.");

    // JSI1xxx: Dockerfiles.

    // (end of JSI1xxx)

    // JSI2xxx: Docker Compose files.
    public static readonly DiagnosticDescriptor ServiceInDevelopmentMode = new(
        "JSI2001", "Service runs in development mode",
        "service '{0}' runs {1} in development mode ({2}); {3}", Compose, DiagnosticSeverity.Warning,
        "A service is started in a development mode: Vault's `server -dev` or VAULT_DEV_ROOT_TOKEN_ID (in-memory storage, unsealed, a known root token), or another server with a dev, debug or auto-reload flag. Such a service loses data on restart and exposes debugging surfaces.",
        productionSeverity: DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "JSI2002", "Key defined twice",
        "{0} '{1}' is defined twice in this mapping (first on line {2}); only the last definition takes effect", Compose, DiagnosticSeverity.Warning,
        "A key appears twice in one YAML mapping, or a variable twice in a list-form environment. YAML parsers keep one of the two silently, so one definition is lost; usually the one the author meant to change.");

    // (end of JSI2xxx)

    // JSI3xxx: Fly.io configuration.

    // (end of JSI3xxx)

    // JSI4xxx: deploy and release scripts.

    // (end of JSI4xxx)

    // JSI5xxx: environment files and secrets.

    public static readonly DiagnosticDescriptor CommittedSecret = new(
        "JSI5001", "Secret committed in a file",
        "{0} is committed in this file; remove it, revoke and rotate it, and load it from a secret store or the environment", Secrets, DiagnosticSeverity.Error,
        "A provider credential in a scanned file: AWS access key IDs and secret keys, GitHub, GitLab, OpenAI, Anthropic, Stripe live, Slack, Google, Twilio, SendGrid, npm, Fly.io and Vault tokens, Slack webhooks, private key blocks, JSON Web Tokens with a real payload, and passwords in connection strings. Exact prefixes, lengths, character sets and entropy floors avoid false hits; documented examples are allowed. The value is never printed.");

    public static readonly DiagnosticDescriptor DevelopmentValueInProduction = new(
        "JSI5002", "Development value in a production file",
        "'{0}' is set to {1} in a production file; set the real value through the secret store or the deployment environment", Secrets, DiagnosticSeverity.Error,
        "A production env file, Fly config [env] or production compose file assigns a development value: a development placeholder (dev-…, changeme, …change-in-production, minioadmin), a well-known default credential under a secret-like name, or a service address pointing at localhost/127.0.0.1. Example, sample and template files are exempt. The value is never printed.");

    public static readonly DiagnosticDescriptor DuplicateEnvKey = new(
        "JSI5006", "Variable defined twice in an env file",
        "'{0}' is defined twice in this env file (first on line {1}); the later value wins: remove one of the definitions", Secrets, DiagnosticSeverity.Warning,
        "An env file assigns the same key twice. docker compose and python-dotenv keep the last value silently, so the first definition is dead and usually the one someone meant to change.");

    // (end of JSI5xxx)

    // JSI6xxx: process entrypoints.

    // (end of JSI6xxx)

    // JSI7xxx: the repository as a whole.

    // (end of JSI7xxx)
}
