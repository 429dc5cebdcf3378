using System.Globalization;
using System.Reflection;
using JobSwipe.InfraLint.Cli;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Reporting;

const string Usage = """
    Usage: infralint [PATH] [--format text|sarif|json] [--output FILE] [--baseline FILE | --no-baseline] [--analyzer DLL]...
           infralint baseline [PATH] [--baseline FILE] [--analyzer DLL]...

    Lints the infrastructure files (Dockerfiles, Docker Compose, fly.toml, deploy scripts, env files,
    Procfiles, CI workflows) under PATH (default: the current folder).

    Commands:
      baseline                 write today's findings to the baseline file (default PATH/infralint.baseline.json),
                               so that only new findings are reported from now on

    Options:
      -f, --format text|sarif|json
                               text: one canonical line per finding, as MSBuild prints them (default)
                               sarif: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
                               json: {"findings":[{ruleId, severity, path, line, column, endLine, endColumn, message, helpUri, fingerprint}]}
      -o, --output FILE        write the report to FILE instead of standard output
          --baseline FILE      the baseline file (default: PATH/infralint.baseline.json, used when it exists)
          --no-baseline        ignore the baseline file: report every finding
          --analyzer DLL       also run the custom analyzers of this assembly (repeatable; see docs/custom-rules.md)
          --version            print the version
      -h, --help               print this help

    A summary per severity goes to standard error.
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

foreach (string analyzer in command.Analyzers)
{
    if (!File.Exists(analyzer))
    {
        Console.Error.WriteLine($"infralint: the analyzer assembly '{analyzer}' does not exist");
        return 2;
    }
}

string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(command.Path));
string baselinePath = Path.GetFullPath(command.BaselineFile ?? Path.Combine(root, Baseline.DefaultFileName));
if (!command.WriteBaseline && command.BaselineFile is not null && !File.Exists(baselinePath))
{
    Console.Error.WriteLine($"infralint: the baseline file '{command.BaselineFile}' does not exist (write it with 'infralint baseline')");
    return 2;
}

var options = new LintOptions(root)
{
    AnalyzerAssemblies = [.. command.Analyzers.Select(Path.GetFullPath)],
    BaselineFile = command.WriteBaseline || command.NoBaseline ? null : baselinePath,
};

var result = LintEngine.Run(options);
if (command.WriteBaseline)
{
    var baseline = Baseline.FromDiagnostics(result.Diagnostics);
    try
    {
        baseline.Write(baselinePath);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"infralint: the baseline file '{baselinePath}' cannot be written ({ex.GetType().Name})");
        return 2;
    }

    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"infralint: wrote {result.Diagnostics.Count} finding(s) ({baseline.Entries.Count} distinct) to {baselinePath}; from now on only new findings are reported"));
    return 0;
}

string report = command.Format switch
{
    "json" => FindingsFile.From(result, fingerprint: null).ToJson(),
    "sarif" => SarifWriter.Write(result, result.Rules).TrimEnd('\n'),
    _ => string.Join(Environment.NewLine, result.Diagnostics.Select(d => CanonicalFormatter.Format(d, result.RootFullPath))),
};

try
{
    if (command.Output is not null)
    {
        string output = Path.GetFullPath(command.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, report + Environment.NewLine);
    }
    else if (report.Length > 0)
    {
        Console.WriteLine(report);
    }
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"infralint: the report cannot be written to '{command.Output}' ({ex.GetType().Name})");
    return 2;
}

string baselined = result.BaselineSuppressed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {result.BaselineSuppressed} suppressed by the baseline") : string.Empty;
baselined += result.BinaryFilesSkipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {result.BinaryFilesSkipped} binary file(s) not scanned for secrets") : string.Empty;
Console.Error.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"infralint: {result.FilesDiscovered} files, {result.FilesAnalyzed} analyzed: {result.Count(DiagnosticSeverity.Error)} error(s), {result.Count(DiagnosticSeverity.Warning)} warning(s), {result.Count(DiagnosticSeverity.Info)} info{baselined} in {result.Timings.Total.TotalMilliseconds:0} ms"));
return result.HasErrors ? 1 : 0;
