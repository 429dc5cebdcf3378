using System.Globalization;
using System.Text;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// The 100 MB text case (issue 17): 25 source and configuration files of 4 MB each (under the 4 MiB read limit), with
/// the names secret scanners look for on many lines (key, token, password, secret) and a provider-shaped or random
/// credential every few thousand lines, linted in process by every analyzer. Reports MB/s over the text.
/// </summary>
public static class LargeText
{
    public const int Files = 25;
    public const int BytesPerFile = 4_000_000;

    private static readonly string[] Kinds = [".py", ".ts", ".yaml", ".json", ".properties"];

    /// <summary>Writes the files under <paramref name="root"/>; returns the total size in bytes.</summary>
    public static long Write(string root)
    {
        Directory.CreateDirectory(root);
        var random = new Random(17);
        long total = 0;
        for (int f = 0; f < Files; f++)
        {
            string kind = Kinds[f % Kinds.Length];
            var text = new StringBuilder(BytesPerFile + 200);
            int line = 0;
            while (text.Length < BytesPerFile)
            {
                text.Append(Line(kind, line++, random)).Append('\n');
            }

            string path = Path.Combine(root, "src", $"module{f:D2}{kind}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ToString());
            total += new FileInfo(path).Length;
        }

        return total;
    }

    private static string Line(string kind, int n, Random random)
    {
        string Word(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);
        string Random(int length) => new([.. Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random.Next(62)])]);
        if (n % 5000 == 4999)
        {
            // A credential now and then: a random value under a secret-like name, or a provider format.
            return n % 10000 == 9999 ? $"api_key = \"{Random(40)}\"" : "token: gh" + "p_" + Random(36);
        }

        return (n % 7, kind) switch
        {
            (0, _) => $"# the {Word(6)} key is read from the settings; see {Word(8)}.md for the token rotation",
            (1, ".json") => $"  \"{Word(8)}_key\": \"{Word(5)}.{Word(7)}\",",
            (1, ".yaml") => $"  {Word(8)}_token_url: https://{Word(6)}.example.test/oauth/token",
            (1, _) => $"    {Word(8)}_password_file = \"/run/secrets/{Word(6)}\"",
            (2, _) => $"    value = compute_{Word(7)}(key={Word(5)}, retries={random.Next(10)}, timeout={random.Next(100)})",
            (3, _) => $"    return self.{Word(6)}.get(\"{Word(8)}\", default=None)  # {Word(10)}",
            (4, _) => $"{Word(10)}.{Word(8)} = {random.Next(100000)}",
            (5, _) => $"  - name: {Word(12)}\n    image: registry.example.test/{Word(8)}:{random.Next(9)}.{random.Next(20)}",
            _ => $"    logger.info(\"processed %d {Word(9)} records in %s\", count, {Word(6)})",
        };
    }

    /// <summary>Lints the files in process: two warm-up runs, then <paramref name="runs"/> measured ones.</summary>
    public static void Measure(Report report, string root, long bytes, int runs)
    {
        InProcess.RunOnce(root);
        var measured = Enumerable.Range(0, runs).Select(_ => InProcess.RunOnce(root)).ToList();
        double median = Stats.Median(measured.Select(r => r.WallMs));
        double mb = bytes / 1_000_000.0;
        var jsi5001 = measured[0].Analyzers.FirstOrDefault(a => a.RuleIds.Contains("JSI5001", StringComparison.Ordinal));
        report.Heading($"{mb:0} MB of text files, in process");
        report.Table(
            ["figure", "value"],
            [
                ["files / size", string.Create(CultureInfo.InvariantCulture, $"{Files} / {mb:0.0} MB")],
                [$"median wall time of {runs} runs (min–max)", Stats.Spread([.. measured.Select(r => r.WallMs)])],
                ["throughput (median)", string.Create(CultureInfo.InvariantCulture, $"{mb / (median / 1000):0.0} MB/s")],
                ["JSI5001 time, summed over threads (first measured run)", jsi5001 is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{jsi5001.Time.TotalMilliseconds:0} ms")],
                ["findings", measured[0].Findings.ToString(CultureInfo.InvariantCulture)],
            ]);
    }
}
