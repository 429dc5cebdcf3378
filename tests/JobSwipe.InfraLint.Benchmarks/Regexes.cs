using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>
/// The <c>--regexes DIR</c> mode: every regular expression the engine declares as a static member (the
/// <c>[GeneratedRegex]</c> methods and static <c>Regex</c> fields and properties) and JSI7002's raw-text test, each timed
/// over the whole lower-cased text of every YAML, JSON, shell and Makefile file under DIR. A pattern the engine runs on a
/// line or a value is timed on whole texts too, so the table over-states its cost: it is a list of suspects (a pattern
/// whose worst text costs far more per byte than its total does backtracks), not of costs.
/// </summary>
public static class Regexes
{
    private static readonly string[] Extensions = [".yml", ".yaml", ".json", ".sh", ".bash", ".mk"];

    public static void Measure(string root, int top)
    {
        Growth();
        Console.WriteLine();
        var texts = Texts(root);
        long bytes = texts.Sum(t => (long)t.Text.Length);
        Console.WriteLine($"{texts.Count:N0} texts, {bytes:N0} characters under {root}");
        if (texts.Count == 0)
        {
            return;
        }


        var raw = Time(texts, TestCommands.RunsTestsInRawText);
        Console.WriteLine($"JSI7002 raw-text test: total {raw.TotalMs:F0} ms, max {raw.MaxMs:F1} ms, p99 {raw.P99Ms:F2} ms, matched {raw.Matched:N0}; slowest:");
        foreach (var (path, length, ms) in raw.Slowest.Take(top))
        {
            Console.WriteLine($"  {ms,8:F1} ms {length,10:N0} {Path.GetRelativePath(root, path)}");
        }

        Console.WriteLine();
        Console.WriteLine("| pattern | declared in | total ms | max ms | p99 ms | slowest text (characters) |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        var rows = Declared().Select(d => (d.Name, d.Regex, Timing: Time(texts, t => d.Regex.IsMatch(t)))).OrderByDescending(r => r.Timing.MaxMs).Take(top);
        foreach (var (name, regex, timing) in rows)
        {
            string pattern = regex.ToString();
            pattern = pattern.Length > 60 ? pattern[..60] + "…" : pattern;
            var (slowPath, slowLength, _) = timing.Slowest[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{pattern.Replace("|", "\\|", StringComparison.Ordinal)}` | {name} | {timing.TotalMs:F0} | {timing.MaxMs:F1} | {timing.P99Ms:F2} | {Path.GetRelativePath(root, slowPath)} ({slowLength:N0}) |"));
        }
    }

    /// <summary>Units repeated into long texts that make a backtracking pattern re-scan: runs of one class, blank lines, keyword soup on one line.</summary>
    private static readonly string[] Adversarial =
    [
        "a1.b-c_", "abc123", "A_B1", "x:", " ", "\n", " \n\t", "word ", "\"k\": \"v\", ", "{{ ${ $( <% ",
        "docker run go npm mvn gradle make name: test ", "alembic rotat audit services: class ( environ ",
    ];

    /// <summary>
    /// For every pattern, the time on each adversarial text of 8,000 and of 16,000 characters: a pattern linear in the
    /// text takes about twice as long on the longer, one that re-scans a run from each of its positions four times.
    /// Prints the patterns whose worst growth is above 3 (best of three timings each, so noise does not flag a pattern).
    /// </summary>
    public static void Growth()
    {
        static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];
        static double Best(Func<string, bool> match, string text) =>
            Enumerable.Range(0, 3).Min(_ => { var clock = Stopwatch.StartNew(); match(text); return clock.Elapsed.TotalMilliseconds; });

        var patterns = Declared().Select(d => (d.Name, Match: (Func<string, bool>)(t => d.Regex.IsMatch(t))))
            .Append(("TestCommands.RunsTestsInRawText", TestCommands.RunsTestsInRawText));
        Console.WriteLine("| pattern | text unit | ms at 8,000 | ms at 16,000 | growth |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var (name, match) in patterns)
        {
            var worst = Adversarial.Select(unit => (Unit: unit, Short: Best(match, Repeat(unit, 8_000)), Long: Best(match, Repeat(unit, 16_000))))
                .Where(r => r.Long > 0.5).OrderByDescending(r => r.Long / r.Short).FirstOrDefault();
            if (worst.Unit is not null && worst.Long / worst.Short > 3)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | `{worst.Unit.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)}` | {worst.Short:F1} | {worst.Long:F1} | {worst.Long / worst.Short:F1}× |"));
            }
        }
    }

    private sealed record Timing(double TotalMs, double MaxMs, double P99Ms, int Matched, List<(string Path, int Length, double Ms)> Slowest);

    private static Timing Time(List<(string Path, string Text)> texts, Func<string, bool> match)
    {
        match("warm-up: npm test");
        var times = new List<(string Path, int Length, double Ms)>(texts.Count);
        int matched = 0;
        foreach (var (path, text) in texts)
        {
            var clock = Stopwatch.StartNew();
            matched += match(text) ? 1 : 0;
            times.Add((path, text.Length, clock.Elapsed.TotalMilliseconds));
        }

        var sorted = times.OrderByDescending(t => t.Ms).ToList();
        return new Timing(times.Sum(t => t.Ms), sorted[0].Ms, sorted[Math.Min(sorted.Count - 1, sorted.Count / 100)].Ms, matched, sorted);
    }

    private static List<(string Path, string Text)> Texts(string root) =>
        [.. Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(f => !f.Contains("/.git/", StringComparison.Ordinal)
                && (Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) || Path.GetFileName(f) is "Makefile" or "makefile" or "GNUmakefile"))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f).ToLowerInvariant()))];

    /// <summary>The engine's static regular expressions, by declaring type and member.</summary>
    private static IEnumerable<(string Name, Regex Regex)> Declared()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(TestCommands).Assembly.GetTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            foreach (var member in type.GetMembers(Static))
            {
                object? value = member switch
                {
                    MethodInfo m when m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsGenericMethodDefinition => m.Invoke(null, null),
                    PropertyInfo p when p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0 => p.GetValue(null),
                    FieldInfo f when f.FieldType == typeof(Regex) => f.GetValue(null),
                    _ => null,
                };
                if (value is Regex regex && !type.Name.Contains('<', StringComparison.Ordinal))
                {
                    yield return ($"{type.Name}.{member.Name}", regex);
                }
            }
        }
    }
}
