using System.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class ShellFixtureAndFuzzTests
{
    private const int DefaultFuzzIterations = 2000;

    private static string FixturePath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Syntax", "Shell", "Fixtures", name);

    private static ShellScript ParseFixture(string name) => ShellParserTests.ParseOk(File.ReadAllText(FixturePath(name)));

    [Test]
    public void Entrypoint_fixture()
    {
        ShellScript script = ParseFixture("entrypoint.sh");
        var contexts = script.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(script.Shebang!.Interpreter, Is.EqualTo("bash"));
            Assert.That(script.Functions.Keys, Is.EquivalentTo(new[] { "read_secret", "run_init_scripts" }));
            Assert.That(contexts.All(c => c.Command.NameValue == "set" || c.Options.ErrExit), Is.True);
            Assert.That(contexts.Where(c => c.Command.NameValue == "exec").Select(c => c.FunctionName), Is.EqualTo(new string?[] { null, null }));
            Assert.That(contexts.Single(c => c.Command.NameValue == "gunzip").IsPiped, Is.True);
            Assert.That(contexts.Single(c => c.Command.NameValue == "id").IsInCommandSubstitution, Is.True);
            ShellHeredoc heredoc = contexts.Single(c => c.Command.NameValue == "cat").Command.Redirections[1].Heredoc!;
            Assert.That(heredoc.Body, Is.EqualTo("listen = ${PORT}\npassword = ${DB_PASSWORD}\n"));
            Assert.That(script.Assignments.Where(a => a.Kind == ShellAssignmentKind.Local).Select(a => a.Name), Is.EqualTo(new[] { "name", "default", "file_var", "value", "f" }));
        });
    }

    [Test]
    public void Deploy_fixture()
    {
        ShellScript script = ParseFixture("deploy.sh");
        var contexts = script.EnumerateCommands();
        var deploy = contexts.Single(c => c.Command.NameValue == "flyctl" && c.Command.ArgumentValues[0] == "deploy");
        Assert.Multiple(() =>
        {
            Assert.That(script.InitialOptions.ErrExit, Is.True);
            Assert.That(deploy.IsInCondition, Is.True);
            Assert.That(deploy.Command.ArgumentValues, Does.Contain("--strategy").And.Contain("GIT_SHA=$(git rev-parse --short HEAD)"));
            Assert.That(contexts.Any(c => c.Command.NameValue == "git" && c.IsInCommandSubstitution), Is.True);
            Assert.That(contexts.Count(c => c.Command.NameValue == "jq"), Is.EqualTo(1));
            Assert.That(script.Traps.SelectMany(t => t.SignalNames), Is.EqualTo(new[] { "EXIT", "INT", "TERM" }));
            Assert.That(contexts.Single(c => c.Command.NameValue == "printf").FunctionName, Is.EqualTo("log"));
            var ssh = contexts.Single(c => c.Command.NameValue == "ssh");
            Assert.That(ssh.Command.Redirections.Single().Heredoc!.Body, Does.Contain("systemctl restart app"));
            Assert.That(contexts.Last().Command.NameValue, Is.EqualTo("log"));
        });
    }

    [Test]
    public void Ci_run_fixture()
    {
        ShellScript script = ParseFixture("ci-run.bash");
        var contexts = script.EnumerateCommands();
        var curl = contexts.Single(c => c.Command.NameValue == "curl");
        Assert.Multiple(() =>
        {
            Assert.That(script.Shebang, Is.Null);
            Assert.That(curl.Options, Is.EqualTo(new SetOptions(true, true, true, true)));
            Assert.That(curl.IsPiped, Is.True);
            Assert.That(curl.Pipeline!.Commands[1], Is.InstanceOf<SimpleCommand>().With.Property(nameof(SimpleCommand.NameValue)).EqualTo("bash"));
            Assert.That(contexts.Any(c => c.Command.NameValue == "find" && c.IsInCommandSubstitution), Is.True);
            Assert.That(script.Assignments.Select(a => a.Name), Does.Contain("versions").And.Contain("packages").And.Contain("RELEASE_MAJOR"));
        });
    }

    private static int FuzzIterations() =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultFuzzIterations;

    [Test]
    public void Fuzzed_fixtures_never_throw_and_stay_fast()
    {
        string[] seeds = [.. new[] { "entrypoint.sh", "deploy.sh", "ci-run.bash" }.Select(n => File.ReadAllText(FixturePath(n)))];
        string? extra = Environment.GetEnvironmentVariable("INFRALINT_FUZZ_SHELL_SEEDS");
        if (extra is not null && Directory.Exists(extra))
        {
            seeds = [.. seeds, .. Directory.GetFiles(extra).Select(File.ReadAllText)];
        }

        char[] interesting = ['\0', '\r', '\n', '\\', '\'', '"', '`', '$', '(', ')', '{', '}', '[', ']', '<', '>', '|', '&', ';', '#', '\t', ' ', '=', '*', '\u00e9', '\uffff'];
        var random = new Random(20261127);
        int iterations = FuzzIterations();
        var watch = Stopwatch.StartNew();
        TimeSpan slowest = TimeSpan.Zero;
        for (int i = 0; i < iterations; i++)
        {
            string seed = seeds[random.Next(seeds.Length)];
            string input = Mutate(seed, random, interesting);
            var one = Stopwatch.StartNew();
            ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(input));
            Assert.That(result.Model, Is.Not.Null);
            _ = result.Model!.EnumerateCommands();
            _ = result.Model.Traps;
            _ = result.Model.Assignments;
            foreach (SyntaxError error in result.Errors)
            {
                Assert.That(error.Span.Start, Is.InRange(0, input.Length));
                Assert.That(error.Span.End, Is.InRange(0, input.Length));
                Assert.That(error.Message, Is.Not.Empty.And.Not.StartsWith("the shell parser failed unexpectedly"), input);
            }

            if (one.Elapsed > slowest)
            {
                slowest = one.Elapsed;
            }
        }

        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(1)), "no single input may be slow");
        if (iterations == DefaultFuzzIterations)
        {
            BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(20));
        }
    }

    private static string Mutate(string seed, Random random, char[] interesting)
    {
        switch (random.Next(6))
        {
            case 0:
                return seed[..random.Next(seed.Length + 1)];
            case 1:
                {
                    char[] chars = seed.ToCharArray();
                    for (int k = random.Next(1, 8); k > 0; k--)
                    {
                        int at = random.Next(chars.Length);
                        chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
                    }

                    return new string(chars);
                }

            case 2:
                {
                    var text = new System.Text.StringBuilder(seed);
                    for (int k = random.Next(1, 6); k > 0; k--)
                    {
                        text.Insert(random.Next(text.Length + 1), interesting[random.Next(interesting.Length)]);
                    }

                    return text.ToString();
                }

            case 3:
                {
                    int at = random.Next(seed.Length + 1);
                    int length = random.Next(Math.Min(200, seed.Length - at) + 1);
                    return seed.Remove(at, length);
                }

            case 4:
                {
                    string[] openers = ["(", "$(", "{ ", "${a:-", "\"", "if true; then ", "`", "a=(", "[[ ", "((", "case x in a) "];
                    string opener = openers[random.Next(openers.Length)];
                    int depth = random.Next(1, 400);
                    return seed.Insert(random.Next(seed.Length + 1), string.Concat(Enumerable.Repeat(opener, depth)));
                }

            default:
                {
                    int at = random.Next(seed.Length);
                    int length = random.Next(1, Math.Min(300, seed.Length - at) + 1);
                    return seed.Insert(random.Next(seed.Length + 1), seed.Substring(at, length));
                }
        }
    }
}
