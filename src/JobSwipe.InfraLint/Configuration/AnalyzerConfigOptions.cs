using System.Diagnostics.CodeAnalysis;
using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Configuration;

/// <summary>Which kind of <c>.editorconfig</c> key set a rule's severity.</summary>
public enum SeverityConfigurationLevel
{
    /// <summary><c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
    Rule,

    /// <summary><c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>.</summary>
    Category,

    /// <summary><c>dotnet_analyzer_diagnostic.severity</c>.</summary>
    All,
}

/// <summary>
/// A configured severity and where it comes from. <see cref="Severity"/> is null for the word <c>default</c>:
/// the rule keeps its own default severity, and less specific entries (category, all rules) do not apply.
/// </summary>
public sealed record SeverityConfiguration(DiagnosticSeverity? Severity, SeverityConfigurationLevel Level, EditorConfigEntry Source);

/// <summary>
/// Severity and environment settings of one file, read from its effective <c>.editorconfig</c> options with Roslyn's
/// keys and precedence: <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> beats
/// <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>, which beats
/// <c>dotnet_analyzer_diagnostic.severity</c>, whatever the files they are in. As in Roslyn, a rule-level entry with an
/// invalid word is skipped (an earlier valid one still counts), while a category or all-rules entry is read from the
/// final value of its key (a later invalid value hides an earlier valid one), and category and all-rules entries do not
/// apply to rules that are disabled by default. Rule IDs and categories compare case-insensitively.
/// </summary>
public sealed class AnalyzerConfigOptions
{
    /// <summary>The key that sets a file's environment.</summary>
    public const string EnvironmentKey = "infralint_environment";

    private const string RulePrefix = "dotnet_diagnostic.";
    private const string BulkAllKey = "dotnet_analyzer_diagnostic.severity";
    private const string BulkCategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string SeveritySuffix = ".severity";
    private const string UnsetValue = "unset";

    public AnalyzerConfigOptions(EditorConfigOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The underlying key/value options.</summary>
    public EditorConfigOptions Options { get; }

    /// <summary>
    /// The configured severity of a rule enabled by default, from <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> or
    /// <c>dotnet_analyzer_diagnostic.severity</c>. False when nothing applies or the word is <c>default</c>.
    /// </summary>
    public bool TryGetSeverity(string ruleId, out DiagnosticSeverity severity, [NotNullWhen(true)] out EditorConfigEntry? source) =>
        TryGetSeverity(ruleId, category: null, isEnabledByDefault: true, out severity, out source);

    /// <summary>
    /// The configured severity of a rule, with the category fallback. False when nothing applies or the winning word is
    /// <c>default</c> (the rule keeps its default severity).
    /// </summary>
    public bool TryGetSeverity(string ruleId, string? category, bool isEnabledByDefault, out DiagnosticSeverity severity, [NotNullWhen(true)] out EditorConfigEntry? source)
    {
        SeverityConfiguration? configuration = GetSeverityConfiguration(ruleId, category, isEnabledByDefault);
        if (configuration?.Severity is { } configured)
        {
            severity = configured;
            source = configuration.Source;
            return true;
        }

        severity = default;
        source = null;
        return false;
    }

    /// <summary>The winning severity entry for a rule (including the word <c>default</c>), or null when none applies.</summary>
    public SeverityConfiguration? GetSeverityConfiguration(string ruleId, string? category = null, bool isEnabledByDefault = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        if (Options.Entries.Count == 0)
        {
            return null; // no .editorconfig property applies to the file (most files): no key to build
        }

        string ruleKey = RulePrefix + ruleId + SeveritySuffix;
        SeverityConfiguration? rule = null;
        foreach (EditorConfigEntry entry in Options.Entries)
        {
            if (string.Equals(entry.Key, ruleKey, StringComparison.OrdinalIgnoreCase)
                && TryParseSeverityWord(entry.Value, out DiagnosticSeverity parsed, out bool isDefault))
            {
                rule = new SeverityConfiguration(isDefault ? null : parsed, SeverityConfigurationLevel.Rule, entry);
            }
        }

        if (rule is not null)
        {
            return rule;
        }

        if (!isEnabledByDefault)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(category)
            && TryGetBulk(BulkCategoryPrefix + category + SeveritySuffix, SeverityConfigurationLevel.Category) is { } byCategory)
        {
            return byCategory;
        }

        return TryGetBulk(BulkAllKey, SeverityConfigurationLevel.All);
    }

