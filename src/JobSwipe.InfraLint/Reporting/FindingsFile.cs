using System.Globalization;
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
    [property: JsonPropertyName("fingerprint")] string? Fingerprint = null,
    [property: JsonPropertyName("additionalLocations")] IReadOnlyList<FindingLocation>? AdditionalLocations = null)
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
        diagnostic.Fingerprint,
        diagnostic.AdditionalLocations.Count == 0 ? null : [.. diagnostic.AdditionalLocations.Select(FindingLocation.From)]);

    /// <summary>
    /// The message as one-line formats print it (the canonical text line, MSBuild): the rule's message, then the
    /// finding's other places, <c>(also at path(line,column), …)</c>, with paths relative to the root.
    /// </summary>
    public string DisplayMessage => FindingLocation.AppendTo(Message, AdditionalLocations);

    public DiagnosticSeverity ParsedSeverity => DiagnosticSeverityExtensions.TryParse(Severity, out var severity) ? severity : DiagnosticSeverity.Warning;
}

/// <summary>One of a finding's other places (the other evidence of the same problem): a path relative to the root and a 1-based span.</summary>
public sealed record FindingLocation(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn)
{
    public static FindingLocation From(Location location) => new(
        location.Path,
        location.Span.Start.Line,
        location.Span.Start.Column,
        location.Span.End.Line,
        location.Span.End.Column);

    /// <summary><paramref name="message"/> followed by <c> (also at a(1,2), b(3,4))</c>, or unchanged when there is no other place.</summary>
    public static string AppendTo(string message, IReadOnlyList<FindingLocation>? locations)
    {
        if (locations is null || locations.Count == 0)
        {
            return message;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{message} (also at {string.Join(", ", locations.Select(l => $"{l.Path}({l.Line},{l.Column})"))})");
    }
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
    // Source-generated metadata: the MSBuild task reads this file on every no-op build in a fresh process, where
    // reflection-based deserialization cost about 45 ms of start-up (the benchmark's profile); this costs about 30.
    private static readonly FindingsJsonContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static FindingsFile From(LintResult result, string? fingerprint) => new(
        result.RootFullPath,
        fingerprint,
        result.FilesDiscovered,
        result.FilesAnalyzed,
        (long)result.Timings.Total.TotalMilliseconds,
        [.. result.Diagnostics.Select(FindingRecord.From)]);

    public string ToJson() => JsonSerializer.Serialize(this, Json.FindingsFile);

    public static FindingsFile? TryRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, Json.FindingsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically (temporary file, then move), so a concurrent reader never sees half a file.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());
}

/// <summary>The compile-time JSON metadata of <see cref="FindingsFile"/>.</summary>
[JsonSerializable(typeof(FindingsFile))]
internal sealed partial class FindingsJsonContext : JsonSerializerContext;
