using System.Reflection;
using JobSwipe.InfraLint.Cli;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;

const string Usage = """
    Usage: infralint [PATH] [--format text|json] [--output FILE]

    Lints the infrastructure files (Dockerfiles, Docker Compose, fly.toml, deploy scripts, env files,
    Procfiles, CI workflows) under PATH (default: the current folder).

    Options:
      -f, --format text|json   text: one canonical line per finding, as MSBuild prints them (default)
                               json: {"findings":[{ruleId, severity, path, line, column, endLine, endColumn, message, helpUri}]}
      -o, --output FILE        write the report to FILE instead of standard output
          --version            print the version
      -h, --help               print this help

    Exit codes: 0 no error finding, 1 at least one error finding, 2 bad usage.
    """;

var (command, error) = CommandLine.Parse(args);
if (command is null)
{
    Console.Error.WriteLine($"infralint: {error}");
    Console.Error.WriteLine(Usage);
    return 2;
}

if (command.Help)
{
    Console.WriteLine(Usage);
    return 0;
}

if (command.Version)
{
    Console.WriteLine(typeof(LintEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
    return 0;
}

if (!Directory.Exists(command.Path))
{
    Console.Error.WriteLine($"infralint: '{command.Path}' is not a folder");
    return 2;
}

var result = LintEngine.Run(new LintOptions(command.Path));
string report = command.Format switch
{
    "json" => FindingsFile.From(result, fingerprint: null).ToJson(),
    _ => string.Join(Environment.NewLine, result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath))),
};

if (command.Output is not null)
{
    File.WriteAllText(command.Output, report + Environment.NewLine);
}
else if (report.Length > 0)
{
    Console.WriteLine(report);
}

Console.Error.WriteLine(
    $"infralint: {result.FilesDiscovered} files, {result.FilesAnalyzed} analyzed: {result.Count(DiagnosticSeverity.Error)} error(s), " +
    $"{result.Count(DiagnosticSeverity.Warning)} warning(s), {result.Count(DiagnosticSeverity.Info)} info in {result.Timings.Total.TotalMilliseconds:0} ms");
return result.HasErrors ? 1 : 0;
