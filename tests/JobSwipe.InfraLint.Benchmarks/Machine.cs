using System.Globalization;
using System.Runtime.InteropServices;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>What the figures depend on: cores, memory, OS, SDK, load.</summary>
public static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]} (1 / 5 / 15 min)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return "unknown";
        }
    }

    public static string Memory()
    {
        try
        {
            string? line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            long kilobytes = long.Parse(line!["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (kilobytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or NullReferenceException)
        {
            return "unknown";
        }
    }

    public static string OperatingSystem()
    {
        try
        {
            string? pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                return pretty["PRETTY_NAME=".Length..].Trim('"') + ", kernel " + Environment.OSVersion.Version;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.OSDescription;
    }

    public static void Describe(Report report, string repositoryRoot)
    {
        string sdk = ChildProcess.FirstLine("dotnet", "--version") ?? "unknown";
        string commit = ChildProcess.FirstLine("git", "-C", repositoryRoot, "rev-parse", "--short", "HEAD") ?? "unknown";
        report.Table(
            ["machine", "value"],
            [
                ["date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                ["cores (nproc)", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)],
                ["memory", Memory()],
                ["OS", OperatingSystem()],
                [".NET SDK / runtime", $"{sdk} / {RuntimeInformation.FrameworkDescription}"],
                ["commit", commit],
                ["load average at start", LoadAverage()],
            ]);
    }
}
