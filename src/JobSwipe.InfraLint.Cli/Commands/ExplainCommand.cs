using System.CommandLine;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// <c>infralint explain JSInnnn</c>: the rule's documentation page, embedded in the tool, rendered for a terminal. A rule
/// without a page (a custom rule) prints its title, description and help link. An unknown ID is a usage error with a
/// "did you mean".
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("RULE") { Description = "the rule ID, for example JSI2009 (case-insensitive)" };
        RuleCatalog.AddIdCompletions(id);
        var analyzers = CommonOptions.Analyzers();
        var command = new Command("explain", "print a rule's documentation: what it finds, why, a bad and a good example, how to fix and suppress it") { id, analyzers };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var rules = RuleCatalog.Load(parse.GetValue(analyzers)!, stderr);
            if (rules is null)
            {
                return InfraLintCli.UsageError;
            }

            string input = parse.GetValue(id)!;
            var rule = rules.FirstOrDefault(r => string.Equals(r.Id, input.Trim(), StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                var suggestions = RuleCatalog.Suggest(input, rules);
                string hint = suggestions.Count == 0
                    ? "; 'infralint rules' lists them"
                    : "; did you mean " + string.Join(" or ", suggestions.Select(s => $"{s.Id} ({s.Title})")) + "?";
                stderr.WriteLine($"infralint: unknown rule '{InfraLintCli.OneLine(input)}'{hint}");
                return InfraLintCli.UsageError;
            }

            string? page = RuleCatalog.Page(rule.Id);
            stdout.Write(page is null
                ? $"{rule.Id}: {rule.Title}\n\nDefault severity: {RuleCatalog.SeverityText(rule)}\nCategory: {rule.Category}\n\n{rule.Description}\n\nMore: {rule.HelpLinkUri}\n"
                : TerminalMarkdown.Render(page, RuleCatalog.Fixability(rule)));
            return InfraLintCli.Success;
        });
        return command;
    }
}
