using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// The one vocabulary of "this runs the tests": test runners, the test verbs of build tools and package managers,
/// make targets, test scripts, tests run inside a container, and (as evidence in raw CI text only) steps named for tests.
/// It answers for a parsed <see cref="CommandLine"/> (<see cref="IsTest"/>) and, built from the same lists, for the raw
/// lower-cased text of CI files the CI parser does not read (<see cref="RawText"/>).
/// </summary>
public static class TestCommands
{
    /// <summary>Runners whose name alone runs tests.</summary>
    private static readonly string[] Runners = ["pytest", "py.test", "unittest", "tox", "nox", "jest", "vitest", "mocha", "karma", "rspec", "minitest", "phpunit", "pest", "ctest", "bats", "gotestsum"];

    /// <summary>Tools whose verb (the first positional words) runs tests; <c>manage.py</c> and <c>artisan</c> also behind <c>python</c>/<c>php</c>.</summary>
    private static readonly (string[] Tools, string[] Verbs)[] ToolVerbs =
    [
        (["go"], ["test", "tool test2json"]),
        (["cargo"], ["test", "nextest"]),
        (["dotnet", "flutter", "dart", "swift", "sbt", "lein", "hatch", "just", "task", "helm", "manage.py", "artisan"], ["test"]),
        (["mix"], ["test", "coveralls"]),
        (["rake", "rails"], ["test", "spec"]),
        (["playwright", "cypress"], ["test", "run"]),
    ];

    /// <summary>Package managers whose <c>test</c> script (<c>npm test</c>, <c>yarn test:unit</c>, <c>pnpm run test</c>, <c>npm run check|ci</c>) runs the suite.</summary>
    private static readonly string[] ScriptRunners = ["npm", "yarn", "pnpm", "bun", "deno", "composer"];

    /// <summary>Options of those package managers that take a value before the script (<c>pnpm --filter web test</c>); <c>yarn workspace web test</c> names one too.</summary>
    private static readonly string[] ScriptRunnerValueOptions = ["--filter", "-F", "--dir", "-C", "--prefix", "-w", "--workspace", "--cwd"];

    /// <summary>Short spellings of <c>npm test</c>; any script name starting with <c>test</c> counts too.</summary>
    private static readonly string[] TestScriptAliases = ["t", "tst"];

    /// <summary>Scripts that run the suite when run with <c>run</c>.</summary>
    private static readonly string[] RunScripts = ["check", "ci"];

    /// <summary>Build tools with a test goal anywhere among their arguments (lower-case patterns), unless an argument skips the tests.</summary>
    private static readonly (string[] Tools, string Goal, string[] Skips)[] BuildTools =
    [
        (["mvn", "mvnw"], "test|verify|install|integration-test|package", ["-dskiptests", "-dmaven.test.skip=true"]),
        (["gradle", "gradlew"], @"(?:[\w-]*:)*(?:test|check|build|connectedcheck|test\w*unittest)", []),
        (["xcodebuild"], "test|test-without-building", []),
        (["fastlane"], "test|tests|scan|run_tests", []),
    ];

    /// <summary>make targets that run tests: a word of the target starting with <c>test</c> (<c>test</c>, <c>unit-test</c>, <c>e2e_tests</c>, not <c>latest</c>), <c>unittest</c>, <c>check</c>, <c>ci</c>.</summary>
    private const string MakeTarget = @"(?:[\w-]*[-_])?(?:unit)?test[\w-]*|check|ci";

    /// <summary>A test script's file name: a word of it starting with <c>test</c> and a shell extension (<c>test.sh</c>, <c>run-tests.sh</c>, <c>ci/unit_test.bash</c>).</summary>
    private const string TestScript = @"(?:[\w.-]*[-_.])?(?:unit)?test[\w.-]*\.(?:sh|bash)";

    /// <summary>Any command or script whose name says it runs tests (<c>run-tests</c>, <c>run_tests.py</c>).</summary>
    private const string RunTests = @"run[-_]tests?";

    /// <summary>
    /// Words that, after <c>docker run|exec</c> or <c>docker compose run|exec</c>, show a test run inside the container; not
    /// the shell's <c>test -d …</c> and not a method call (<c>regex.test(s)</c> in an inline script).
    /// </summary>
    private static readonly string ContainerWords = $@"(?<!\.)(?:test(?!\s+-[a-z]\b)|tests|specs?|{Alternation(Runners)})\b(?!\()";

    /// <summary>Step names that announce a test run (<c>- name: Run unit tests</c>): evidence in raw CI text only.</summary>
    private static readonly string[] StepQualifiers = ["unit", "integration", "e2e", "end-to-end", "smoke", "api"];

