namespace JobSwipe.InfraLint.Cli;

/// <summary>The parsed command line: <c>infralint [PATH] [--format text|json] [--output FILE]</c>.</summary>
internal sealed record CommandLine(string Path, string Format, string? Output, bool Help, bool Version)
{
    public static readonly string[] Formats = ["text", "json"];

    public static (CommandLine? Command, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? path = null, format = "text", output = null;
        bool help = false, version = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "-f" or "--format":
                    if (++i >= args.Count)
                    {
                        return (null, $"{arg} needs a value: {string.Join('|', Formats)}");
                    }

                    format = args[i].ToLowerInvariant();
                    if (!Formats.Contains(format))
                    {
                        return (null, $"unknown format '{args[i]}': use {string.Join('|', Formats)}");
                    }

                    break;
                case "-o" or "--output":
                    if (++i >= args.Count)
                    {
                        return (null, $"{arg} needs a file path");
                    }

                    output = args[i];
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

        return (new CommandLine(path ?? ".", format, output, help, version), null);
    }
}
