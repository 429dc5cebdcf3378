using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint rules [--format text|json] [--analyzer DLL]...</c>: the rule table (ID, default severity, category,
/// fixable, title), or the same as a JSON array.
/// </summary>
internal static class RulesCommand
{
    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var format = ReportFormats.FormatOption(Formats, "text: a table; json: an array of {id, title, category, defaultSeverity, productionSeverity, fixable, helpUri}");
        var analyzers = CommonOptions.Analyzers();
        var command = new Command("rules", "list the rules: ID, default severity, category, fixable, title") { format, analyzers };
        command.SetAction(parse =>
        {
            var rules = RuleCatalog.Load(parse.GetValue(analyzers)!, parse.InvocationConfiguration.Error);
            if (rules is null)
            {
                return InfraLintCli.UsageError;
            }

            parse.InvocationConfiguration.Output.Write(parse.GetValue(format) == "json" ? Json(rules) : Table(rules));
            return InfraLintCli.Success;
        });
        return command;
    }

    internal static string Table(IReadOnlyList<Diagnostics.DiagnosticDescriptor> rules)
    {
        string[] headers = ["ID", "SEVERITY", "CATEGORY", "FIXABLE", "TITLE"];
        var rows = rules.Select(r => new[] { r.Id, RuleCatalog.SeverityText(r), r.Category, RuleCatalog.Fixability(r), r.Title }).ToList();
        int[] widths = [.. Enumerable.Range(0, headers.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(headers[i].Length).Max())];
        var text = new StringBuilder();
        foreach (string[] row in rows.Prepend(headers))
        {
            for (int i = 0; i < widths.Length; i++)
            {
                text.Append(row[i].PadRight(widths[i] + 2));
            }

            text.Append(row[^1]).Append('\n');
        }

        return text.ToString();
    }

    internal static string Json(IReadOnlyList<Diagnostics.DiagnosticDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("category", rule.Category);
                json.WriteString("defaultSeverity", Diagnostics.DiagnosticSeverityExtensions.ToDisplayString(rule.DefaultSeverity));
                if (rule.ProductionSeverity is { } production)
                {
                    json.WriteString("productionSeverity", Diagnostics.DiagnosticSeverityExtensions.ToDisplayString(production));
                }
                else
                {
                    json.WriteNull("productionSeverity");
                }

                json.WriteString("fixable", RuleCatalog.Fixability(rule));
                json.WriteString("helpUri", rule.HelpLinkUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
