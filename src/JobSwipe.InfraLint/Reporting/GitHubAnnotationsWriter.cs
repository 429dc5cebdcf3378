using System.Globalization;
using System.Text;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands, one per finding, so findings appear as pull-request annotations without a SARIF
/// upload: <c>::error file=deploy/app.sh,line=3,col=1,endLine=3,endColumn=9,title=JSI4003::message</c>. Errors are
/// <c>error</c>, warnings <c>warning</c>, info findings <c>notice</c>. The path is the finding's (the tool gives it from the
/// repository root); a whole-file finding has no line, a repository-level one no file. Property values escape
/// <c>%</c>, CR, LF, <c>:</c> and <c>,</c>; the message escapes <c>%</c>, CR and LF, as the Actions toolkit does.
/// </summary>
public static class GitHubAnnotationsWriter
{
    public static string Write(LintResult result) => Write([.. result.Diagnostics.Select(FindingRecord.From)]);

    public static string Write(IReadOnlyList<FindingRecord> findings)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            var (line, column, endLine, endColumn) = finding.Region;
            text.Append("::").Append(Command(finding.ParsedSeverity)).Append(' ');
            if (!finding.IsRepository)
            {
                text.Append("file=").Append(EscapeProperty(DisplayText.Escape(finding.Path))).Append(',');
                if (finding.HasPosition)
                {
                    text.Append(CultureInfo.InvariantCulture, $"line={line},col={column},endLine={endLine},endColumn={endColumn},");
                }
            }

            text.Append("title=").Append(EscapeProperty(finding.RuleId));
            text.Append("::").Append(EscapeData(finding.DisplayMessage)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The workflow command of a severity: <c>error</c>, <c>warning</c> or <c>notice</c>.</summary>
    public static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>A command's message: <c>%</c>, CR and LF percent-encoded.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c> too.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
