using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.DotEnv;

public class DotEnvParserTests
{
    private const string Sample = """
        # Database settings
        DATABASE_URL=postgres://user:pass@db:5432/app
        export API_KEY = abc123 # the key
        HASHED=pa#ss
        EMPTY=
        SINGLE='literal $HOME \n'
        DOUBLE="tab\there \"q\" ${HOME}/x"
        MULTI="line one
        line two"
        REF=${BASE_URL:-http://localhost}/api/$PATH_PART
        PASSTHROUGH
        DATABASE_URL=sqlite:///override.db

        """;

    private static (SourceText Text, DotEnvDocument File) Parse(string content)
    {
        var text = new SourceText(content);
        ParseResult<DotEnvDocument> result = DotEnvParser.Parse(text);
        Assert.That(result.Errors, Is.Empty);
        return (text, result.Model!);
    }

    [Test]
    public void Entries_have_keys_values_and_exact_spans()
    {
        (SourceText text, DotEnvDocument env) = Parse(Sample);
        Assert.That(env.Entries.Select(e => e.Key), Is.EqualTo(new[] { "DATABASE_URL", "API_KEY", "HASHED", "EMPTY", "SINGLE", "DOUBLE", "MULTI", "REF", "PASSTHROUGH", "DATABASE_URL" }));
        DotEnvEntry api = env.Get("API_KEY")!;
        Assert.Multiple(() =>
        {
            Assert.That(api.HasExport, Is.True);
            Assert.That(text.GetText(api.ExportSpan!.Value), Is.EqualTo("export"));
            Assert.That(api.Value, Is.EqualTo("abc123"));
            Assert.That(text.GetText(api.KeySpan), Is.EqualTo("API_KEY"));
            Assert.That(text.GetText(api.ValueSpan), Is.EqualTo("abc123"));
            Assert.That(api.InlineComment!.Text, Is.EqualTo("the key"));
            Assert.That(text.GetSpan(api.ValueSpan), Is.EqualTo(LinePositionSpan.FromLine(3, 18, 24)));
            Assert.That(env.Get("HASHED")!.Value, Is.EqualTo("pa#ss"));
            Assert.That(env.Get("EMPTY")!.Value, Is.Empty);
            Assert.That(env.Get("EMPTY")!.ValueSpan.IsEmpty, Is.True);
        });
    }

    [Test]
    public void Quoted_values()
    {
        (SourceText text, DotEnvDocument env) = Parse(Sample);
        DotEnvEntry single = env.Get("SINGLE")!;
        Assert.That(single.Quote, Is.EqualTo(DotEnvQuote.Single));
        Assert.That(single.Value, Is.EqualTo("literal $HOME \\n"));
        Assert.That(single.References, Is.Empty);
        Assert.That(text.GetText(single.ValueSpan), Is.EqualTo("'literal $HOME \\n'"));

        DotEnvEntry dbl = env.Get("DOUBLE")!;
        Assert.That(dbl.Quote, Is.EqualTo(DotEnvQuote.Double));
        Assert.That(dbl.Value, Is.EqualTo("tab\there \"q\" ${HOME}/x"));
        Assert.That(text.GetText(dbl.References.Single().Span), Is.EqualTo("${HOME}"));

        DotEnvEntry multi = env.Get("MULTI")!;
        Assert.That(multi.IsMultiline, Is.True);
        Assert.That(multi.Value, Is.EqualTo("line one\nline two"));
        Assert.That(text.GetSpan(multi.ValueSpan).End.Line, Is.EqualTo(9));
        Assert.That(env.Get("REF")!.Key, Is.EqualTo("REF"), "parsing continues after a multi-line value");
    }

    [Test]
    public void References_are_recognised()
    {
        (SourceText text, DotEnvDocument env) = Parse(Sample);
        IReadOnlyList<DotEnvReference> refs = env.Get("REF")!.References;
        Assert.That(refs.Select(r => r.Name), Is.EqualTo(new[] { "BASE_URL", "PATH_PART" }));
        Assert.That(refs[0].Braced, Is.True);
        Assert.That(refs[0].Modifier, Is.EqualTo(":-http://localhost"));
        Assert.That(text.GetText(refs[0].NameSpan), Is.EqualTo("BASE_URL"));
        Assert.That(text.GetText(refs[1].Span), Is.EqualTo("$PATH_PART"));
        Assert.That(Parse("A=$$NOT\nB=\"\\${NOT}\"\n").File.Entries.SelectMany(e => e.References), Is.Empty);
    }

