namespace JobSwipe.InfraLint.Cli;

/// <summary>
/// The parsed command line: <c>infralint [PATH] [--format text|sarif|json] [--output FILE] [--baseline FILE | --no-baseline]
/// [--analyzer DLL]...</c>, <c>infralint baseline [PATH] [--baseline FILE] [--analyzer DLL]...</c> or
/// <c>infralint fix [PATH] [--diff] [--unsafe-fixes] [--baseline FILE | --no-baseline] [--analyzer DLL]...</c>.
/// </summary>
internal sealed record CommandLine(
    string Path,
    string Format,
    string? Output,
    bool Help,
    bool Version,
    bool WriteBaseline,
    string? BaselineFile,
    bool NoBaseline,
    IReadOnlyList<string> Analyzers)
{
    /// <summary><c>infralint fix</c>.</summary>
    public bool Fix { get; init; }

    /// <summary><c>--diff</c>: print the fixes as a unified diff, write nothing.</summary>
    public bool Diff { get; init; }

    /// <summary><c>--unsafe-fixes</c>: apply the unsafe fixes too.</summary>
    public bool UnsafeFixes { get; init; }

    public static readonly string[] Formats = ["text", "sarif", "json"];

    public static (CommandLine? Command, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? path = null, format = "text", output = null, baseline = null;
        bool help = false, version = false, writeBaseline = false, noBaseline = false, fix = false, diff = false, unsafeFixes = false;
        var analyzers = new List<string>();
        int first = 0;
        if (args.Count > 0 && args[0] == "baseline")
        {
            writeBaseline = true;
            first = 1;
        }
        else if (args.Count > 0 && args[0] == "fix")
        {
            fix = true;
            first = 1;
        }

        for (int i = first; i < args.Count; i++)
        {
            string arg = args[i];
            string? Value()
            {
                return ++i < args.Count ? args[i] : null;
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "-f" or "--format":
                    string? formatValue = Value();
                    if (formatValue is null)
                    {
                        return (null, $"{arg} needs a value: {string.Join('|', Formats)}");
                    }

                    format = formatValue.ToLowerInvariant();
                    if (!Formats.Contains(format))
                    {
                        return (null, $"unknown format '{formatValue}': use {string.Join('|', Formats)}");
                    }

                    break;
                case "-o" or "--output":
                    output = Value();
                    if (output is null)
                    {
                        return (null, $"{arg} needs a file path");
                    }

                    break;
                case "--baseline":
                    baseline = Value();
                    if (baseline is null)
                    {
                        return (null, "--baseline needs a file path");
                    }

                    break;
                case "--no-baseline":
                    noBaseline = true;
                    break;
                case "--diff" when fix:
                    diff = true;
                    break;
                case "--unsafe-fixes" when fix:
                    unsafeFixes = true;
                    break;
                case "--analyzer":
                    string? analyzer = Value();
                    if (analyzer is null)
                    {
                        return (null, "--analyzer needs the path of an assembly (.dll)");
                    }

                    analyzers.Add(analyzer);
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return (null, $"unknown option '{arg}'");
                    }

                    if (path is not null)
                    {
                        return (null, $"only one PATH may be given ('{path}' and '{arg}')");
                    }

                    path = arg;
                    break;
            }
        }

        if (noBaseline && baseline is not null)
        {
            return (null, "--baseline and --no-baseline cannot be combined");
        }

        if (writeBaseline && noBaseline)
        {
            return (null, "'infralint baseline' writes the baseline: --no-baseline makes no sense there");
        }

        if (writeBaseline && (output is not null || format != "text"))
        {
            return (null, "'infralint baseline' writes the baseline file only: use --baseline FILE to choose where");
        }

        if (fix && (output is not null || format != "text"))
        {
            return (null, "'infralint fix' changes the files (or prints a diff with --diff): --format and --output make no sense there");
        }

        return (new CommandLine(path ?? ".", format, output, help, version, writeBaseline, baseline, noBaseline, analyzers) { Fix = fix, Diff = diff, UnsafeFixes = unsafeFixes }, null);
    }
}
