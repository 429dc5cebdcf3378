using System.Text;
using System.Text.Json;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// The tool's <c>--format json</c> document, whose schema docs/output-formats.md documents:
/// <c>{"schemaVersion": 1, "tool": {"name", "version"}, "root", "files", "analyzed", "summary": {"error", "warning",
/// "info", "inlineSuppressed", "baselineSuppressed"}, "skipped": [{"path", "reason"}], "findings": [{"ruleId", "severity", "path", "line", "column", "endLine", "endColumn",
/// "message", "helpUri", "fingerprint"[, "additionalLocations": [{"path", "line", "column", "endLine", "endColumn"}]]}]}</c>. Only those properties: nothing internal, nothing that changes from run to
/// run for the same tree (no timings). A new property may be added within a schema version; a change of meaning
/// raises it.
/// </summary>
public static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    public static string Write(LintResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", "infralint");
            json.WriteString("version", SarifWriter.ToolVersion);
            json.WriteEndObject();
            json.WriteString("root", result.RootFullPath);
            json.WriteNumber("files", result.FilesDiscovered);
            json.WriteNumber("analyzed", result.FilesAnalyzed);
            json.WriteStartObject("summary");
            json.WriteNumber("error", result.Count(DiagnosticSeverity.Error));
            json.WriteNumber("warning", result.Count(DiagnosticSeverity.Warning));
            json.WriteNumber("info", result.Count(DiagnosticSeverity.Info));
            json.WriteNumber("inlineSuppressed", result.InlineSuppressed);
            json.WriteNumber("baselineSuppressed", result.BaselineSuppressed);
            json.WriteEndObject();
            json.WriteStartArray("skipped");
            foreach (var skipped in result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("path", skipped.RelativePath);
                json.WriteString("reason", skipped.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in result.Diagnostics.Select(FindingRecord.From))
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", finding.Severity);
                json.WriteString("path", finding.Path);
                WriteSpan(json, finding.Line, finding.Column, finding.EndLine, finding.EndColumn);
                json.WriteString("message", finding.Message);
                json.WriteString("helpUri", finding.HelpUri);
                json.WriteString("fingerprint", finding.StableFingerprint);
                if (finding.AdditionalLocations is { Count: > 0 } others)
                {
                    // The other evidence of the same problem, in the primary location's shape.
                    json.WriteStartArray("additionalLocations");
                    foreach (var other in others)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", other.Path);
                        WriteSpan(json, other.Line, other.Column, other.EndLine, other.EndColumn);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (finding.Fix is { } fix)
                {
                    WriteFix(json, fix);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The one shape of a span in the report: 1-based line and column, exclusive end (0 for a finding without a line).
    private static void WriteSpan(Utf8JsonWriter json, int line, int column, int endLine, int endColumn)
    {
        json.WriteNumber("line", line);
        json.WriteNumber("column", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
    }

    // A finding's fix (infralint fix applies it): only on fixable findings, so a reader may ignore it.
    private static void WriteFix(Utf8JsonWriter json, FixRecord fix)
    {
        json.WriteStartObject("fix");
        json.WriteString("title", fix.Title);
        json.WriteString("applicability", fix.Applicability);
        json.WriteString("path", fix.Path);
        if (fix.MakesExecutable == true)
        {
            json.WriteBoolean("makesExecutable", true);
        }

        json.WriteStartArray("edits");
        foreach (var edit in fix.Edits)
        {
            json.WriteStartObject();
            WriteSpan(json, edit.Line, edit.Column, edit.EndLine, edit.EndColumn);
            json.WriteString("text", edit.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