    [Test]
    public void Bare_key_passes_through()
    {
        (_, DotEnvDocument env) = Parse(Sample);
        DotEnvEntry bare = env.Get("PASSTHROUGH")!;
        Assert.That(bare.HasValue, Is.False);
        Assert.That(bare.Value, Is.Null);
    }

    [Test]
    public void Duplicates_are_paired_and_last_wins()
    {
        (SourceText text, DotEnvDocument env) = Parse(Sample);
        DotEnvDuplicate dup = env.Duplicates.Single();
        Assert.That(text.GetSpan(dup.First.KeySpan).Start.Line, Is.EqualTo(2));
        Assert.That(text.GetSpan(dup.Second.KeySpan).Start.Line, Is.EqualTo(12));
        Assert.That(env.Get("DATABASE_URL")!.Value, Is.EqualTo("sqlite:///override.db"));
    }

    [Test]
    public void Comments_are_kept()
    {
        (SourceText text, DotEnvDocument env) = Parse(Sample);
        Assert.That(env.Comments.Select(c => c.Text), Is.EqualTo(new[] { "Database settings", "the key" }));
        Assert.That(text.GetText(env.Comments[0].Span), Is.EqualTo("# Database settings"));
    }

    [Test]
    public void Quoted_value_followed_by_comment_and_junk()
    {
        (_, DotEnvDocument env) = Parse("A=\"x\" # note\nB='y'junk\n");
        Assert.That(env.Get("A")!.InlineComment!.Text, Is.EqualTo("note"));
        Assert.That(env.Get("B")!.Value, Is.EqualTo("y"));
        Assert.That(env.InvalidLines.Single().Text, Is.EqualTo("junk"));
    }

    [TestCase("just some words\n")]
    [TestCase("=value\n")]
    [TestCase("MY KEY=value\n")]
    [TestCase("KEY$=1\n")]
    public void Non_assignments_are_invalid_lines_not_errors(string content)
    {
        (SourceText text, DotEnvDocument env) = Parse(content + "GOOD=1\n");
        Assert.That(env.InvalidLines, Has.Count.EqualTo(1));
        Assert.That(env.InvalidLines[0].Text, Is.EqualTo(content.TrimEnd('\n')));
        Assert.That(text.GetSpan(env.InvalidLines[0].Span).Start, Is.EqualTo(new LinePosition(1, 1)));
        Assert.That(env.Get("GOOD")!.Value, Is.EqualTo("1"));
    }

    [TestCase("A=\"never closed\nB=2\n", "double-quoted")]
    [TestCase("A='never closed\nB=2\n", "single-quoted")]
    public void Unterminated_quote_is_a_syntax_error(string content, string what)
    {
        var text = new SourceText(content);
        ParseResult<DotEnvDocument> result = DotEnvParser.Parse(text);
        SyntaxError error = result.Errors.Single();
        Assert.That(error.Message, Does.Contain("Unterminated " + what));
        Assert.That(text.GetText(error.Span), Does.StartWith(content[2].ToString()));
        Assert.That(text.GetSpan(error.Span).Start, Is.EqualTo(new LinePosition(1, 3)));
        Assert.That(result.Model!.Get("A"), Is.Not.Null);
    }

    [Test]
    public void Crlf_and_colon_separator()
    {
        (SourceText text, DotEnvDocument env) = Parse("A=1\r\nB: two\r\nexport=3\r\n");
        Assert.That(env.Entries.Select(e => (e.Key, e.Value)), Is.EqualTo(new[] { ("A", (string?)"1"), ("B", "two"), ("export", "3") }));
        Assert.That(text.GetSpan(env.Get("B")!.ValueSpan), Is.EqualTo(LinePositionSpan.FromLine(2, 4, 7)));
    }

    [Test]
    public void Many_unterminated_quotes_do_not_blow_up()
    {
        string content = string.Concat(Enumerable.Repeat("A=\"x\n", 50_001));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ParseResult<DotEnvDocument> result = DotEnvParser.Parse(new SourceText(content));
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(2));
        Assert.That(result.Errors, Is.Not.Empty);
    }

    [Test]
    public void Fuzzed_input_never_throws()
    {
        TimeSpan elapsed = MiscFuzz.Run([Sample, "A=\"a\\\"b\"\nB='c'\n"], s =>
        {
            ParseResult<DotEnvDocument> result = DotEnvParser.Parse(new SourceText(s));
            Assert.That(result.Model, Is.Not.Null);
            foreach (DotEnvEntry e in result.Model!.Entries)
            {
                Assert.That(e.KeySpan.End <= s.Length && e.ValueSpan.End <= s.Length && e.References.All(r => r.Span.End <= s.Length), Is.True);
            }
        }, seed: 4242);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
