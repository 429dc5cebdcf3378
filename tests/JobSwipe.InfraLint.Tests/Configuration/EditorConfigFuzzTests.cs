using System.Diagnostics;
using System.Globalization;
using System.Text;
using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class EditorConfigFuzzTests
{
    private const int DefaultIterations = 3000;

    private static readonly string[] Seeds =
    [
        EditorConfigDocumentTests.Sample,
        "root = true\n[*.{yml,yaml}]\ndotnet_diagnostic.JSI2001.severity = error\n[{a,{b,c{1..10}}}/**/[!x]?.toml]\ninfralint_environment = production\n[\\{\\}\\[]\nk: v # c\n",
        "[a]b] ; c\n[f\\#g]\n[{0..-5}]\n[[ab]]cd]\n= v\n[*\n[]\n",
    ];

    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "JSI2001", "JSI4001" };

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : DefaultIterations;

    [Test]
    public void Mutated_inputs_never_throw_and_stay_fast()
    {
        var random = new Random(20261127);
        var watch = Stopwatch.StartNew();
        int iterations = Iterations;
        for (int i = 0; i < iterations; i++)
        {
            string seed = Seeds[i % Seeds.Length];
            string input = Mutate(seed, random, i);
            Exercise(input);
        }

        if (iterations == DefaultIterations)
        {
            BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(5));
        }
    }

    [Test]
    public void Truncation_at_every_offset_never_throws()
    {
        foreach (string seed in Seeds)
        {
            for (int length = 0; length <= seed.Length; length++)
            {
                Exercise(seed[..length]);
            }
        }
    }

    [Test]
    public void Huge_and_deep_inputs_are_bounded()
    {
        var watch = Stopwatch.StartNew();
        Exercise("[" + new string('{', 20_000) + "a" + new string('}', 20_000) + "]\nk = v\n");
        Exercise("[" + string.Concat(Enumerable.Repeat("{a,", 200)) + "b" + new string('}', 200) + "]\nk = v\n");
        Exercise("[" + string.Concat(Enumerable.Repeat("*a", 2000)) + "]\nk = v\n");
        Exercise(string.Concat(Enumerable.Repeat("[*]\nk = v\n", 20_000)));
        Exercise("k = " + new string('#', 200_000));
        Exercise(new string('[', 100_000));
        Exercise(new string('\\', 100_000) + "]");
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(10));
    }

    private static void Exercise(string input)
    {
        EditorConfigDocument file = EditorConfigDocument.Parse(input, "/fuzz");
        foreach (ConfigurationProblem problem in file.Problems)
        {
            Assert.That(problem.Span.Start, Is.InRange(0, input.Length));
            Assert.That(problem.Span.End, Is.InRange(0, input.Length));
            _ = problem.LineSpan;
        }

        foreach (EditorConfigSection section in file.Sections)
        {
            Assert.That(file.Text.GetText(section.NameSpan), Is.EqualTo(section.Name));
        }

        var set = new EditorConfigSet([file]);
        foreach (string path in new[] { "/fuzz/a.yml", "/fuzz/deploy/fly.toml", "/fuzz/b/c1/x.toml", "/fuzz/{}[]" })
        {
            AnalyzerConfigOptions options = set.GetAnalyzerConfigOptions(path);
            options.TryGetSeverity("JSI2001", "Compose", true, out _, out _);
            options.TryGetEnvironment(out _);
        }

        set.Validate(Known);
    }

    private static string Mutate(string seed, Random random, int iteration)
    {
        var sb = new StringBuilder(seed);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            int position = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch ((iteration + m) % 7)
            {
                case 0:
                    sb.Length = position;
                    break;
                case 1 when sb.Length > 0:
                    sb[position] = (char)(sb[position] ^ (1 << random.Next(8)));
                    break;
                case 2:
                    sb.Insert(position, "\0\u0001\u001b\r\u2028\uFEFF"[random.Next(6)]);
                    break;
                case 3:
                    sb.Insert(position, "[]{},.\\!*?=:#;-"[random.Next(15)]);
                    break;
                case 4 when sb.Length > 0:
                    sb.Remove(position, Math.Min(random.Next(8), sb.Length - position));
                    break;
                case 5:
                    int depth = random.Next(1, 300);
                    sb.Insert(position, new string('{', depth) + "x" + new string('}', random.Next(depth + 1)));
                    break;
                default:
                    sb.Insert(position, (char)random.Next(0xD800, 0xDFFF));
                    break;
            }
        }

        return sb.ToString();
    }
}
