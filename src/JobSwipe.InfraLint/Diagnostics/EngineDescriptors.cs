namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// The engine's own descriptors, JSI0001-JSI0006: files that cannot be parsed or read, invalid configuration, a rule
/// that failed, InfraLint's own files. A public contract like the rules' IDs and severities (pinned by tests/JobSwipe.InfraLint.Tests/Catalog/RuleContract.txt). They live below the
/// rules so that the engine, the configuration and the front-ends report them without depending on Rules.
/// </summary>
public static class EngineDescriptors
{
    private const string Category = DiagnosticCategories.Engine;

    public static readonly DiagnosticDescriptor ParseError = new(
        "JSI0001", "File cannot be parsed", "{0} cannot be parsed: {1}; its other rules were skipped", Category, DiagnosticSeverity.Warning,
        "A file of a known kind has a syntax error (YAML or TOML syntax, an unterminated Dockerfile heredoc, an unterminated shell quote). The finding points at the error; the file's other rules are skipped and the other files are still linted. In a Dockerfile, a compose file or a fly.toml it is an error: BuildKit, Docker Compose or flyctl would refuse the file, so the deployment fails.",
        deployedKindSeverity: DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "JSI0002", "Configuration is invalid", "{0}", Category, DiagnosticSeverity.Warning,
        "InfraLint's configuration is invalid: an unknown rule ID or severity in .editorconfig, a malformed or unknown suppression comment, or an unreadable baseline file.");

    public static readonly DiagnosticDescriptor FileSkipped = new(
        "JSI0003", "File skipped", "{0} was skipped: {1}", Category, DiagnosticSeverity.Info,
        "A file was not linted because it is too large, binary, unreadable, or reached through a symbolic link loop or a link out of the root.");

    public static readonly DiagnosticDescriptor RuleFailed = new(
        "JSI0004", "A rule failed", "rule {0} failed on this file ({1}); the other rules still ran. Please report this file's shape to the InfraLint maintainers", Category, DiagnosticSeverity.Warning,
        "A rule threw an exception while analysing a file. The other rules still run and the build goes on; the finding names the rule and the file so the problem can be reported.");

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "JSI0005", "File is not valid UTF-8", "{0} is not valid UTF-8; invalid bytes were replaced before linting", Category, DiagnosticSeverity.Info,
        "A file of a known kind contains bytes that are not valid UTF-8. InfraLint decodes them as replacement characters and lints the file; the finding points at the first invalid byte.");

    public static readonly DiagnosticDescriptor OwnFileFailed = new(
        "JSI0006", "InfraLint could not read or write its own file", "InfraLint could not {0} ({1}); {2}", Category, DiagnosticSeverity.Warning,
        "InfraLint could not read or write a file of its own, not one of the repository's: the no-op cache (findings.json) it reports from, the SARIF file InfraLintSarifFile names, or the baseline InfraLintUpdateBaseline writes. The finding names the file and the I/O error's type; the build goes on.");

    /// <summary>All of them, in ID order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [ParseError, InvalidConfiguration, FileSkipped, RuleFailed, InvalidUtf8, OwnFileFailed];
}
