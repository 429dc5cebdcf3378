using System.Buffers;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// The one vocabulary of "this runs the tests": test runners, the test verbs of build tools and package managers,
/// make targets, test scripts, tests run inside a container, and (as evidence in raw CI text only) steps named for tests.
/// It answers for a parsed <see cref="CommandLine"/> (<see cref="IsTest"/>) and, built from the same lists, for the raw
/// lower-cased text of CI files the CI parser does not read (<see cref="RunsTestsInRawText"/>).
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
        (["gradle", "gradlew"], GradleGoal, []),
        (["xcodebuild"], "test|test-without-building", []),
        (["fastlane"], "test|tests|scan|run_tests", []),
    ];

    /// <summary>A Gradle task, also by path (<c>:app:test</c>); in raw text the last segment alone is matched (see <see cref="RawGoal"/>).</summary>
    private const string GradleTask = @"test|check|build|connectedcheck|test\w*unittest";

    private const string GradleGoal = $@"(?:[\w-]*:)*(?:{GradleTask})";

    /// <summary>make targets that run tests: a word of the target starting with <c>test</c> (<c>test</c>, <c>unit-test</c>, <c>e2e_tests</c>, not <c>latest</c>), <c>unittest</c>, <c>check</c>, <c>ci</c>.</summary>
    private const string MakeTarget = @"(?:[\w-]*[-_])?(?:unit)?test[\w-]*|check|ci";

    /// <summary>A test script's file name: a word of it starting with <c>test</c> and a shell extension (<c>test.sh</c>, <c>run-tests.sh</c>, <c>ci/unit_test.bash</c>).</summary>
    private const string TestScript = @"(?:[\w.-]*[-_.])?" + TestScriptFrom;

    /// <summary>A test script's file name from its test word on: <c>test</c> and the rest of the name up to a shell extension.</summary>
    private const string TestScriptFrom = @"(?:unit)?test[\w.-]*\.(?:sh|bash)";

    /// <summary>
    /// <see cref="TestScript"/> in raw text: it matches a text exactly when <c>\b</c> + <see cref="TestScript"/> does, and
    /// reads each name once. The optional head <c>[\w.-]*[-_.]</c> after a word boundary leaves the test word preceded by <c>-</c> or <c>.</c>
    /// (a word boundary: the head adds nothing) or by <c>_</c> (the run before it always starts at a word boundary), so it
    /// is a look-behind for <c>_</c>; tried at every word boundary of a long dotted run (<c>1.2.3-rc.4</c>, a base64
    /// blob), the head re-scanned the run from each. The tail walks the name once, atomically, up to the first
    /// <c>.sh</c> or <c>.bash</c> that ends a word, instead of running to the end of the name and backing off.
    /// </summary>
    private const string TestScriptInText = @"(?:\b|(?<=_))(?:unit)?test(?>[\w-]*(?:\.(?!(?:sh|bash)\b)[\w-]*)*)\.(?:sh|bash)\b";

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

    private static readonly RawTextMatcher RawText = BuildRawText();

    /// <summary>
    /// True when raw lower-cased CI text (or a script's) runs tests, by the same lists as <see cref="IsTest"/>; a raw line
    /// cannot be parsed, so it counts a make target only right after <c>make</c> and <c>docker compose run|exec</c> only
    /// without options between the words. A step named for tests counts too.
    /// </summary>
    public static bool RunsTestsInRawText(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        return RawText.IsMatch(lower);
    }

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

    private static RawTextMatcher BuildRawText()
    {
        // Each part: the words one of its matches starts with (after look-arounds), and the pattern.
        var parts = new List<(IEnumerable<string> Leads, string Pattern)>
        {
            (Runners, $@"\b(?:{Alternation(Runners)})\b"),
            (ScriptRunners, $@"\b(?:{Alternation(ScriptRunners)})(?>(?:\s+(?:{Alternation(ScriptRunnerValueOptions.Where(o => o == o.ToLowerInvariant()))})(?:=|\s+)\S+|\s+-[\w-]+)*)(?:\s+workspace\s+\S+)?\s+(?:test|(?:{Alternation(TestScriptAliases)})\b|run\s+(?:test|(?:{Alternation(RunScripts)})\b))"),
        };
        parts.AddRange(ToolVerbs.Select(t => ((IEnumerable<string>)t.Tools, $@"\b(?:{Alternation(t.Tools)})\s+(?:{Alternation(t.Verbs)})\b")));
        parts.AddRange(BuildTools.Select(b => ((IEnumerable<string>)b.Tools,
            $@"\b(?:{Alternation(b.Tools)})(?=\s){(b.Skips.Length > 0 ? $@"(?![^\n]*(?:{Alternation(b.Skips)}))" : "")}[^\n]*?(?<![\w-])(?:{RawGoal(b.Goal)})(?![\w-])")));
        parts.Add((["make"], $@"\bmake\s+(?:{MakeTarget})(?![\w-])"));
        parts.Add((["unittest", "test"], TestScriptInText));
        parts.Add((["run-test", "run_test"], $@"\b{RunTests}"));
        parts.Add((["docker"], $@"\bdocker(?:-compose|\s+compose)?\s+(?:run|exec)\b[^\n]*\b(?:{ContainerWords})\b"));
        parts.Add((["name:"], $@"\bname:\s*['""]?(?:[^\w\s'""]+\s*)?(?:run\s+|execute\s+)?(?:the\s+)?(?:(?:{Alternation(StepQualifiers)})\s+)?(?:tests?|specs?)\b"));
        // A vectorised search for many words needs three characters of each to stay fast (go's two made it 5x slower):
        // the parts with a shorter word are one plain regex, which finds its own words.
        var searched = parts.Where(p => p.Leads.All(l => l.Length >= 3)).ToList();
        var rest = parts.Except(searched).ToList();
        // Interpreted, not RegexOptions.Compiled: compiled, the first match JIT-compiles the alternation's emitted code,
        // 100-150 ms of CPU in every run that has a CI file, inside the match's timeout (wall time, so a loaded machine
        // could pass it and change the findings); interpreted, 20 CI texts take 13 ms instead of ~100, and a corpus of
        // 3,700 texts the same time either way (docs/benchmarks.md).
        return new RawTextMatcher(
            SearchValues.Create([.. searched.SelectMany(p => p.Leads).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal),
            new Regex($@"\G(?:{string.Join('|', searched.Select(p => p.Pattern))})", RegexOptions.CultureInvariant, RegexLimits.MatchTimeout),
            rest.Count == 0 ? null : new Regex(string.Join('|', rest.Select(p => p.Pattern)), RegexOptions.CultureInvariant, RegexLimits.MatchTimeout));
    }

    /// <summary>
    /// A build tool's goal as the raw text's lazy scan looks for it: a Gradle task path (<c>:app:test</c>) by its last
    /// segment alone. The scan tries every position after the tool, the one after the path's last colon among them, so
    /// the path's head matched nothing more and only re-read the path from each of its segments.
    /// </summary>
    private static string RawGoal(string goal) => goal == GradleGoal ? GradleTask : goal;

    /// <summary>The words as a regex alternation; a space inside a word matches any run of white space.</summary>
    private static string Alternation(IEnumerable<string> words) => string.Join('|', words.Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));

    /// <summary>
    /// The raw-text test: every match of its alternation starts (look-arounds aside) with one of a few words
    /// (<c>pytest</c>, <c>npm</c>, <c>make</c>, <c>test</c>, <c>docker</c>, <c>name:</c>…), so one vectorised search finds
    /// those words and the alternation is tried, anchored with <c>\G</c>, only where one starts: the cost is a pass over
    /// the text plus a short look after each such word (the build-tool and docker parts read on to the end of its line). Unanchored, the regex tried each of its branches at
    /// every position of the text (and one branch re-read long dotted runs from each of their word boundaries): seconds on
    /// a large CI file under load, past its timeout. The decisions are the unanchored alternation's, since a match starts at
    /// one of those words and each is tried. The parts led by a shorter word (<c>go</c>) are one unanchored regex.
    /// </summary>
    private sealed class RawTextMatcher(SearchValues<string> leads, Regex anchored, Regex? shortLeads)
    {
        public bool IsMatch(string text)
        {
            if (shortLeads is not null && shortLeads.IsMatch(text))
            {
                return true;
            }

            for (int at = 0; at < text.Length; at++)
            {
                int next = text.AsSpan(at).IndexOfAny(leads);
                if (next < 0)
                {
                    return false;
                }

                at += next;
                if (anchored.IsMatch(text, at))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
