using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// One timed child process: wall time, peak resident set size, exit code and how much it printed; with GNU time, also
/// the CPU time (user + system) of the child and the descendants it waited for (NaN without).
/// </summary>
public sealed record ChildRun(TimeSpan Wall, long PeakRssBytes, int ExitCode, int OutputLines, string Tail)
{
    public double CpuSeconds { get; init; } = double.NaN;
}

/// <summary>
/// Runs a child process and measures it. Wall time is a Stopwatch from start to exit. Peak memory is the child's peak
/// RSS: with GNU time present (<c>/usr/bin/time</c>) the child runs under <c>/usr/bin/time -f "%U %S %M"</c>, which prints the
/// kernel's CPU times and ru_maxrss after wait4 (exact; the wrapper adds about a millisecond to the wall time); without it the
/// child's <c>/proc/PID/status</c> VmHWM (the kernel's high-water mark) is polled every 5 ms until it exits, which can
/// miss growth in its last 5 ms. Output is read and counted, never kept beyond a short tail.
/// </summary>
public static class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime { get; } = File.Exists(GnuTime) && IsGnuTime();

    public static string PeakMemoryMethod => HasGnuTime
        ? "/usr/bin/time -f \"%U %S %M\" (the kernel's ru_maxrss of the child)"
        : "/proc/PID/status VmHWM polled every 5 ms";

    /// <param name="onLine">Called with each line the child prints (standard output and error), for a caller that reads it.</param>
    public static ChildRun Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, Action<string>? onLine = null)
    {
        string? rssFile = HasGnuTime ? Path.Combine(Path.GetTempPath(), "infralint-bench-rss-" + Guid.NewGuid().ToString("N") + ".txt") : null;
        var start = new ProcessStartInfo(rssFile is null ? fileName : GnuTime)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (rssFile is not null)
        {
            foreach (string argument in new[] { "-f", "%U %S %M", "-o", rssFile, fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        DotNetEnvironment.Apply(start, environment);
        int lines = 0;
        var tail = new Queue<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                onLine?.Invoke(line);
                lines++;
                tail.Enqueue(line);
                if (tail.Count > 8)
                {
                    tail.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long polledPeak = 0;
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        while (!process.WaitForExit(rssFile is null ? 5 : 50))
        {
            if (rssFile is null)
            {
                polledPeak = Math.Max(polledPeak, ReadVmHwm(process.Id));
            }

            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        process.WaitForExit();
        clock.Stop();
        long peak = polledPeak;
        double cpu = double.NaN;
        if (rssFile is not null)
        {
            (cpu, long kilobytes) = ReadGnuTime(rssFile);
            peak = kilobytes * 1024;
            File.Delete(rssFile);
        }

        string text;
        lock (tail)
        {
            text = string.Join('\n', tail);
        }

        return new ChildRun(clock.Elapsed, peak, process.ExitCode, lines, text) { CpuSeconds = cpu };
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a short command and returns its first non-empty output line (a version), or null.</summary>
    public static string? FirstLine(string fileName, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + "\n" + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsGnuTime() => FirstLine(GnuTime, "--version")?.Contains("GNU", StringComparison.Ordinal) == true;

    private static long ReadVmHwm(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    /// <summary>The user + system seconds and the peak RSS in KiB of GNU time's "%U %S %M" line; NaN and 0 when absent.</summary>
    private static (double CpuSeconds, long Kilobytes) ReadGnuTime(string path)
    {
        // GNU time writes "Command exited with non-zero status N" before the figures when the child fails.
        string? last = File.Exists(path) ? File.ReadAllLines(path).LastOrDefault(l => l.Trim().Length > 0) : null;
        string[] parts = last?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (parts.Length != 3)
        {
            return (double.NaN, 0);
        }

        bool cpu = double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double user) & double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double system);
        return (cpu ? user + system : double.NaN, long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kilobytes) ? kilobytes : 0);
    }
}

/// <summary>The environment of every child: no MSBuild variables inherited from a parent build, no node reuse, no telemetry.</summary>
public static class DotNetEnvironment
{
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? extra)
    {
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
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
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
    }
}
