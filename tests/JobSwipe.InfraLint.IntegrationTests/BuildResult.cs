using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// One InfraLint finding as MSBuild printed it: <c>/abs/file(l,c,el,ec): warning JSI2002: message [project]</c>, or, for a
/// whole-file or repository-level finding, <c>/abs/file : warning JSI7001: message [project]</c> (line 0).
/// </summary>
public sealed record CanonicalLine(string File, int Line, int Column, int? EndLine, int? EndColumn, string Severity, string Code, string Message, string? Project, string Text)
{
    /// <summary>The position as printed, e.g. <c>(7,7,7,16)</c>; empty for a finding without a line.</summary>
    public string Position => Line == 0
        ? string.Empty
        : EndLine is null
        ? string.Create(CultureInfo.InvariantCulture, $"({Line},{Column})")
        : string.Create(CultureInfo.InvariantCulture, $"({Line},{Column},{EndLine},{EndColumn})");

    public string FileName => Path.GetFileName(File);

    /// <summary>The finding without the reporting project: the same finding reported by two projects has the same key.</summary>
    public string Key => $"{File}{Position}: {Severity} {Code}: {Message}";

    public override string ToString() => Text;
}

/// <summary>The <c>InfraLint: N files, M analyzed: E errors, W warnings, I info, S suppressed (baseline K) in T ms</c> line.</summary>
public sealed record SummaryLine(int Files, int Analyzed, int Errors, int Warnings, int Infos, int Suppressed, int Baselined, bool FromCache, string Text);

/// <summary>A consumer build: exit code, output, and the InfraLint lines parsed from it.</summary>
public sealed partial class BuildResult
{
    public BuildResult(ProcessResult process)
    {
        Process = process;
        string[] lines = process.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        // At normal verbosity the console logger repeats every warning and error after "Build succeeded." / "Build FAILED.":
        // findings are read from the log before that line, so each one printed once counts once.
        int end = Array.FindLastIndex(lines, l => BuildEndPattern().IsMatch(l));
        var log = end < 0 ? lines : lines[..end];
        Findings = log.Select(ParseCanonical).OfType<CanonicalLine>().ToArray();
        RepeatedInSummary = end < 0 ? [] : lines[end..].Select(ParseCanonical).OfType<CanonicalLine>().ToArray();
        Summaries = log.Select(ParseSummary).OfType<SummaryLine>().ToArray();
    }

    public ProcessResult Process { get; }

    public int ExitCode => Process.ExitCode;

    /// <summary>Every JSI line of the build log, in order, before the closing summary that repeats warnings and errors.</summary>
    public IReadOnlyList<CanonicalLine> Findings { get; }

    /// <summary>The JSI warnings and errors MSBuild repeats after "Build succeeded." / "Build FAILED.".</summary>
    public IReadOnlyList<CanonicalLine> RepeatedInSummary { get; }

    public IReadOnlyList<SummaryLine> Summaries { get; }

    public IEnumerable<CanonicalLine> WithCode(string code) => Findings.Where(f => f.Code == code);

    /// <summary>The single finding of that code in that file; fails the test, showing the build's output, otherwise.</summary>
    public CanonicalLine Single(string code, string fileName)
    {
        var matches = Findings.Where(f => f.Code == code && f.FileName == fileName).ToArray();
        Assert.That(matches, Has.Length.EqualTo(1), () => $"expected exactly one {code} in {fileName}.{Environment.NewLine}{Describe()}");
        return matches[0];
    }

    /// <summary>What a failure message shows: the command, exit code, the InfraLint, warning and error lines, and the full log's path.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"> {Process.CommandLine}  (exit code {ExitCode}, {Process.Elapsed.TotalSeconds:0.0} s)");
        foreach (string line in Process.Output.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            if (RelevantPattern().IsMatch(trimmed) && !trimmed.Contains("/reference:", StringComparison.Ordinal))
            {
                text.AppendLine(trimmed.Length > 600 ? trimmed[..600] + " …" : trimmed);
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"(full output: {Process.LogPath})");
        return text.ToString();
    }

    public override string ToString() => Describe();

    private static CanonicalLine? ParseCanonical(string line)
    {
        var match = CanonicalPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        static int? Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;
        return new CanonicalLine(
            match.Groups["file"].Value,
            Number(match.Groups["line"]) ?? 0,
            Number(match.Groups["col"]) ?? 0,
            Number(match.Groups["eline"]),
            Number(match.Groups["ecol"]),
            match.Groups["sev"].Value,
            match.Groups["code"].Value,
            match.Groups["msg"].Value,
            match.Groups["project"].Success ? match.Groups["project"].Value : null,
            line.Trim());
    }

    private static SummaryLine? ParseSummary(string line)
    {
        var match = SummaryPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        int Number(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new SummaryLine(
            Number("files"),
            Number("analyzed"),
            Number("errors"),
            Number("warnings"),
            Number("infos"),
            Number("suppressed"),
            Number("baselined"),
            match.Groups["rest"].Value.Contains("from the cache", StringComparison.Ordinal),
            line.Trim());
    }

    // path(line,col[,endLine,endCol]): [subcategory ]warning|error|message JSInnnn: message [project], or "path : …" for a
    // finding without a line; "1>" prefixes of -m builds allowed.
    // ACMEnnnn is the sample custom rule's prefix (tests/samples/CustomRules), reported like the built-in ones.
    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>\S.*?)(?:\((?<line>\d+),(?<col>\d+)(?:,(?<eline>\d+),(?<ecol>\d+))?\)| ): (?:(?<sub>[^:]+?) )?(?<sev>error|warning|message) (?<code>(?:JSI|ACME)\d{4}): (?<msg>.*?)(?: \[(?<project>[^\[\]]+)\])?\s*$")]
    private static partial Regex CanonicalPattern();

    [GeneratedRegex(@"InfraLint: (?<files>\d+) files?, (?<analyzed>\d+) analyzed: (?<errors>\d+) errors?, (?<warnings>\d+) warnings?, (?<infos>\d+) info, (?<suppressed>\d+) suppressed \(baseline (?<baselined>\d+)\) in \d+ ms(?<rest>.*)$")]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"^\s*(?:\d+>)?Build (succeeded|FAILED)\.\s*$")]
    private static partial Regex BuildEndPattern();

    [GeneratedRegex(@"JSI\d{4}|InfraLint:|: (error|warning) [A-Z]+\d+|Build (succeeded|FAILED)|Warning\(s\)|Error\(s\)")]
    private static partial Regex RelevantPattern();
}
