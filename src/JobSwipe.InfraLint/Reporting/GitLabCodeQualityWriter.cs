using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// A GitLab Code Quality report (the <c>artifacts:reports:codequality</c> JSON): an array with one issue per finding,
/// each with <c>description</c>, <c>check_name</c> (the rule ID), a unique <c>fingerprint</c> (a SHA-256 hex digest of the
/// engine's line-independent fingerprint and its occurrence, so an issue keeps its identity when its line moves),
/// <c>severity</c> (<c>major</c> for errors, <c>minor</c> for warnings, <c>info</c>) and <c>location.path</c> (relative to
/// the linted root, <c>.</c> for the repository as a whole) with <c>location.positions</c> (1-based begin and end line
/// and column), or <c>location.lines.begin</c> 1 for a finding without a position.
/// </summary>
public static class GitLabCodeQualityWriter
{
    public static string Write(LintResult result) => Write([.. result.Diagnostics.Select(FindingRecord.From)]);

    public static string Write(IReadOnlyList<FindingRecord> findings)
    {
        var keys = FindingRecord.OccurrenceKeys(findings);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            for (int i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                var (line, column, endLine, endColumn) = finding.Region;
                json.WriteStartObject();
                json.WriteString("description", $"{finding.RuleId}: {finding.DisplayMessage}");
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("fingerprint", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(finding.RuleId + "|" + finding.Path + "|" + keys[i]))));
                json.WriteString("severity", Severity(finding.ParsedSeverity));
                json.WriteStartObject("location");
                json.WriteString("path", finding.IsRepository ? "." : finding.Path);
                if (finding.HasPosition)
                {
                    json.WriteStartObject("positions");
                    WritePosition(json, "begin", line, column);
                    WritePosition(json, "end", endLine, endColumn);
                    json.WriteEndObject();
                }
                else
                {
                    // GitLab requires a line: a whole-file or repository-level finding is shown at line 1.
                    json.WriteStartObject("lines");
                    json.WriteNumber("begin", 1);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>GitLab's severity of a finding: <c>major</c>, <c>minor</c> or <c>info</c>.</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "major",
        DiagnosticSeverity.Warning => "minor",
        _ => "info",
    };

    private static void WritePosition(Utf8JsonWriter json, string name, int line, int column)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", line);
        json.WriteNumber("column", column);
        json.WriteEndObject();
    }
}
