using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Workspace;

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
    [property: JsonPropertyName("fix")] FixRecord? Fix = null,
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
        diagnostic.Fix is { } fix ? FixRecord.From(fix) : null,
        diagnostic.AdditionalLocations.Count == 0 ? null : [.. diagnostic.AdditionalLocations.Select(FindingLocation.From)]);

    /// <summary>
    /// The message as one-line formats print it (the canonical text line, MSBuild): the rule's message, then the
    /// finding's other places, <c>(also at path(line,column), …)</c>, with paths relative to the root.
    /// </summary>
    [JsonIgnore]
    public string DisplayMessage => FindingLocation.AppendTo(Message, AdditionalLocations);

    /// <summary>The severity as the enum (not serialized: <see cref="Severity"/> is the text form).</summary>
    [JsonIgnore]
    public DiagnosticSeverity ParsedSeverity => DiagnosticSeverityExtensions.TryParse(Severity, out var severity) ? severity : DiagnosticSeverity.Warning;

    /// <summary>True when the finding has a line and column; false for whole-file and repository-level findings (line 0).</summary>
    [JsonIgnore]
    public bool HasPosition => Line > 0;

    /// <summary>True for a finding about the repository as a whole (an empty path).</summary>
    [JsonIgnore]
    public bool IsRepository => Path.Length == 0;

    /// <summary>
    /// The location as the report formats that need one write it: 1-based, never before line 1 column 1, and never
    /// ending before it starts (a finding without a position reads as line 1, column 1).
    /// </summary>
    [JsonIgnore]
    public (int Line, int Column, int EndLine, int EndColumn) Region => new FindingLocation(Path, Line, Column, EndLine, EndColumn).Region;

    /// <summary>The engine's line-independent fingerprint, or one computed from the rule, path and message.</summary>
    [JsonIgnore]
    public string StableFingerprint => Fingerprint ?? Engine.Baseline.ComputeFingerprint(RuleId, Path, Message);

    /// <summary>
    /// For each finding, its <see cref="StableFingerprint"/> followed by <c>:n</c>, its occurrence among identical
    /// fingerprints of the same rule and file, so that the same text flagged twice gets two distinct identities.
    /// </summary>
    public static IReadOnlyList<string> OccurrenceKeys(IReadOnlyList<FindingRecord> findings)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            string fingerprint = finding.StableFingerprint;
            string key = finding.RuleId + "|" + finding.Path + "|" + fingerprint;
            int occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            keys[i] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fingerprint}:{occurrence}");
        }

        return keys;
    }
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

    /// <summary>True when the place has a line and column (line 0: a whole file).</summary>
    [JsonIgnore]
    public bool HasPosition => Line > 0;

    /// <summary>
    /// The place as the report formats that need one write it: 1-based, never before line 1 column 1, and never ending
    /// before it starts.
    /// </summary>
    [JsonIgnore]
    public (int Line, int Column, int EndLine, int EndColumn) Region
    {
        get
        {
            int line = Math.Max(1, Line), column = Math.Max(1, Column);
            int endLine = Math.Max(line, EndLine);
            int endColumn = endLine == line ? Math.Max(column, EndColumn) : Math.Max(1, EndColumn);
            return (line, column, endLine, endColumn);
        }
    }

    /// <summary>
    /// <paramref name="message"/> followed by <c> (also at a(1,2), b(3,4))</c> (paths escaped for display, as the message
    /// is), or unchanged when there is no other place.
    /// </summary>
    public static string AppendTo(string message, IReadOnlyList<FindingLocation>? locations)
    {
        if (locations is null || locations.Count == 0)
        {
            return message;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{message} (also at {string.Join(", ", locations.Select(l => $"{Text.DisplayText.Escape(l.Path)}({l.Line},{l.Column})"))})");
    }
}

/// <summary>
/// A finding's fix as JSON: its title, <c>safe</c> or <c>unsafe</c>, the file it changes, and its edits (1-based
/// lines and columns, end exclusive, in the text as linted) or <c>makesExecutable</c> for a mode change.
/// </summary>
public sealed record FixRecord(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("applicability")] string Applicability,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("edits")] IReadOnlyList<EditRecord> Edits,
    [property: JsonPropertyName("makesExecutable")] bool? MakesExecutable = null)
{
    public static FixRecord From(Fix fix) => new(
        fix.Title,
        fix.Applicability.ToDisplayString(),
        fix.Path,
        [.. fix.Edits.Select(e => new EditRecord(e.Range.Start.Line, e.Range.Start.Column, e.Range.End.Line, e.Range.End.Column, e.NewText))],
        fix.MakesExecutable ? true : null);
}

/// <summary>One replacement of a <see cref="FixRecord"/>: the region it replaces and the text it puts there.</summary>
public sealed record EditRecord(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn,
    [property: JsonPropertyName("text")] string Text);

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
    /// <summary>How many findings inline suppression comments silenced.</summary>
    [JsonPropertyName("suppressed")]
    public int InlineSuppressed { get; init; }

    /// <summary>How many findings the baseline suppressed.</summary>
    [JsonPropertyName("baselineSuppressed")]
    public int BaselineSuppressed { get; init; }

    /// <summary>
    /// The no-op cache only (null, so absent, elsewhere): the files whose contents the run did not read, whose size
    /// and time its <see cref="Fingerprint"/> leaves out (<see cref="LintResult.ContentNotRead"/>).
    /// </summary>
    [JsonPropertyName("contentNotRead")]
    public IReadOnlyList<string>? ContentNotRead { get; init; }

    /// <summary>
    /// The no-op cache only: how many files a build re-linted alone, its other findings kept from the build before
    /// (<see cref="CachedAnalysis"/>); null (absent) after a whole run.
    /// </summary>
    [JsonPropertyName("relinted")]
    public int? Relinted { get; init; }

    /// <summary>The files the run did not lint (binary, too large, unreadable, links out of the root…), with the reason.</summary>
    [JsonPropertyName("skipped")]
    public IReadOnlyList<SkippedRecord> Skipped { get; init; } = [];

    // Source-generated metadata for writing; reading goes through FindingsFileReader, which the no-op build can afford.
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
        [.. result.Diagnostics.Select(FindingRecord.From)])
    {
        InlineSuppressed = result.InlineSuppressed,
        BaselineSuppressed = result.BaselineSuppressed,
        Skipped = SkippedRecord.From(result),
    };

    /// <summary>The run's summary, with the severities counted as given (the caller may have re-mapped them).</summary>
    public RunSummary Summarize(int errors, int warnings, int infos) =>
        new(Files, Analyzed, errors, warnings, infos, InlineSuppressed, BaselineSuppressed, ElapsedMs) { Skipped = Skipped };

    public string ToJson() => JsonSerializer.Serialize(this, Json.FindingsFile);

    /// <summary>The findings file at <paramref name="path"/>, or null when it is missing or not valid (see <see cref="FindingsFileReader"/>).</summary>
    public static FindingsFile? TryRead(string path) => FindingsFileReader.TryRead(path);

    /// <summary>Writes atomically (temporary file, then move), so a concurrent reader never sees half a file.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());
}

/// <summary>A file the run did not lint, and why.</summary>
public sealed record SkippedRecord(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static IReadOnlyList<SkippedRecord> From(LintResult result) => [.. result.Skipped.Select(s => new SkippedRecord(s.RelativePath, s.Reason))];
}

/// <summary>The compile-time JSON metadata of <see cref="FindingsFile"/>.</summary>
[JsonSerializable(typeof(FindingsFile))]
internal sealed partial class FindingsJsonContext : JsonSerializerContext;
