using System.Globalization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// Checkstyle XML (for Jenkins warnings-ng, SonarQube and other Checkstyle consumers):
/// <c>&lt;checkstyle version="4.3"&gt;&lt;file name="/abs/path"&gt;&lt;error line column severity message source/&gt;</c>, one
/// <c>file</c> per file with findings in path order, findings in the engine's order. Severity is <c>error</c>,
/// <c>warning</c> or <c>info</c>; <c>source</c> is the rule ID. File names are absolute, as Checkstyle writes them (the root folder for a repository-level finding); a finding without
/// a position has no <c>line</c> and <c>column</c>.
/// </summary>
public static class CheckstyleWriter
{
    public static string Write(LintResult result) => Write(result.RootFullPath, [.. result.Diagnostics.Select(FindingRecord.From)]);

    public static string Write(string rootFullPath, IReadOnlyList<FindingRecord> findings) => XmlReport.Create(xml =>
    {
        xml.WriteStartElement("checkstyle");
        xml.WriteAttributeString("version", "4.3");
        foreach (var file in findings.GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            xml.WriteStartElement("file");
            xml.WriteAttributeString("name", XmlReport.Text(CanonicalFormatter.GetFullPath(new Location(file.Key, default), rootFullPath)));
            foreach (var finding in file)
            {
                var (line, column, _, _) = finding.Region;
                xml.WriteStartElement("error");
                if (finding.HasPosition)
                {
                    xml.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("column", column.ToString(CultureInfo.InvariantCulture));
                }

                xml.WriteAttributeString("severity", Severity(finding.ParsedSeverity));
                xml.WriteAttributeString("message", XmlReport.Text(finding.DisplayMessage));
                xml.WriteAttributeString("source", finding.RuleId);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    });

    /// <summary>Checkstyle's severity of a finding: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