    private static readonly Dictionary<string, Regex> Goals = BuildTools.SelectMany(b => b.Tools.Select(t => (t, b.Goal)))
        .ToDictionary(x => x.t, x => new Regex($"^(?:{x.Goal})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), StringComparer.Ordinal);

    private static readonly Regex MakeTargetExact = new($"^(?:{MakeTarget})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex TestScriptName = new($"^(?:{TestScript})$|{RunTests}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex ContainerWord = new($@"\b(?:{ContainerWords})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// The test runs of raw lower-cased CI text, built from the same lists as <see cref="IsTest"/>; a raw line cannot be
    /// parsed, so it counts a make target only right after <c>make</c> and <c>docker compose run|exec</c> only without options
    /// between the words. A step named for tests counts too.
    /// </summary>
    public static Regex RawText { get; } = BuildRawText();

    /// <summary>True when the command runs tests (see the lists above); the name is the tool's base name, wrappers removed.</summary>
    public static bool IsTest(CommandLine c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string name = c.Name;
        int skip = 0;
        if (name is "python" or "php" && c.Arg(0) is { Length: > 0 } host && CommandLine.BaseName(host) is "manage.py" or "artisan")
        {
            // python manage.py test, php artisan test
            name = CommandLine.BaseName(host);
            skip = 1;
        }

        if (name == "python" && c.Arg(0) == "-m")
        {
            return Runners.Contains(c.Arg(1), StringComparer.Ordinal);
        }

        if (Runners.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        // The positionals are listed only for the tools that read them (every command of every script is asked).
        List<string>? positionals = null;
        if (ToolVerbs.Any(t => t.Tools.Contains(name, StringComparer.Ordinal)))
        {
            positionals = c.Positionals().Skip(skip).Select(p => p.Value).ToList();
            string verbs = string.Join(' ', positionals);
            if (ToolVerbs.Any(t => t.Tools.Contains(name, StringComparer.Ordinal) && t.Verbs.Any(v => verbs == v || verbs.StartsWith(v + " ", StringComparison.Ordinal) || verbs.StartsWith(v + ":", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        if (ScriptRunners.Contains(name, StringComparer.Ordinal))
        {
            var words = c.Positionals(ScriptRunnerValueOptions).Select(p => p.Value).ToList();
            int at = words.Count > 1 && words[0] == "workspace" ? 2 : 0;
            string sub = words.Count > at ? words[at] : "";
            string script = sub == "run" && words.Count > at + 1 ? words[at + 1] : "";
            return sub.StartsWith("test", StringComparison.Ordinal) || TestScriptAliases.Contains(sub, StringComparer.Ordinal)
                || script.StartsWith("test", StringComparison.Ordinal) || RunScripts.Contains(script, StringComparer.Ordinal);
        }

        if (Goals.TryGetValue(name, out var goal))
        {
            var skips = BuildTools.First(b => b.Tools.Contains(name, StringComparer.Ordinal)).Skips;
            positionals ??= c.Positionals().Skip(skip).Select(p => p.Value).ToList();
            return positionals.Any(p => goal.IsMatch(p)) && !c.Arguments.Any(a => skips.Any(s => a.Value.StartsWith(s, StringComparison.OrdinalIgnoreCase)));
        }

        if (name == "make")
        {
            return c.Positionals("-C", "-f", "--directory", "--file").Any(a => MakeTargetExact.IsMatch(a.Value));
        }

        if (name is "docker" or "docker-compose")
        {
            return RunsTestsInContainer(c);
        }

        return TestScriptName.IsMatch(name);
    }

    private static bool RunsTestsInContainer(CommandLine c)
    {
        var p = c.Positionals("-f", "--file", "-p", "--project-name", "--profile", "--env-file", "-H", "--host", "--context", "--project-directory");
        int verb = c.Name != "docker-compose" && p.Count > 0 && p[0].Value == "compose" ? 1 : 0;
        if (p.Count <= verb + 1 || p[verb].Value is not ("run" or "exec"))
        {
            return false;
        }

        int after = c.Arguments.ToList().IndexOf(p[verb]);
        return ContainerWord.IsMatch(string.Join(' ', c.Arguments.Skip(after + 1).Select(a => a.Value)));
    }

    private static Regex BuildRawText()
    {
        var parts = new List<string>
        {
            $@"\b(?:{Alternation(Runners)})\b",
            $@"\b(?:{string.Join('|', ToolVerbs.Select(t => $@"(?:{Alternation(t.Tools)})\s+(?:{Alternation(t.Verbs)})"))})\b",
            $@"\b(?:{Alternation(ScriptRunners)})(?>(?:\s+(?:{Alternation(ScriptRunnerValueOptions.Where(o => o == o.ToLowerInvariant()))})(?:=|\s+)\S+|\s+-[\w-]+)*)(?:\s+workspace\s+\S+)?\s+(?:test|(?:{Alternation(TestScriptAliases)})\b|run\s+(?:test|(?:{Alternation(RunScripts)})\b))",
        };
        parts.AddRange(BuildTools.Select(b =>
            $@"\b(?:{Alternation(b.Tools)})(?=\s){(b.Skips.Length > 0 ? $@"(?![^\n]*(?:{Alternation(b.Skips)}))" : "")}[^\n]*?(?<![\w-])(?:{b.Goal})(?![\w-])"));
        parts.Add($@"\bmake\s+(?:{MakeTarget})(?![\w-])");
        parts.Add($@"\b{TestScript}\b|\b{RunTests}");
        parts.Add($@"\bdocker(?:-compose|\s+compose)?\s+(?:run|exec)\b[^\n]*\b(?:{ContainerWords})\b");
        parts.Add($@"\bname:\s*['""]?(?:[^\w\s'""]+\s*)?(?:run\s+|execute\s+)?(?:the\s+)?(?:(?:{Alternation(StepQualifiers)})\s+)?(?:tests?|specs?)\b");
        return new Regex(string.Join('|', parts), RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexLimits.MatchTimeout);
    }

    /// <summary>The words as a regex alternation; a space inside a word matches any run of white space.</summary>
    private static string Alternation(IEnumerable<string> words) => string.Join('|', words.Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
}
