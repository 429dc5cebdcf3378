using System.Text.Json;
using System.Text.Json.Serialization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>One finding as JSON: the CLI's <c>--format json</c> entries and the MSBuild cache's entries.</summary>
public sealed record FindingRecord(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("helpUri")] string HelpUri,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint = null)
{
    public static FindingRecord From(Diagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Severity.ToDisplayString(),
        diagnostic.Location.Path,
        diagnostic.Location.Span.Start.Line,
        diagnostic.Location.Span.Start.Column,
        diagnostic.Location.Span.End.Line,
        diagnostic.Location.Span.End.Column,
        diagnostic.Message,
        diagnostic.Descriptor.HelpLinkUri,
        diagnostic.Fingerprint);

    public DiagnosticSeverity ParsedSeverity => DiagnosticSeverityExtensions.TryParse(Severity, out var severity) ? severity : DiagnosticSeverity.Warning;
}

/// <summary>
/// The JSON document with a run's findings: <c>{"root", "fingerprint", "files", "analyzed", "elapsedMs", "findings": [...]}</c>.
/// The CLI writes it for <c>--format json</c>; the MSBuild task keeps it under obj/ as its no-op cache.
/// </summary>
public sealed record FindingsFile(
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("analyzed")] int Analyzed,
    [property: JsonPropertyName("elapsedMs")] long ElapsedMs,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingRecord> Findings)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FindingsFile From(LintResult result, string? fingerprint) => new(
        result.RootFullPath,
        fingerprint,
        result.FilesDiscovered,
        result.FilesAnalyzed,
        (long)result.Timings.Total.TotalMilliseconds,
        [.. result.Diagnostics.Select(FindingRecord.From)]);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static FindingsFile? TryRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<FindingsFile>(stream, Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically (temporary file, then move), so a concurrent reader never sees half a file.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());
}
