using System.Text.Json;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// Reads a <see cref="FindingsFile"/> through <see cref="JsonDocument"/> instead of the serializer. Every no-op build
/// reads the findings file twice in a fresh MSBuild process (the no-op check, then the report); the serializer's
/// metadata for these records, source-generated or not, makes the runtime JIT-compile about 200 generic methods of
/// System.Text.Json first (about 30 ms, most of the no-op check; docs/benchmarks.md), where the document reader is
/// precompiled in the framework. Writing stays with the serializer (<see cref="FindingsFile.ToJson"/>):
/// <c>FindingsFileTests</c> reads back every property it writes. A required property that is missing or of another
/// type makes the file unreadable (null), so the cache re-lints rather than report a half-read file.
/// </summary>
internal static class FindingsFileReader
{
    public static FindingsFile? TryRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return null;
        }
    }

    // GetProperty throws KeyNotFoundException for a missing required property, GetString/GetInt32 InvalidOperationException
    // or FormatException for another type: all read as "not a findings file".
    private static FindingsFile Read(JsonElement file) => new(
        RequiredString(file, "root"),
        OptionalString(file, "fingerprint"),
        file.GetProperty("files").GetInt32(),
        file.GetProperty("analyzed").GetInt32(),
        file.GetProperty("elapsedMs").GetInt64(),
        List(file.GetProperty("findings"), ReadFinding))
    {
        InlineSuppressed = OptionalInt(file, "suppressed") ?? 0,
        BaselineSuppressed = OptionalInt(file, "baselineSuppressed") ?? 0,
        ContentNotRead = Optional(file, "contentNotRead") is { } notRead ? List(notRead, RequiredString) : null,
        Relinted = OptionalInt(file, "relinted"),
        Skipped = Optional(file, "skipped") is { } skipped ? List(skipped, s => new SkippedRecord(RequiredString(s, "path"), RequiredString(s, "reason"))) : [],
    };

    private static FindingRecord ReadFinding(JsonElement finding) => new(
        RequiredString(finding, "ruleId"),
        RequiredString(finding, "severity"),
        RequiredString(finding, "path"),
        finding.GetProperty("line").GetInt32(),
        finding.GetProperty("column").GetInt32(),
        finding.GetProperty("endLine").GetInt32(),
        finding.GetProperty("endColumn").GetInt32(),
        RequiredString(finding, "message"),
        RequiredString(finding, "helpUri"),
        OptionalString(finding, "fingerprint"),
        Optional(finding, "fix") is { } fix ? ReadFix(fix) : null,
        Optional(finding, "additionalLocations") is { } locations ? List(locations, ReadLocation) : null);

    private static FindingLocation ReadLocation(JsonElement location) => new(
        RequiredString(location, "path"),
        location.GetProperty("line").GetInt32(),
        location.GetProperty("column").GetInt32(),
        location.GetProperty("endLine").GetInt32(),
        location.GetProperty("endColumn").GetInt32());

    private static FixRecord ReadFix(JsonElement fix) => new(
        RequiredString(fix, "title"),
        RequiredString(fix, "applicability"),
        RequiredString(fix, "path"),
        List(fix.GetProperty("edits"), e => new EditRecord(
            e.GetProperty("line").GetInt32(),
            e.GetProperty("column").GetInt32(),
            e.GetProperty("endLine").GetInt32(),
            e.GetProperty("endColumn").GetInt32(),
            RequiredString(e, "text"))),
        Optional(fix, "makesExecutable")?.GetBoolean());

    private static T[] List<T>(JsonElement array, Func<JsonElement, T> read)
    {
        var items = new T[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i++] = read(item);
        }

        return items;
    }

    /// <summary>The property, or null when it is absent or JSON null (the writer leaves nulls out).</summary>
    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? OptionalString(JsonElement element, string name) => Optional(element, name)?.GetString();

    private static int? OptionalInt(JsonElement element, string name) => Optional(element, name)?.GetInt32();

    private static string RequiredString(JsonElement element, string name) => RequiredString(element.GetProperty(name));

    private static string RequiredString(JsonElement element) =>
        element.GetString() ?? throw new InvalidOperationException("a required string is null");
}
