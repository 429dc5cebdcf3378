using JobSwipe.InfraLint.Cli;

namespace JobSwipe.InfraLint.Tests.Cli;

/// <summary>What one in-process run of the infralint command line printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>infralint</c> with <paramref name="args"/> in this process, capturing both streams.</summary>
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = InfraLintCli.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
