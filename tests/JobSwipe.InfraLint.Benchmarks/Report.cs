using System.Globalization;
using System.Text;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>Markdown written to the console as it is produced, and kept for <c>--output</c>.</summary>
public sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "")
    {
        Console.WriteLine(line);
        _text.Append(line).Append('\n');
    }

    public void Heading(string title)
    {
        Line();
        Line("## " + title);
        Line();
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row) + " |");
        }
    }

    /// <summary>A progress note on standard error only (not part of the report).</summary>
    public static void Progress(string message) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, _text.ToString());
    }
}

/// <summary>Medians and number formatting.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Ms(double milliseconds) => milliseconds >= 100
        ? milliseconds.ToString("N0", CultureInfo.InvariantCulture)
        : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Mb(double bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "n/a";

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"median (min–max)" of milliseconds.</summary>
    public static string Spread(IReadOnlyCollection<double> milliseconds) => milliseconds.Count <= 1
        ? Ms(Median(milliseconds))
        : $"{Ms(Median(milliseconds))} ({Ms(milliseconds.Min())}–{Ms(milliseconds.Max())})";
}
