using System.Globalization;

namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>
/// What a rule can report: its ID, title, message format, category and default severity.
/// Rules whose catalog entry reads "warning → error" also carry a <see cref="ProductionSeverity"/>,
/// used for findings in production files. A rule may also carry a <see cref="DeployedKindSeverity"/>, used for
/// findings in files that are deployed as they are written (Dockerfiles, compose files, fly.toml).
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Where each rule's documentation page lives; <c>{0}</c> is the rule ID.</summary>
    public const string HelpLinkFormat = "https://github.com/jobswipe/JobSwipe.InfraLint/blob/main/docs/rules/{0}.md";

    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        DiagnosticSeverity? productionSeverity = null,
        string? helpLinkUri = null,
        DiagnosticSeverity? deployedKindSeverity = null,
        FixAvailability fix = FixAvailability.None)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A descriptor needs an ID.", nameof(id));
        }

        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description;
        ProductionSeverity = productionSeverity;
        DeployedKindSeverity = deployedKindSeverity;
        HelpLinkUri = helpLinkUri ?? string.Format(CultureInfo.InvariantCulture, HelpLinkFormat, id);
        Fix = fix;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>A composite format string (<c>{0}</c>, <c>{1}</c>…) filled by the rule's arguments.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>The severity in production files, where the catalog escalates (dev → prod); otherwise null.</summary>
    public DiagnosticSeverity? ProductionSeverity { get; }

    /// <summary>
    /// The severity in files of a deployed kind (Dockerfile, compose, fly.toml: a file its own tool refuses is a
    /// deployment that fails), where the catalog says so; otherwise null.
    /// </summary>
    public DiagnosticSeverity? DeployedKindSeverity { get; }

    public string Description { get; }

    public string HelpLinkUri { get; }

    /// <summary>Whether the rule's findings offer a fix (<c>infralint fix</c>): none, safe, or only unsafe ones.</summary>
    public FixAvailability Fix { get; }

    /// <summary>
    /// The rules that own the problem when they report on the same line of the same file: this rule's finding there is a
    /// repeat and is dropped. One rule owns each problem (a secret in a compose service's environment is JSI2003's, not
    /// also JSI5001's); the engine applies this after every analyzer ran.
    /// </summary>
    public IReadOnlyList<string> DefersTo { get; init; } = [];

    /// <summary>The severity that applies in a file of the given environment (and kind), before any configuration.</summary>
    /// <param name="environment">The file's environment.</param>
    /// <param name="deployedKind">True when the file is of a kind deployed as written (Dockerfile, compose, fly.toml).</param>
    public DiagnosticSeverity GetDefaultSeverity(FileEnvironment environment, bool deployedKind = false)
    {
        var severity = environment == FileEnvironment.Production && ProductionSeverity is { } production ? production : DefaultSeverity;
        return deployedKind && DeployedKindSeverity is { } deployed && deployed > severity ? deployed : severity;
    }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Id;
}
