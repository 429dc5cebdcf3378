using System.Diagnostics;
using System.Text;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>The result of one dotnet invocation: exit code, stdout and stderr interleaved, the log file's path.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed, string LogPath);

/// <summary>Runs the dotnet CLI as a child process, with a clean MSBuild environment and a time limit.</summary>
public static class DotNet
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// For <c>dotnet pack</c>: it compiles ReadyToRun code for five platforms (task and tool), about a minute on a quiet
    /// 2-core machine and several times that on a loaded one.
    /// </summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(30);
    private static int _sequence;

    /// <param name="environment">Variables to set (null values remove them) on top of the cleaned environment.</param>
    /// <param name="logName">The full output is written to logs/{sequence}-{logName}.log of the run.</param>
    /// <param name="timeout">How long before the process is killed; five minutes unless given.</param>
    public static ProcessResult Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, string logName, TimeSpan? timeout = null) =>
        RunExecutable("dotnet", workingDirectory, arguments, logName, environment, timeout);

    /// <summary>Runs another program (an installed tool) the same way: cleaned environment, timeout, output logged.</summary>
    public static ProcessResult RunExecutable(string fileName, string workingDirectory, IReadOnlyList<string> arguments, string logName, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What the test host inherited from the MSBuild that may have started it must not steer the child's MSBuild.
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append(output, $"[integration test] {fileName} did not finish within {limit.TotalMinutes} minutes and was killed.");
        }

        process.WaitForExit();
        clock.Stop();
        string commandLine = Path.GetFileName(fileName) + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        int sequence = Interlocked.Increment(ref _sequence);
        string logPath = Path.Combine(IntegrationRun.LogsDirectory, $"{sequence:000}-{logName}.log");
        File.WriteAllText(logPath, $"> {commandLine}{Environment.NewLine}(in {workingDirectory}){Environment.NewLine}{text}");
        return new ProcessResult(commandLine, process.ExitCode, text, clock.Elapsed, logPath);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
