using System.Text.Json;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// The SARIF output checked against what the SARIF 2.1.0 schema requires (required properties, enums, no unknown
/// properties on the objects we write, 1-based regions) and what GitHub code scanning documents as required
/// ($schema, tool.driver.rules with short/full description and help, results with message, up to 10 locations with a
/// relative URI and a full region, partialFingerprints). The checks are written here by hand (no schema validator package).
/// </summary>
public sealed class SarifWriterTests
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    [Test]
    public void A_run_with_findings_is_valid_sarif_for_github_code_scanning()
    {
        using var repository = new TempRepository();
        repository.Write(".env", "A=FLAG\nB=WARN\n");
        repository.Write("deploy dir/ünïcode .env", "# infralint-disable-next-line NOPE0001\nC=FLAG\n");
        repository.Write("fly.toml", "app = \"FLAG\"\n");

        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [.. AnalyzerCatalog.BuiltIn, new FlagAnalyzer()] });
        string sarif = SarifWriter.Write(result, result.Rules);
        using var document = JsonDocument.Parse(sarif);

        var problems = Validate(document.RootElement, repository.Root);
        Assert.That(problems, Is.Empty, sarif);

        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.That(results.Select(r => r.GetProperty("ruleId").GetString()), Is.EqualTo(result.Diagnostics.Select(d => d.Id)));
        Assert.That(results.Select(r => r.GetProperty("level").GetString()).Distinct(), Is.EquivalentTo(new[] { "error", "warning" }));
        var unicode = results.Single(r => Uri(r).Contains("deploy", StringComparison.Ordinal) && r.GetProperty("ruleId").GetString() == "TEST0001");
        Assert.That(Uri(unicode), Is.EqualTo("deploy%20dir/%C3%BCn%C3%AFcode%20.env"));
        var region = unicode.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.That(
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()),
            Is.EqualTo((2, 3, 2, 7)));
    }

    [Test]
    public void Every_rule_is_in_the_driver_with_its_level_and_help_link()
    {
        string sarif = SarifWriter.Write("/repo", [], [.. AnalyzerCatalog.AllDescriptors, FlagAnalyzer.Flag]);
        using var document = JsonDocument.Parse(sarif);

        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(AnalyzerCatalog.AllDescriptors.Select(d => d.Id).Append("TEST0001")));
        var jsi0003 = rules.Single(r => r.GetProperty("id").GetString() == "JSI0003");
        Assert.That(jsi0003.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("note"));
        Assert.That(jsi0003.GetProperty("helpUri").GetString(), Does.EndWith("docs/rules/JSI0003.md"));
        Assert.That(jsi0003.GetProperty("name").GetString(), Is.EqualTo("FileSkipped"));
        Assert.That(rules.Single(r => r.GetProperty("id").GetString() == "TEST0001").GetProperty("helpUri").GetString(), Is.EqualTo("https://example.invalid/TEST0001"));
        Assert.That(Validate(document.RootElement, null), Is.Empty);
    }

    [Test]
    public void Additional_locations_are_related_locations_and_the_message_stays_the_rules()
    {
        using var repository = new TempRepository();
        repository.Write(".env", "A=LINKED\nB=ALSO\nC=1 ALSO\n");

        var result = LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new FlagAnalyzer()] });
        string sarif = SarifWriter.Write(result, result.Rules);
        using var document = JsonDocument.Parse(sarif);

        Assert.That(Validate(document.RootElement, repository.Root), Is.Empty, sarif);
        var finding = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.That(finding.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("found LINKED"));
        var related = finding.GetProperty("relatedLocations").EnumerateArray().Select(r =>
        {
            var physical = r.GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            return (r.GetProperty("id").GetInt32(), physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
        });
        Assert.That(related, Is.EqualTo(new[] { (1, ".env", 2, 3), (2, ".env", 3, 5) }));
    }

    [Test]
    public void Fingerprints_do_not_depend_on_the_line_and_repeat_with_an_occurrence_number()
    {
        using var repository = new TempRepository();
        repository.Write(".env", "A=FLAG\nB=FLAG\n");
        var before = Fingerprints(repository.Root);
        repository.Write(".env", "\n\nA=FLAG\n\nB=FLAG\n");
        var after = Fingerprints(repository.Root);

        Assert.That(after, Is.EqualTo(before));
        Assert.That(before, Has.Length.EqualTo(2));
        Assert.That(before[0], Does.EndWith(":1"));
        Assert.That(before[1], Does.EndWith(":2"));
        Assert.That(before[0][..^2], Is.EqualTo(before[1][..^2]));
    }

    [Test]
    public void Reversed_positions_still_make_a_valid_region()
    {
        var finding = new FindingRecord("TEST0001", "info", "a.env", 5, 9, 3, 2, "m", "https://example.invalid");
        using var document = JsonDocument.Parse(SarifWriter.Write("/repo", [finding], [FlagAnalyzer.Flag]));

        Assert.That(Validate(document.RootElement, null), Is.Empty);
        Assert.That(document.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("level").GetString(), Is.EqualTo("note"));
    }

    [Test]
    public void A_whole_file_finding_has_no_region_and_a_repository_finding_names_the_readme()
    {
        using var repository = new TempRepository();
        repository.Write("README.md", "# app\n");
        FindingRecord[] findings =
        [
            new("TEST0001", "warning", "Dockerfile", 0, 0, 0, 0, "whole file", "https://example.invalid"),
            new("TEST0001", "warning", string.Empty, 0, 0, 0, 0, "repository", "https://example.invalid"),
        ];
        using var document = JsonDocument.Parse(SarifWriter.Write(repository.Root, findings, [FlagAnalyzer.Flag]));

        Assert.That(Validate(document.RootElement, null), Is.Empty);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        var physical = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation")).ToArray();
        Assert.That(physical.Select(p => p.GetProperty("artifactLocation").GetProperty("uri").GetString()), Is.EqualTo(new[] { "Dockerfile", "README.md" }));
        Assert.That(physical.Select(p => p.TryGetProperty("region", out _)), Is.All.False);
    }

    private static string[] Fingerprints(string root)
    {
        var result = LintEngine.Run(new LintOptions(root) { Analyzers = [new FlagAnalyzer()] });
        using var document = JsonDocument.Parse(SarifWriter.Write(result, result.Rules));
        return [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!)];
    }

    private static string Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    /// <summary>The SARIF 2.1.0 schema's and GitHub's requirements for the parts of a log InfraLint writes; an empty list when all hold.</summary>
    internal static List<string> Validate(JsonElement log, string? root)
    {
        var problems = new List<string>();
        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        bool Has(JsonElement element, string name, JsonValueKind kind) => element.TryGetProperty(name, out var value) && value.ValueKind == kind;
        void Only(JsonElement element, string what, params string[] allowed)
        {
            foreach (var property in element.EnumerateObject())
            {
                Check(allowed.Contains(property.Name), $"{what} has a property the schema does not define: {property.Name}");
            }
        }

        void Text(JsonElement element, string name, string what) =>
            Check(element.TryGetProperty(name, out var message) && message.ValueKind == JsonValueKind.Object && Has(message, "text", JsonValueKind.String) && message.GetProperty("text").GetString()!.Length > 0, $"{what}.{name}.text is required");

        Only(log, "sarifLog", "$schema", "version", "runs", "inlineExternalProperties", "properties");
        Check(Has(log, "$schema", JsonValueKind.String), "$schema is required by GitHub");
        Check(Has(log, "version", JsonValueKind.String) && log.GetProperty("version").GetString() == "2.1.0", "version must be \"2.1.0\"");
        Check(Has(log, "runs", JsonValueKind.Array) && log.GetProperty("runs").GetArrayLength() == 1, "runs must hold one run");
        if (problems.Count > 0)
        {
            return problems;
        }

        var run = log.GetProperty("runs")[0];
        Only(run, "run", "tool", "automationDetails", "columnKind", "originalUriBaseIds", "results", "invocations", "artifacts", "properties");
        Check(Has(run, "tool", JsonValueKind.Object) && Has(run.GetProperty("tool"), "driver", JsonValueKind.Object), "run.tool.driver is required");
        var driver = run.GetProperty("tool").GetProperty("driver");
        Check(Has(driver, "name", JsonValueKind.String), "tool.driver.name is required");
        Check(Has(run, "columnKind", JsonValueKind.String) && run.GetProperty("columnKind").GetString() is "utf16CodeUnits" or "unicodeCodePoints", "columnKind must be utf16CodeUnits or unicodeCodePoints");
        Check(Has(run, "automationDetails", JsonValueKind.Object) && Has(run.GetProperty("automationDetails"), "id", JsonValueKind.String), "automationDetails.id (the category)");
        Check(Has(run, "originalUriBaseIds", JsonValueKind.Object) && Has(run.GetProperty("originalUriBaseIds"), "%SRCROOT%", JsonValueKind.Object), "originalUriBaseIds.%SRCROOT%");
        string baseUri = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString() ?? string.Empty;
        Check(System.Uri.TryCreate(baseUri, UriKind.Absolute, out var rootUri) && rootUri.IsFile && baseUri.EndsWith('/'), "the %SRCROOT% uri must be an absolute file:// URI ending in '/'");

        var rules = Has(driver, "rules", JsonValueKind.Array) ? driver.GetProperty("rules").EnumerateArray().ToArray() : [];
        Check(rules.Length > 0, "tool.driver.rules is required by GitHub");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            Only(rule, "reportingDescriptor", "id", "name", "shortDescription", "fullDescription", "helpUri", "help", "defaultConfiguration", "properties");
            Check(Has(rule, "id", JsonValueKind.String) && ids.Add(rule.GetProperty("id").GetString()!), "rule.id is required and unique");
            Check(Has(rule, "name", JsonValueKind.String), "rule.name");
            Text(rule, "shortDescription", "rule");
            Text(rule, "fullDescription", "rule");
            Text(rule, "help", "rule");
            Check(Has(rule, "helpUri", JsonValueKind.String) && System.Uri.TryCreate(rule.GetProperty("helpUri").GetString(), UriKind.Absolute, out _), "rule.helpUri must be an absolute URI");
            Check(Has(rule, "defaultConfiguration", JsonValueKind.Object) && Levels.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()), "rule.defaultConfiguration.level must be none|note|warning|error");
        }

        foreach (var result in Has(run, "results", JsonValueKind.Array) ? run.GetProperty("results").EnumerateArray() : [])
        {
            Only(result, "result", "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "relatedLocations", "properties");
            Check(Has(result, "ruleId", JsonValueKind.String), "result.ruleId");
            int index = Has(result, "ruleIndex", JsonValueKind.Number) ? result.GetProperty("ruleIndex").GetInt32() : -1;
            Check(index >= 0 && index < rules.Length && rules[index].GetProperty("id").GetString() == result.GetProperty("ruleId").GetString(), "result.ruleIndex must point at the rule of result.ruleId");
            Check(Levels.Contains(result.GetProperty("level").GetString()), "result.level must be none|note|warning|error");
            Text(result, "message", "result");
            var locations = Has(result, "locations", JsonValueKind.Array) ? result.GetProperty("locations").EnumerateArray().ToArray() : [];
            Check(locations.Length is >= 1 and <= 10, "result.locations: 1 to 10 (GitHub)");
            var related = Has(result, "relatedLocations", JsonValueKind.Array) ? result.GetProperty("relatedLocations").EnumerateArray().ToArray() : [];
            foreach (var location in related)
            {
                Only(location, "location", "id", "physicalLocation", "message");
                Check(Has(location, "id", JsonValueKind.Number) && location.GetProperty("id").GetInt32() >= 0, "relatedLocations[].id: a non-negative integer");
            }

            Check(related.Select(r => r.GetProperty("id").GetInt32()).Distinct().Count() == related.Length, "relatedLocations[].id: unique within the result");
            foreach (var location in locations.Concat(related))
            {
                var physical = location.GetProperty("physicalLocation");
                var artifact = physical.GetProperty("artifactLocation");
                Only(artifact, "artifactLocation", "uri", "uriBaseId", "index");
                string uri = artifact.GetProperty("uri").GetString() ?? string.Empty;
                Check(System.Uri.TryCreate(uri, UriKind.Relative, out _) && !uri.StartsWith('/'), $"artifactLocation.uri must be relative: {uri}");
                Check(artifact.GetProperty("uriBaseId").GetString() == "%SRCROOT%", "artifactLocation.uriBaseId must be %SRCROOT%");
                if (root is not null && rootUri is not null)
                {
                    string resolved = new Uri(rootUri, uri).LocalPath;
                    Check(File.Exists(resolved) || Directory.Exists(resolved), $"{uri} resolved against %SRCROOT% must exist: {resolved}");
                }

                // A whole-file finding has no region.
                if (physical.TryGetProperty("region", out var region))
                {
                    Only(region, "region", "startLine", "startColumn", "endLine", "endColumn");
                    int startLine = region.GetProperty("startLine").GetInt32(), startColumn = region.GetProperty("startColumn").GetInt32();
                    int endLine = region.GetProperty("endLine").GetInt32(), endColumn = region.GetProperty("endColumn").GetInt32();
                    Check(startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1, "region lines and columns are 1-based and ordered");
                    Check(endLine > startLine || endColumn >= startColumn, "region.endColumn is not before startColumn on one line");
                }
            }

            Check(Has(result, "partialFingerprints", JsonValueKind.Object) && result.GetProperty("partialFingerprints").EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String), "result.partialFingerprints: an object of strings");
            Check(result.GetProperty("partialFingerprints").TryGetProperty("primaryLocationLineHash", out _), "partialFingerprints.primaryLocationLineHash (the one GitHub uses)");
        }

        return problems;
    }
}
