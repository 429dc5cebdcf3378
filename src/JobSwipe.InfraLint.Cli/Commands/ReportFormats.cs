using System.CommandLine;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>The report formats of <c>--format</c> and how each renders a run.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"];

    public static Option<string> CreateOption() => FormatOption(
        Names,
        "text: one line per finding, as MSBuild prints them; json: the documented JSON report; sarif: SARIF 2.1.0 "
            + "(code scanning); github: workflow commands (pull-request annotations); gitlab: GitLab Code Quality; junit: JUnit XML; "
            + "checkstyle: Checkstyle XML (see docs/output-formats.md)");

    /// <summary>A <c>--format/-f</c> option: case-insensitive, the first name by default, any other value one clear error.</summary>
    public static Option<string> FormatOption(string[] names, string description)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => names[0],
            CustomParser = result => result.Tokens.Count > 0 ? result.Tokens[^1].Value.ToLowerInvariant() : names[0],
        };
        Restrict(option, names);
        return option;
    }

    private static void Restrict(Option<string> option, string[] names)
    {
        option.CompletionSources.Add(names);
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !names.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"unknown format '{result.Tokens[^1].Value}': use {string.Join('|', names)}");
            }
        });
    }

    /// <summary>
    /// The report of <paramref name="result"/> in <paramref name="format"/>. The CI formats (github, gitlab) name files
    /// from the repository root, which is what GitHub and GitLab match annotations against: their paths get
    /// <paramref name="repositoryPrefix"/> (the linted root relative to its repository) in front.
    /// </summary>
    public static string Render(string format, LintResult result, string repositoryPrefix = "") => format switch
    {
        "json" => JsonReportWriter.Write(result),
        "sarif" => SarifWriter.Write(result, result.Rules).TrimEnd('\n'),
        "github" => GitHubAnnotationsWriter.Write(FromRepositoryRoot(result, repositoryPrefix)).TrimEnd('\n'),
        "gitlab" => GitLabCodeQualityWriter.Write(FromRepositoryRoot(result, repositoryPrefix)),
        "junit" => JUnitWriter.Write(result).TrimEnd('\n'),
        "checkstyle" => CheckstyleWriter.Write(result).TrimEnd('\n'),
        _ => CanonicalFormatter.FormatAll(result.Diagnostics, result.RootFullPath),
    };

    private static List<FindingRecord> FromRepositoryRoot(LintResult result, string prefix) =>
        [.. result.Diagnostics.Select(FindingRecord.From).Select(f => prefix.Length == 0 || f.IsRepository ? f : f with { Path = prefix + "/" + f.Path })];
}
