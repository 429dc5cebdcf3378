using JobSwipe.InfraLint.Syntax.DockerIgnore;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.DockerIgnore;

public class DockerIgnoreParserTests
{
    [Test]
    public void Patterns_comments_and_spans()
    {
        var text = new SourceText("# build output\n  bin/  \n!  bin/keep.txt\n /abs//dir/./x/../y\n  # not a comment\n\n");
        ParseResult<DockerIgnoreDocument> result = DockerIgnoreParser.Parse(text);
        Assert.That(result.Errors, Is.Empty);
        DockerIgnoreDocument file = result.Model!;
        Assert.That(file.Comments.Single().Text, Is.EqualTo("build output"));
        Assert.That(file.Patterns.Select(p => (p.Pattern, p.IsException)), Is.EqualTo(new[]
        {
            ("bin", false), ("bin/keep.txt", true), ("abs/dir/y", false), ("# not a comment", false),
        }));
        Assert.That(text.GetText(file.Patterns[0].Span), Is.EqualTo("bin/"));
        Assert.That(text.GetText(file.Patterns[1].Span), Is.EqualTo("!  bin/keep.txt"));
        Assert.That(text.GetText(file.Patterns[1].PatternSpan), Is.EqualTo("bin/keep.txt"));
        Assert.That(text.GetSpan(file.Patterns[2].Span).Start, Is.EqualTo(new LinePosition(4, 2)));
    }

    // The examples of Docker's .dockerignore documentation, restated.
    [TestCase("somedir/temporary.txt", true)]
    [TestCase("somedir/temp", true)]
    [TestCase("somedir/temp/inner/file", true)]
    [TestCase("somedir/subdir/temporary.txt", true)]
    [TestCase("tempa", true)]
    [TestCase("tempb", true)]
    [TestCase("temp", false)]
    [TestCase("temporary.txt", false)]
    [TestCase("a/b/c/temporary.txt", false)]
    [TestCase("tempab", false)]
    public void Documentation_example_with_single_stars_and_question_mark(string path, bool excluded)
    {
        DockerIgnoreMatcher matcher = DockerIgnoreMatcher.FromLines("# comment", "*/temp*", "*/*/temp*", "temp?");
        Assert.That(matcher.IsExcluded(path), Is.EqualTo(excluded));
    }

    [TestCase("main.go", true)]
    [TestCase("cmd/tool/main.go", true)]
    [TestCase("cmd/tool/main.gox", false)]
    public void Double_star_matches_any_number_of_directories(string path, bool excluded) =>
        Assert.That(DockerIgnoreMatcher.FromLines("**/*.go").IsExcluded(path), Is.EqualTo(excluded));

    [Test]
    public void Exception_reincludes()
    {
        DockerIgnoreMatcher m = DockerIgnoreMatcher.FromLines("*.md", "!README.md");
        Assert.That(m.IsExcluded("CHANGELOG.md"), Is.True);
        Assert.That(m.IsExcluded("README.md"), Is.False);
        Assert.That(m.IsExcluded("docs/guide.md"), Is.False, "*.md only matches at the root");
    }

    [Test]
    public void Last_matching_line_wins()
    {
        DockerIgnoreMatcher first = DockerIgnoreMatcher.FromLines("*.md", "!README*.md", "README-secret.md");
        Assert.That(first.IsExcluded("README-secret.md"), Is.True);
        Assert.That(first.IsExcluded("README-public.md"), Is.False);
        Assert.That(first.IsExcluded("notes.md"), Is.True);

        DockerIgnoreMatcher second = DockerIgnoreMatcher.FromLines("*.md", "README-secret.md", "!README*.md");
        Assert.That(second.IsExcluded("README-secret.md"), Is.False);
        Assert.That(second.IsExcluded("README.md"), Is.False);
    }

    [Test]
    public void Include_only_what_is_listed()
    {
        DockerIgnoreMatcher m = DockerIgnoreMatcher.FromLines("*", "!src", "!package.json");
        Assert.That(m.IsExcluded("node_modules/x/index.js"), Is.True);
        Assert.That(m.IsExcluded("src/app/index.ts"), Is.False);
        Assert.That(m.IsExcluded("package.json"), Is.False);
        Assert.That(m.IsExcluded(".env"), Is.True);
    }

    [Test]
    public void Leading_slash_and_dot_slash_are_the_same()
    {
        DockerIgnoreMatcher m = DockerIgnoreMatcher.FromLines("/foo/bar");
        Assert.That(m.IsExcluded("foo/bar"), Is.True);
        Assert.That(m.IsExcluded("./foo/bar/baz"), Is.True);
        Assert.That(m.IsExcluded("x/foo/bar"), Is.False);
        Assert.That(m.IsExcluded("foo/barn"), Is.False);
    }

    [TestCase("[a-c]at", "bat", true)]
    [TestCase("[a-c]at", "dat", false)]
    [TestCase("[^a-c]at", "dat", true)]
    [TestCase("[^a-c]at", "bat", false)]
    [TestCase("a[^x]b", "a/b", false)]
    [TestCase("dir/*", "dir/sub/file", true)]
    [TestCase("dir/*", "dir", false)]
    [TestCase("**", "any/thing", true)]
    [TestCase("dir/**", "dir/x/y", true)]
    [TestCase("a/**/b", "a/b", true)]
    [TestCase("a/**/b", "a/x/y/b", true)]
    [TestCase("\\*.txt", "*.txt", true)]
    [TestCase("\\*.txt", "a.txt", false)]
    [TestCase(".env*", ".env.local", true)]
    [TestCase("file?.log", "file/.log", false)]
    public void Glob_semantics(string pattern, string path, bool excluded) =>
        Assert.That(DockerIgnoreMatcher.FromLines(pattern).IsExcluded(path), Is.EqualTo(excluded));

    [TestCase("[abc")]
    [TestCase("a]b")]
    [TestCase("trailing\\")]
    [TestCase("!")]
    public void Malformed_patterns_are_syntax_errors(string line)
    {
        var text = new SourceText("ok\n" + line + "\n");
        ParseResult<DockerIgnoreDocument> result = DockerIgnoreParser.Parse(text);
        Assert.That(result.Errors.Single().Span, Is.EqualTo(new TextSpan(3, line.Length)));
        Assert.That(result.Model!.IsExcluded("ok"), Is.True);
    }

    [Test]
    public void Deciding_pattern_is_reported()
    {
        DockerIgnoreDocument file = DockerIgnoreParser.Parse(new SourceText("*.log\n!keep.log\n")).Model!;
        Assert.That(file.DecidingPattern("keep.log")!.IsException, Is.True);
        Assert.That(file.DecidingPattern("a.txt"), Is.Null);
    }

    [Test]
    public void Many_double_stars_do_not_blow_up()
    {
        DockerIgnoreMatcher m = DockerIgnoreMatcher.FromLines(string.Concat(Enumerable.Repeat("**/a", 30)) + "/x");
        string path = string.Join('/', Enumerable.Repeat("a", 200)) + "/y";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(m.IsExcluded(path), Is.False);
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(2));
    }

    [Test]
    public void Fuzzed_input_never_throws()
    {
        TimeSpan elapsed = MiscFuzz.Run(["node_modules\n!node_modules/keep\n**/*.pyc\n[a-z]?\n/build/**\n# c\n"], s =>
        {
            DockerIgnoreDocument file = DockerIgnoreParser.Parse(new SourceText(s)).Model!;
            _ = file.IsExcluded("node_modules/keep/x");
            _ = file.IsExcluded("src/a/b.pyc");
        }, seed: 2024, divisor: 4);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
