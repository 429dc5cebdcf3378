using System.Globalization;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Reporting;

/// <summary>
/// The one-line summary of a run that the build and the tool print:
/// <c>InfraLint: 31 files, 24 analyzed: 12 errors, 39 warnings, 16 info, 2 suppressed (baseline 1) in 310 ms</c>,
/// and, when files were skipped (binary, too large, unreadable…), a second line naming them.
/// </summary>
public sealed record RunSummary(int Files, int Analyzed, int Errors, int Warnings, int Infos, int InlineSuppressed, int BaselineSuppressed, long ElapsedMs)
{
    /// <summary>At most this many skipped files are named; the rest are counted.</summary>
    public const int MaxSkippedNamed = 10;

    /// <summary>The files the run skipped, with the reason.</summary>
    public IReadOnlyList<SkippedRecord> Skipped { get; init; } = [];

    /// <summary>How many binary files JSI5001 did not scan for secrets (counted, not named: they are images, archives, fonts).</summary>
    public int BinaryNotScanned { get; init; }

    public int Suppressed => InlineSuppressed + BaselineSuppressed;

    /// <summary>The summary of a run as the engine reported it.</summary>
    public static RunSummary From(LintResult result) => new(
        result.FilesDiscovered,
        result.FilesAnalyzed,
        result.Count(DiagnosticSeverity.Error),
        result.Count(DiagnosticSeverity.Warning),
        result.Count(DiagnosticSeverity.Info),
        result.InlineSuppressed,
        result.BaselineSuppressed,
        (long)result.Timings.Total.TotalMilliseconds)
    {
        Skipped = SkippedRecord.From(result),
        BinaryNotScanned = result.BinaryFilesSkipped,
    };

    /// <summary>The summary line, after <paramref name="prefix"/> (<c>InfraLint</c> in the build, <c>infralint</c> in the tool).</summary>
    public string Format(string prefix, string? suffix = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"{prefix}: {Plural(Files, "file")}, {Analyzed} analyzed: {Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Infos} info, {Suppressed} suppressed (baseline {BaselineSuppressed}){Binary} in {ElapsedMs} ms{suffix}");

    private string Binary => BinaryNotScanned > 0 ? string.Create(CultureInfo.InvariantCulture, $", {Plural(BinaryNotScanned, "binary file")} not scanned for secrets") : string.Empty;

    /// <summary>The line naming the skipped files, or null when none was skipped.</summary>
    public string? FormatSkipped(string prefix)
    {
        if (Skipped.Count == 0)
        {
            return null;
        }

        var named = Skipped.Take(MaxSkippedNamed).Select(s => $"{DisplayText.Escape(s.Path)} ({DisplayText.Escape(s.Reason)})");
        string more = Skipped.Count > MaxSkippedNamed ? string.Create(CultureInfo.InvariantCulture, $"; and {Skipped.Count - MaxSkippedNamed} more") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}: {Plural(Skipped.Count, "file")} skipped, not linted: {string.Join("; ", named)}{more}");
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
