using System.Reflection;
using System.Text.Json;
using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// Writes a run's findings as SARIF 2.1.0 (written by hand with <see cref="Utf8JsonWriter"/>: the SARIF SDK is not a
/// dependency). One run; the tool driver lists every rule (built-in and custom) with its descriptions, help link and
/// default level; each result has its rule ID and index, level, message, a relative location under
/// <c>%SRCROOT%</c> (the root as a <c>file://</c> URI in <c>originalUriBaseIds</c>), a 1-based region with an
/// exclusive end column, and <c>partialFingerprints</c> from the engine's line-independent fingerprint, so GitHub
/// code scanning keeps an alert's identity when its line moves. A finding's other places are its <c>relatedLocations</c>.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string SourceRootId = "%SRCROOT%";

    public const string ToolName = "JobSwipe.InfraLint";

    public const string InformationUri = "https://github.com/jobswipe/JobSwipe.InfraLint";

    /// <summary>The SARIF level of a severity: error, warning, note (info) or none.</summary>
    public static string ToLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    public static string Write(LintResult result, IEnumerable<DiagnosticDescriptor> rules) =>
        Write(result.RootFullPath, [.. result.Diagnostics.Select(FindingRecord.From)], rules);

    /// <summary>The SARIF document for <paramref name="findings"/> of the root <paramref name="rootFullPath"/>.</summary>
    public static string Write(string rootFullPath, IReadOnlyList<FindingRecord> findings, IEnumerable<DiagnosticDescriptor> rules)
    {
        var ruleList = rules.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ruleList.Count; i++)
        {
            ruleIndex[ruleList[i].Id] = i;
        }

        // A finding of a rule nobody declared (a stale cache of an analyzer since removed) still gets a rule entry.
        foreach (var finding in findings)
        {
            if (!ruleIndex.ContainsKey(finding.RuleId))
            {
                ruleIndex[finding.RuleId] = ruleList.Count;
                ruleList.Add(new DiagnosticDescriptor(finding.RuleId, finding.RuleId, "{0}", "Unknown", finding.ParsedSeverity, finding.RuleId, helpLinkUri: finding.HelpUri));
            }
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteString("semanticVersion", ToolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in ruleList)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("automationDetails");
            json.WriteString("id", "infralint/");
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", ToDirectoryUri(rootFullPath));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            var keys = FindingRecord.OccurrenceKeys(findings);
            string? repositoryAnchor = null;
            for (int i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                WriteResult(json, finding, ruleIndex[finding.RuleId], keys[i], finding.IsRepository ? repositoryAnchor ??= RepositoryAnchor(rootFullPath) : finding.Path);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the document to <paramref name="path"/> (temporary file, then move), creating its folder.</summary>
    public static void WriteFile(string path, string sarif) => AtomicFile.WriteAllText(path, sarif);

    /// <summary>A path relative to the root (forward slashes) as a relative URI reference, each segment escaped.</summary>
    public static string ToRelativeUri(string relativePath)
    {
        if (relativePath is "" or ".")
        {
            return "./";
        }

        return string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(s => s is "." or ".." ? s : Uri.EscapeDataString(s)));
    }

    /// <summary>An absolute folder as a <c>file://</c> URI ending in '/', as SARIF requires of base URIs.</summary>
    public static string ToDirectoryUri(string directoryFullPath)
    {
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directoryFullPath)) + Path.DirectorySeparatorChar;
        return new Uri(path).AbsoluteUri;
    }

    /// <summary>A rule's SARIF name: its title in PascalCase (<c>Key defined twice</c> → <c>KeyDefinedTwice</c>).</summary>
    public static string ToRuleName(DiagnosticDescriptor rule)
    {
        var name = new StringBuilder();
        foreach (string word in rule.Title.Split([' ', '-', '_', '.', '/', ',', '(', ')', '\'', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            string letters = new([.. word.Where(char.IsLetterOrDigit)]);
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }

        return name.Length > 0 ? name.ToString() : rule.Id;
    }

    /// <summary>The engine's informational version without the source revision (<c>0.1.0</c>, not <c>0.1.0+abc123</c>).</summary>
    public static string ToolVersion
    {
        get
        {
            string version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version[..plus] : version;
        }
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", ToRuleName(rule));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLinkUri);
        json.WriteStartObject("help");
        string description = string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description;
        json.WriteString("text", $"{description} See {rule.HelpLinkUri}");
        json.WriteString("markdown", $"{description}\n\n[{rule.Id}: {rule.Title}]({rule.HelpLinkUri})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", ToLevel(rule.DefaultSeverity));
        if (rule.DefaultSeverity <= DiagnosticSeverity.Hidden)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue("infrastructure");
        json.WriteStringValue(rule.Category.ToLowerInvariant());
        json.WriteEndArray();
        if (rule.ProductionSeverity is { } production)
        {
            json.WriteString("productionLevel", ToLevel(production));
        }

        if (rule.DeployedKindSeverity is { } deployed)
        {
            json.WriteString("deployedKindLevel", ToLevel(deployed));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The path a repository-level finding is shown at in SARIF, with no region: GitHub code scanning refuses a result
    /// without a location or with an empty URI, so such findings name the root's README when there is one, else the root.
    /// </summary>
    private static string RepositoryAnchor(string rootFullPath) =>
        new[] { "README.md", "README", "readme.md", "README.rst", "README.txt" }.FirstOrDefault(name => File.Exists(Path.Combine(rootFullPath, name))) ?? ".";

    private static void WritePhysicalLocation(Utf8JsonWriter json, FindingLocation location)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToRelativeUri(location.Path));
        json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
        if (location.HasPosition)
        {
            var (line, column, endLine, endColumn) = location.Region;
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteNumber("startColumn", column);
            json.WriteNumber("endLine", endLine);
            json.WriteNumber("endColumn", endColumn);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, FindingRecord finding, int ruleIndex, string occurrenceKey, string path)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", ToLevel(finding.ParsedSeverity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        // A whole-file finding (line 0) has no region; a repository-level one (no path) is shown at the repository's anchor.
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, new FindingLocation(path, finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
        json.WriteEndObject();
        json.WriteEndArray();

        // The other evidence of the same problem (SARIF §3.27.22): viewers show them beside the result.
        if (finding.AdditionalLocations is { Count: > 0 } related)
        {
            json.WriteStartArray("relatedLocations");
            for (int i = 0; i < related.Count; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i + 1);
                WritePhysicalLocation(json, related[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (finding.IsRepository)
        {
            // Shown at the repository's anchor file, but about the repository as a whole.
            json.WriteStartObject("properties");
            json.WriteBoolean("repositoryLevel", true);
            json.WriteEndObject();
        }

        // Identical fingerprints in one file (the same text flagged twice) are told apart by their occurrence, as GitHub's own hashes are.
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", occurrenceKey);
        json.WriteString("infralintFingerprint/v1", finding.StableFingerprint);
        json.WriteEndObject();
        if (finding.Fix is { Edits.Count: > 0 } fix)
        {
            WriteFix(json, fix);
        }

        json.WriteEndObject();
    }

    // SARIF 2.1.0 §3.55: a fix is a description and artifact changes, each a list of replacements of a region by text.
    // A mode change has no SARIF form, so only text fixes are written.
    private static void WriteFix(Utf8JsonWriter json, FixRecord fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        json.WriteString("text", fix.Applicability == "safe" ? fix.Title : $"{fix.Title} (unsafe: may change behaviour)");
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToRelativeUri(fix.Path));
        json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
        json.WriteStartArray("replacements");
        foreach (var edit in fix.Edits)
        {
            json.WriteStartObject();
            json.WriteStartObject("deletedRegion");
            json.WriteNumber("startLine", edit.Line);
            json.WriteNumber("startColumn", edit.Column);
            json.WriteNumber("endLine", edit.EndLine);
            json.WriteNumber("endColumn", edit.EndColumn);
            json.WriteEndObject();
            json.WriteStartObject("insertedContent");
            json.WriteString("text", edit.Text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("applicability", fix.Applicability);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
