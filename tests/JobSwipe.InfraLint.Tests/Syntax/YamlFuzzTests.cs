using System.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax;

/// <summary>Mutates the YAML fixtures and checks the YAML, compose and CI parsers never throw and do not blow up.</summary>
public class YamlFuzzTests
{
    private const int DefaultIterations = 1500;

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultIterations;

    [Test]
    public void Mutated_fixtures_never_throw()
    {
        var seeds = new[]
        {
            File.ReadAllText(Compose.ComposeParserTests.FixturePath("full.compose.yml")),
            File.ReadAllText(Ci.CiWorkflowParserTests.FixturePath("build.yml")),
            File.ReadAllText(Ci.CiWorkflowParserTests.FixturePath("gitlab-ci.yml")),
            File.ReadAllText(Ci.CiWorkflowParserTests.FixturePath("azure-pipelines.yml")),
            "a: &a [x, y]\nb: &b [*a, *a, *a]\nc: {<<: *b}\nd: |\n  lit\n",
        };
        var random = new Random(12345);
        var sw = Stopwatch.StartNew();
        int iterations = Iterations;
        for (int i = 0; i < iterations; i++)
        {
            string seed = seeds[i % seeds.Length];
            string input = Mutate(seed, random);
            var text = new SourceText(input);
            Assert.DoesNotThrow(() =>
            {
                var yaml = YamlParser.Parse(text);
                if (yaml.Model is null)
                {
                    throw new InvalidOperationException("no model");
                }

                ComposeParser.Parse(text);
                CiWorkflowParser.Parse(text, (CiKind)(i % 3));
            }, $"iteration {i}");
        }

        BlowUpGuard.Check(sw.Elapsed, TimeSpan.FromSeconds(Math.Max(10, iterations / 150)));
    }

    private static string Mutate(string seed, Random random)
    {
        var chars = seed.ToCharArray().ToList();
        switch (random.Next(6))
        {
            case 0:
                return seed[..random.Next(seed.Length + 1)];
            case 1:
                for (int k = 0; k < 1 + random.Next(5); k++)
                {
                    int at = random.Next(chars.Count);
                    chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
                }

                break;
            case 2:
                for (int k = 0; k < 1 + random.Next(3); k++)
                {
                    chars.Insert(random.Next(chars.Count + 1), "\0\t\r\u0001\u001b\uFEFF\uD800"[random.Next(7)]);
                }

                break;
            case 3:
                chars.InsertRange(random.Next(chars.Count + 1), string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "[" : "{a: ", random.Next(1, 3000))));
                break;
            case 4:
                chars.InsertRange(random.Next(chars.Count + 1), new[] { "&x ", "*x", "<<: ", "- ", ": ", "'", "\"", "|", "%YAML 1.1\n", "---\n", "? " }[random.Next(11)]);
                break;
            default:
                int from = random.Next(chars.Count);
                int len = random.Next(Math.Min(40, chars.Count - from) + 1);
                chars.InsertRange(random.Next(chars.Count + 1), chars.GetRange(from, len));
                break;
        }

        return new string([.. chars]);
    }
}
