using System.Diagnostics;
using System.Text;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class DockerfileFuzzTests
{
    private const int DefaultIterations = 3000;

    private static readonly string[] Seeds =
    [
        "# syntax=docker/dockerfile:1.7\n# check=error=true\nARG BASE=python:3.12-slim\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\nWORKDIR /src\nCOPY --link --chown=app:app requirements.txt ./\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    # cache pip downloads\n    pip install -r requirements.txt && \\\n    rm -rf /tmp/*\nRUN <<-EOF\n\tset -e\n\techo \"${BASE}\"\n\tEOF\nCOPY <<a <<'b' /dst/\nA\na\nB $x\nb\nENV A=1 B=\"two words\" C=${A:-x}\nLABEL org.opencontainers.image.source=\"https://example.com\"\nHEALTHCHECK --interval=30s --start-period=5s CMD curl -f http://localhost/ || exit 1\nFROM gcr.io/distroless/static@sha256:abc\nCOPY --from=build /src /app\nUSER 65532:65532\nEXPOSE 8080/tcp\nENTRYPOINT [\"/app/server\", \"--port\", \"8080\"]\nCMD [\"serve\"]\n",
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\nRUN Invoke-WebRequest https://example.com/x.zip -OutFile x.zip; `\n    Expand-Archive x.zip -DestinationPath C:\\x\nENV PATH=\"C:\\x;${PATH}\"\nONBUILD RUN echo built\nVOLUME [\"C:\\\\data\"]\nSTOPSIGNAL SIGTERM\n",
    ];

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultIterations;

    private static void ParseSafely(string content)
    {
        var result = DockerfileParser.Parse(new SourceText(content));
        Assert.That(result.Model, Is.Not.Null);
        if (result.Errors.Any(e => e.Message.StartsWith("The Dockerfile could not be parsed", StringComparison.Ordinal)))
        {
            Assert.Fail("Internal parser failure on input: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(content)) + " " + result.Errors[0].Message);
        }

        foreach (var error in result.Errors)
        {
            Assert.That(error.Span.Start, Is.InRange(0, content.Length));
            Assert.That(error.Span.End, Is.InRange(0, content.Length));
        }

        if (result.Model is { } model)
        {
            foreach (var instruction in model.Instructions)
            {
                Assert.That(instruction.Span.End, Is.InRange(0, content.Length));
                if (instruction is CommandInstruction { ShellCommand: { } shell })
                {
                    for (int i = 0; i <= shell.Text.Length; i += Math.Max(1, shell.Text.Length / 7))
                    {
                        Assert.That(shell.MapToSource(i), Is.InRange(0, content.Length));
                    }
                }
            }
        }
    }

    [Test]
    public void Truncations_never_throw()
    {
        foreach (string seed in Seeds)
        {
            for (int i = 0; i <= seed.Length; i++)
            {
                ParseSafely(seed[..i]);
            }
        }
    }

    [Test]
    public void Random_mutations_never_throw_and_stay_fast()
    {
        var random = new Random(20261127);
        char[] specials = ['\0', '\u0001', '\r', '\n', '\t', '\\', '`', '"', '\'', '[', ']', '{', '}', '$', '<', '-', '=', ',', '#', ' ', '\uFEFF', '\uD800'];
        var watch = Stopwatch.StartNew();
        for (int n = 0; n < Iterations; n++)
        {
            var sb = new StringBuilder(Seeds[n % Seeds.Length]);
            int edits = 1 + random.Next(8);
            for (int e = 0; e < edits && sb.Length > 0; e++)
            {
                int at = random.Next(sb.Length);
                switch (random.Next(4))
                {
                    case 0:
                        sb[at] = (char)(sb[at] ^ (1 << random.Next(7)));
                        break;
                    case 1:
                        sb.Insert(at, specials[random.Next(specials.Length)]);
                        break;
                    case 2:
                        sb.Remove(at, Math.Min(sb.Length - at, 1 + random.Next(20)));
                        break;
                    default:
                        int from = random.Next(sb.Length);
                        int length = Math.Min(sb.Length - from, 1 + random.Next(40));
                        sb.Insert(at, sb.ToString(from, length));
                        break;
                }
            }

            ParseSafely(sb.ToString());
        }

        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(Iterations <= DefaultIterations ? 5 : 3600));
    }

    [TestCase("FROM a\nENV A=" + "${B:-", "}")]
    [TestCase("FROM a\nCMD ", "[", "]")]
    public void Deep_nesting_is_bounded(string prefix, string open, string close = "")
    {
        var watch = Stopwatch.StartNew();
        string content = prefix + string.Concat(Enumerable.Repeat(open, 20000)) + "x" + string.Concat(Enumerable.Repeat(close, 20000)) + "\n";
        ParseSafely(content);
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(2));
    }

    [Test]
    public void Pathological_inputs_are_bounded()
    {
        var watch = Stopwatch.StartNew();
        ParseSafely("FROM a\nRUN " + string.Concat(Enumerable.Repeat("x \\\n", 20000)) + "y\n");
        ParseSafely("FROM a\nRUN " + string.Concat(Enumerable.Repeat("<<E", 5000)) + "\n");
        ParseSafely("FROM a\nCOPY " + string.Concat(Enumerable.Repeat("<<a ", 3000)) + "/d\n" + string.Concat(Enumerable.Repeat("a\n", 3000)));
        ParseSafely("FROM a\nENV " + string.Concat(Enumerable.Repeat("A=\"", 20000)) + "\n");
        ParseSafely("FROM a\nRUN --" + new string('-', 50000) + "\n");
        ParseSafely(string.Concat(Enumerable.Repeat("\\\n", 20000)));
        ParseSafely(string.Concat(Enumerable.Repeat("# escape=`\n", 100)) + "FROM a\n");
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(3));
    }
}
