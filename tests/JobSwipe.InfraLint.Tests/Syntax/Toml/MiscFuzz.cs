using System.Diagnostics;

namespace JobSwipe.InfraLint.Tests.Syntax.Toml;

/// <summary>Mutation fuzzing shared by the TOML, fly.toml, dotenv, Procfile, manifest and dockerignore parser tests.</summary>
internal static class MiscFuzz
{
    public const int DefaultIterations = 1000;

    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultIterations;

    private static readonly string[] Inserts = ["\0", "\u0001", "\r", "\n", "\"", "'", "[", "]", "{", "}", "=", "#", "\\", "${", "\u00e9", "\ud83d\ude00", "\ud800", "[[", "\"\"\"", "'''", ",", ".", " ", "\t", "!", "*", "**"];

    /// <summary>Runs <paramref name="parse"/> on mutations of the seeds; returns the total elapsed time.</summary>
    public static TimeSpan Run(IReadOnlyList<string> seeds, Action<string> parse, int seed = 12345, int divisor = 1)
    {
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        int iterations = Math.Max(1, Iterations / divisor);
        for (int i = 0; i < iterations; i++)
        {
            string source = seeds[random.Next(seeds.Count)];
            string mutated = Mutate(source, random);
            parse(mutated);
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Gives <paramref name="compare"/> at least <paramref name="minimum"/> mutations of the seeds (more with
    /// <c>INFRALINT_FUZZ_ITERATIONS</c>); returns how many it accepted (a differential test's reader read them).
    /// </summary>
    public static int CountAccepted(IReadOnlyList<string> seeds, int minimum, Func<string, bool> compare)
    {
        var random = new Random(19);
        int accepted = 0;
        for (int i = 0; i < Math.Max(minimum, Iterations); i++)
        {
            accepted += compare(Mutate(seeds[random.Next(seeds.Count)], random)) ? 1 : 0;
        }

        return accepted;
    }

    /// <summary>The files under the folders named in the environment variable <paramref name="variable"/> (separated by the path separator) whose names end with one of <paramref name="endings"/>.</summary>
    public static IEnumerable<string> CorpusFiles(string variable, params string[] endings) =>
        (Environment.GetEnvironmentVariable(variable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => endings.Any(e => file.EndsWith(e, StringComparison.Ordinal)));

    public static string Mutate(string source, Random random)
    {
        if (source.Length == 0)
        {
            return Inserts[random.Next(Inserts.Length)];
        }

        char[] chars = source.ToCharArray();
        switch (random.Next(6))
        {
            case 0:
                return source[..random.Next(source.Length + 1)];
            case 1:
                for (int k = 0; k < 1 + random.Next(4); k++)
                {
                    int at = random.Next(chars.Length);
                    chars[at] = (char)(chars[at] ^ (1 << random.Next(8)));
                }

                return new string(chars);
            case 2:
                {
                    int at = random.Next(source.Length + 1);
                    return source[..at] + Inserts[random.Next(Inserts.Length)] + source[at..];
                }

            case 3:
                {
                    int at = random.Next(source.Length);
                    int len = random.Next(Math.Min(20, source.Length - at) + 1);
                    return source.Remove(at, len);
                }

            case 4:
                {
                    // Deep nesting: a run of openers (and sometimes closers) inserted somewhere.
                    int at = random.Next(source.Length + 1);
                    string[] openers = ["[", "{a=", "{\"k\":", "[[", "${"];
                    string opener = openers[random.Next(openers.Length)];
                    int depth = 200 + random.Next(400);
                    var sb = new System.Text.StringBuilder(source[..at]);
                    for (int k = 0; k < depth; k++)
                    {
                        sb.Append(opener);
                    }

                    if (random.Next(2) == 0)
                    {
                        sb.Append('1').Append(opener.Contains('{') ? '}' : ']', depth);
                    }

                    return sb.Append(source[at..]).ToString();
                }

            default:
                {
                    int at = random.Next(source.Length + 1);
                    int len = random.Next(Math.Min(30, source.Length - at) + 1);
                    return source[..at] + source.Substring(at, len) + source.Substring(at, len) + source[at..];
                }
        }
    }
}
