using System.Globalization;
using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Benchmarks;

/// <summary>Reads the line <c>infralint --timings</c> writes to standard error (see the CLI's <c>LintCommand.FormatTimings</c>).</summary>
public static partial class ToolTimings
{
    /// <summary>The parts of the line, in its order: key in the line, name in the report, and what the part covers.</summary>
    public static readonly (string Key, string Name, string What)[] Parts =
    [
        ("start-up", "start-up", "process start to the command's action: runtime, assembly loading, JIT, option parsing"),
        ("discovery", "discovery", "walk, classify, .editorconfig, compose fragments (wall)"),
        ("parsing", "parsing", "read and parse every file, in parallel (wall)"),
        ("rules", "rules", "file actions in parallel, then repository actions (wall)"),
        ("reporting", "reporting", "severity, suppressions, fingerprints, order, baseline (wall)"),
        ("output", "output", "rendering and writing the text report and the summary (wall)"),
        ("read", "· read (thread time)", "reading and decoding files, summed over the worker threads"),
        ("parse", "· parse (thread time)", "parsing the text into models, summed over the worker threads"),
        ("facts", "· semantic facts (thread time)", "the shared facts of Semantics/, computed on a rule's first request"),
        ("rules ", "· rules (thread time)", "the rules' own work, facts taken out"),
        ("cpu", "process CPU time", "user + system time of the whole process, every thread, runtime and GC included"),
        ("paused", "· garbage collector pauses", "time the GC held the program's threads (GC.GetTotalPauseDuration)"),
        ("jit", "· JIT compilation", "time the JIT spent compiling methods, summed over threads (JitInfo.GetCompilationTime)"),
    ];

    /// <summary>The parts found in the output's last lines, in milliseconds (empty without a timings line).</summary>
    public static Dictionary<string, double> Parse(string tail)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        string? line = tail.Split('\n').LastOrDefault(l => l.StartsWith("infralint timings:", StringComparison.Ordinal));
        if (line is null)
        {
            return result;
        }

        // The wall parts come before the ';', the thread-time parts after it; "rules" is in both, so the second is "rules ".
        string[] halves = line.Split(';', 2);
        for (int half = 0; half < halves.Length; half++)
        {
            foreach (Match match in Part().Matches(halves[half]))
            {
                string key = match.Groups["name"].Value + (half == 1 && match.Groups["name"].Value == "rules" ? " " : string.Empty);
                result[key] = double.Parse(match.Groups["ms"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
        }

        return result;
    }

    [GeneratedRegex(@"(?<name>[a-z-]+) (?<ms>[0-9,]+) ms")]
    private static partial Regex Part();
}
