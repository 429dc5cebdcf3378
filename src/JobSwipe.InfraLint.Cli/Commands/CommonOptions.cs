using System.CommandLine;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>The arguments and options that more than one command takes; each call makes a new instance for one command.</summary>
internal static class CommonOptions
{
    /// <summary>The optional PATH argument; a token that looks like an option is an unknown option, not a path.</summary>
    public static Argument<string> Path(string description)
    {
        var argument = new Argument<string>("PATH")
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        return argument;
    }

    public static Option<string?> Baseline(string description) => new("--baseline")
    {
        Description = description,
        HelpName = "FILE",
    };

    public static Option<string[]> Analyzers() => new("--analyzer")
    {
        Description = "also run the custom analyzers of this assembly (repeatable; see docs/custom-rules.md)",
        HelpName = "DLL",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    /// <summary>Refuses <c>--baseline FILE</c> together with <c>--no-baseline</c>.</summary>
    public static void RefuseBothBaselineOptions(Command command, Option<string?> baseline, Option<bool> noBaseline) =>
        command.Validators.Add(result =>
        {
            if (result.GetValue(noBaseline) && result.GetValue(baseline) is not null)
            {
                result.AddError("--baseline and --no-baseline cannot be combined");
            }
        });
}