    /// <summary>
    /// The file's environment from <c>infralint_environment = production|development|test_data</c>: the last valid entry wins,
    /// <c>unset</c> removes an earlier setting (editorconfig's meaning), other words are skipped (and reported by validation).
    /// </summary>
    public bool TryGetEnvironment(out FileEnvironment environment, [NotNullWhen(true)] out EditorConfigEntry? source)
    {
        environment = FileEnvironment.Unspecified;
        source = null;
        foreach (EditorConfigEntry entry in Options.Entries)
        {
            if (entry.Key != EnvironmentKey)
            {
                continue;
            }

            if (TryParseEnvironment(entry.Value, out FileEnvironment parsed))
            {
                environment = parsed;
                source = entry;
            }
            else if (entry.Value == UnsetValue)
            {
                environment = FileEnvironment.Unspecified;
                source = null;
            }
        }

        return source is not null;
    }

    /// <inheritdoc cref="TryGetEnvironment(out FileEnvironment, out EditorConfigEntry?)"/>
    public bool TryGetEnvironment(out FileEnvironment environment) => TryGetEnvironment(out environment, out _);

    /// <summary>
    /// Roslyn's severity words (<c>error</c>, <c>warning</c>, <c>suggestion</c>, <c>silent</c>, <c>refactoring</c>,
    /// <c>none</c>, <c>default</c>), case-insensitive, plus <c>info</c> and <c>hidden</c>.
    /// </summary>
    public static bool TryParseSeverityWord(string? value, out DiagnosticSeverity severity, out bool isDefault)
    {
        string word = value?.Trim() ?? string.Empty;
        isDefault = false;
        if (word.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            isDefault = true;
            severity = default;
            return true;
        }

        if (word.Equals("refactoring", StringComparison.OrdinalIgnoreCase))
        {
            severity = DiagnosticSeverity.Hidden;
            return true;
        }

        return DiagnosticSeverityExtensions.TryParse(word, out severity);
    }

    /// <summary>Whether a value is valid for <see cref="EnvironmentKey"/>: <c>production</c>, <c>development</c>, <c>test_data</c> or <c>unset</c>.</summary>
    internal static bool IsValidEnvironmentValue(string value) => TryParseEnvironment(value, out _) || value == UnsetValue;

    /// <summary><c>production</c>, <c>development</c> or <c>test_data</c>, case-insensitive.</summary>
    public static bool TryParseEnvironment(string? value, out FileEnvironment environment)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "production": environment = FileEnvironment.Production; return true;
            case "development": environment = FileEnvironment.Development; return true;
            case "test_data": environment = FileEnvironment.TestData; return true;
            default: environment = FileEnvironment.Unspecified; return false;
        }
    }

    /// <summary>Whether a (lower-cased) key is <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>; gives the ID's offset and length in the key.</summary>
    internal static bool TryGetRuleIdFromKey(string key, out int idStart, out int idLength)
    {
        idStart = RulePrefix.Length;
        idLength = key.Length - RulePrefix.Length - SeveritySuffix.Length;
        return idLength > 0
            && key.StartsWith(RulePrefix, StringComparison.Ordinal)
            && key.EndsWith(SeveritySuffix, StringComparison.Ordinal);
    }

    internal static bool IsBulkSeverityKey(string key) =>
        key == BulkAllKey
        || (key.StartsWith(BulkCategoryPrefix, StringComparison.Ordinal)
            && key.EndsWith(SeveritySuffix, StringComparison.Ordinal)
            && key.Length > BulkCategoryPrefix.Length + SeveritySuffix.Length);

    private SeverityConfiguration? TryGetBulk(string key, SeverityConfigurationLevel level)
    {
        if (Options.TryGetEntry(key, out EditorConfigEntry? entry)
            && TryParseSeverityWord(entry.Value, out DiagnosticSeverity parsed, out bool isDefault))
        {
            return new SeverityConfiguration(isDefault ? null : parsed, level, entry);
        }

        return null;
    }
}
