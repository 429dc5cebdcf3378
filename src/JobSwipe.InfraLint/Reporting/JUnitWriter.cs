using System.Globalization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// JUnit XML, for CI systems that show test reports (GitLab <c>artifacts:reports:junit</c>, Jenkins, Azure Pipelines):
/// one <c>testsuite</c> per rule (named for its ID), one <c>testcase</c> per rule and file (classname the rule ID, name
/// the file's path relative to the root). A testcase with an error or warning finding fails: one <c>failure</c> whose
/// message is the first finding and whose text lists every finding of that rule in that file (<c>path(line,col): severity
/// ID: message</c>). Info findings do not fail: they are listed in the testcase's <c>system-out</c>. A rule without any
/// finding is one passing testcase named <c>(no finding)</c>, so the report shows what was checked; findings about
/// the repository as a whole are the testcase <c>(repository)</c>.
/// </summary>
public static class JUnitWriter
{
    public const string NoFinding = "(no finding)";

    /// <summary>The testcase name of findings about the repository as a whole (path <c>.</c>).</summary>
    public const string Repository = "(repository)";

    public static string Write(LintResult result) => Write([.. result.Diagnostics.Select(FindingRecord.From)], result.Rules);

    public static string Write(IReadOnlyList<FindingRecord> findings, IEnumerable<DiagnosticDescriptor> rules)
    {
        var byRule = findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ruleIds = rules.Select(r => r.Id).Concat(byRule.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var suites = ruleIds.Select(id => (Id: id, Cases: Cases(byRule.GetValueOrDefault(id) ?? []))).ToList();
        return XmlReport.Create(xml =>
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "infralint");
            xml.WriteAttributeString("tests", Count(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Count(suites.Sum(s => s.Cases.Count(c => c.Fails))));
            xml.WriteAttributeString("errors", "0");
            foreach (var (id, cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", id);
                xml.WriteAttributeString("tests", Count(cases.Count));
                xml.WriteAttributeString("failures", Count(cases.Count(c => c.Fails)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var testCase in cases)
                {
                    WriteCase(xml, id, testCase);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static void WriteCase(System.Xml.XmlWriter xml, string ruleId, TestCase testCase)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", ruleId);
        xml.WriteAttributeString("name", XmlReport.Text(testCase.Name));
        var failing = testCase.Findings.Where(f => f.ParsedSeverity >= DiagnosticSeverity.Warning).ToList();
        if (failing.Count > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", XmlReport.Text(failing[0].DisplayMessage));
            xml.WriteAttributeString("type", failing.Any(f => f.ParsedSeverity == DiagnosticSeverity.Error) ? "error" : "warning");
            xml.WriteString(XmlReport.Text(Lines(failing)));
            xml.WriteEndElement();
        }

        var info = testCase.Findings.Where(f => f.ParsedSeverity < DiagnosticSeverity.Warning).ToList();
        if (info.Count > 0)
        {
            xml.WriteElementString("system-out", XmlReport.Text(Lines(info)));
        }

        xml.WriteEndElement();
    }

    private static List<TestCase> Cases(List<FindingRecord> findings) => findings.Count == 0
        ? [new TestCase(NoFinding, [])]
        : [.. findings.GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TestCase(g.Key.Length == 0 ? Repository : DisplayText.Escape(g.Key), [.. g]))];

    private static string Lines(IEnumerable<FindingRecord> findings) => string.Join('\n', findings.Select(f =>
    {
        string path = f.IsRepository ? Repository : DisplayText.Escape(f.Path);
        return f.HasPosition
            ? string.Create(CultureInfo.InvariantCulture, $"{path}({f.Line},{f.Column}): {f.Severity} {f.RuleId}: {f.DisplayMessage}")
            : $"{path}: {f.Severity} {f.RuleId}: {f.DisplayMessage}";
    }));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record TestCase(string Name, IReadOnlyList<FindingRecord> Findings)
    {
        public bool Fails => Findings.Any(f => f.ParsedSeverity >= DiagnosticSeverity.Warning);
    }
}
