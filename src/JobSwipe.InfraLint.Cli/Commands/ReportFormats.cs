using System.CommandLine;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>The report formats of <c>--format</c> and how each renders a run.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["text", "sarif", "json"];

    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "text: one canonical line per finding, as MSBuild prints them; sarif: SARIF 2.1.0; json: the findings as JSON",
            HelpName = string.Join('|', Names),
            DefaultValueFactory = _ => "text",
            CustomParser = result => result.Tokens.Count > 0 ? result.Tokens[^1].Value.ToLowerInvariant() : "text",
        };
        option.CompletionSources.Add(Names);
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !Names.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"unknown format '{result.Tokens[^1].Value}': use {string.Join('|', Names)}");
            }
        });
        return option;
    }

    public static string Render(string format, LintResult result) => format switch
    {
        "json" => FindingsFile.From(result, fingerprint: null).ToJson(),
        "sarif" => SarifWriter.Write(result, result.Rules).TrimEnd('\n'),
        _ => string.Join(Environment.NewLine, result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath))),
    };
}
