using System.CommandLine;
using JobSwipe.InfraLint.Cli.Commands;
using JobSwipe.InfraLint.Reporting;

namespace JobSwipe.InfraLint.Cli;

/// <summary>
/// The <c>infralint</c> command line on System.CommandLine: the root command lints, each subcommand is one class under
/// Commands/ with a <c>Create()</c> that returns its <see cref="Command"/>. A new command is one more line in
/// <see cref="CreateRootCommand"/>.
/// </summary>
public static class InfraLintCli
{
    /// <summary>Exit code: no error finding (or a command that succeeded).</summary>
    public const int Success = 0;

    /// <summary>Exit code: at least one error finding.</summary>
    public const int ErrorFindings = 1;

    /// <summary>Exit code: bad usage (unknown option, format or rule ID, a missing path or file, an unwritable output).</summary>
    public const int UsageError = 2;

    /// <summary>The tool's version: the engine's informational version without the source revision.</summary>
    public static string Version => SarifWriter.ToolVersion;

    public static RootCommand CreateRootCommand()
    {
        var root = LintCommand.CreateRoot();
        root.Add(BaselineCommand.Create());
        root.Add(FixCommand.Create());
        root.Add(RulesCommand.Create());
        root.Add(ExplainCommand.Create());
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersionAction();
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.
    /// A usage error is one line per problem on <paramref name="error"/>, then exit code 2.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parse = CreateRootCommand().Parse(args);
        // A directive ([suggest], used by shell completion through dotnet-suggest) runs even on an incomplete command line.
        bool directive = args.Count > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal);
        if (parse.Errors.Count > 0 && !directive)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"infralint: {OneLine(problem.Message)}");
            }

            error.WriteLine("Run 'infralint --help' for usage.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>A message on one line: line breaks and tabs become spaces.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return Success;
        }
    }
}
