using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Toml;

public class TomlParserTests
{
    internal const string Sample = """"
        # top comment
        title = "demo" # trailing
        owner.name = 'Ada'
        owner.site."home page" = "https://example.org"

        [server]
        port = 8080
        ratio = 0.5
        enabled = true
        started = 1979-05-27T07:32:00Z
        day = 1979-05-27
        at = 07:32:00
        local = 1979-05-27T07:32:00
        tags = ["a", 'b', 3]
        limits = { soft = 20, hard = 25 }
        text = """
        line one
        line two"""
        raw = '''C:\path'''

        [server.tls]
        cert = "c.pem"

        [[services]]
        name = "web"

        [[services]]
        name = "worker"
        [services.extra]
        x = 1

        """";

    private static (SourceText Text, TomlDocument Model) Parse(string content)
    {
        var text = new SourceText(content);
        ParseResult<TomlDocument> result = TomlParser.Parse(text);
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors.Select(e => $"{e.Message} at {text.GetSpan(e.Span)}")));
        Assert.That(result.Model, Is.Not.Null);
        return (text, result.Model!);
    }

    [Test]
    public void Values_have_kinds_typed_values_and_exact_spans()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        TomlTableNode server = doc.Root.GetTable("server")!;
        Assert.Multiple(() =>
        {
            Assert.That(server.Kind, Is.EqualTo(TomlTableKind.Header));
            Assert.That(text.GetText(server.HeaderSpan!.Value), Is.EqualTo("[server]"));
            Assert.That(server.GetValue("port")!.AsInteger(), Is.EqualTo(8080));
            Assert.That(text.GetText(server.GetValue("port")!.Span), Is.EqualTo("8080"));
            Assert.That(((TomlFloatValue)server.GetValue("ratio")!).Value, Is.EqualTo(0.5));
            Assert.That(server.GetValue("enabled")!.AsBoolean(), Is.True);
            Assert.That(server.GetValue("started")!.Kind, Is.EqualTo(TomlValueKind.OffsetDateTime));
            Assert.That(server.GetValue("day")!.Kind, Is.EqualTo(TomlValueKind.LocalDate));
            Assert.That(server.GetValue("at")!.Kind, Is.EqualTo(TomlValueKind.LocalTime));
            Assert.That(server.GetValue("local")!.Kind, Is.EqualTo(TomlValueKind.LocalDateTime));
            Assert.That(text.GetText(server.GetValue("started")!.Span), Is.EqualTo("1979-05-27T07:32:00Z"));
            Assert.That(((TomlDateTimeValue)server.GetValue("started")!).Value.Year, Is.EqualTo(1979));
        });

        var tags = (TomlArrayValue)server.GetValue("tags")!;
        Assert.That(tags.Items.Select(i => text.GetText(i.Span)), Is.EqualTo(new[] { "\"a\"", "'b'", "3" }));
        Assert.That(((TomlStringValue)tags.Items[1]).StringKind, Is.EqualTo(TomlStringKind.Literal));
        Assert.That(text.GetText(tags.Span), Is.EqualTo("[\"a\", 'b', 3]"));

        var multi = (TomlStringValue)server.GetValue("text")!;
        Assert.That(multi.StringKind, Is.EqualTo(TomlStringKind.MultilineBasic));
        Assert.That(multi.Value, Is.EqualTo("line one\nline two"));
        Assert.That(text.GetText(multi.Span), Does.StartWith("\"\"\"").And.EndWith("two\"\"\""));
        var raw = (TomlStringValue)server.GetValue("raw")!;
        Assert.That(raw.StringKind, Is.EqualTo(TomlStringKind.MultilineLiteral));
        Assert.That(raw.Value, Is.EqualTo("C:\\path"));
        Assert.That(text.GetText(raw.ContentSpan), Is.EqualTo("C:\\path"));

        TomlTableNode limits = server.GetTable("limits")!;
        Assert.That(limits.Kind, Is.EqualTo(TomlTableKind.Inline));
        Assert.That(text.GetText(limits.Span), Is.EqualTo("{ soft = 20, hard = 25 }"));
        Assert.That(doc.Root.GetPath("server", "limits", "hard")!.Span, Is.EqualTo(limits.GetEntry("hard")!.Value.Span));
        Assert.That(text.GetText(limits.GetEntry("hard")!.Span), Is.EqualTo("hard = 25"));
    }

    [Test]
    public void Line_and_column_of_a_value_match_the_source()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        TomlKeyValueNode port = doc.Root.GetEntryPath("server", "port")!;
        Assert.That(text.GetSpan(port.Value.Span), Is.EqualTo(LinePositionSpan.FromLine(7, 8, 12)));
        Assert.That(text.GetSpan(port.Key.Span), Is.EqualTo(LinePositionSpan.FromLine(7, 1, 5)));
    }

    [Test]
    public void Dotted_keys_keep_every_segment_and_create_implicit_tables()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        TomlTableNode owner = doc.Root.GetTable("owner")!;
        Assert.That(owner.Kind, Is.EqualTo(TomlTableKind.DottedKey));
        Assert.That(owner.IsImplicit, Is.True);
        TomlKeyValueNode home = doc.Root.GetEntryPath("owner", "site", "home page")!;
        Assert.That(home.Key.Path, Is.EqualTo(new[] { "owner", "site", "home page" }));
        Assert.That(home.Key.Segments.Select(s => text.GetText(s.Span)), Is.EqualTo(new[] { "owner", "site", "\"home page\"" }));
        Assert.That(text.GetText(home.Key.Span), Is.EqualTo("owner.site.\"home page\""));
        Assert.That(home.FullPath, Is.EqualTo(new[] { "owner", "site", "home page" }));
        Assert.That(doc.Root.GetString("title"), Is.EqualTo("demo"));
    }

    [Test]
    public void Arrays_of_tables_are_enumerated_in_order()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        IReadOnlyList<TomlTableNode> services = doc.Root.GetTables("services");
        Assert.That(services.Select(s => s.GetString("name")), Is.EqualTo(new[] { "web", "worker" }));
        Assert.That(services.Select(s => s.Kind), Is.All.EqualTo(TomlTableKind.ArrayElement));
        Assert.That(text.GetText(services[1].HeaderSpan!.Value), Is.EqualTo("[[services]]"));
        Assert.That(services[1].GetTable("extra")!.GetValue("x")!.AsInteger(), Is.EqualTo(1));
        Assert.That(services[0].GetTable("extra"), Is.Null);
        Assert.That(doc.Root.GetPath("services", "name")!.AsString(), Is.EqualTo("worker"));
        Assert.That(doc.Root.GetTable("server")!.GetTable("tls")!.GetString("cert"), Is.EqualTo("c.pem"));
    }

    [Test]
    public void Comments_are_kept_with_spans()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        Assert.That(doc.Comments.Select(c => c.Text), Is.EqualTo(new[] { "top comment", "trailing" }));
        Assert.That(text.GetText(doc.Comments[1].Span), Is.EqualTo("# trailing"));
    }

    [Test]
    public void Sub_table_header_creates_implicit_parent_that_a_later_header_defines()
    {
        (_, TomlDocument doc) = Parse("[a.b]\nx = 1\n[a]\ny = 2\n");
        TomlTableNode a = doc.Root.GetTable("a")!;
        Assert.That(a.Kind, Is.EqualTo(TomlTableKind.Header));
        Assert.That(a.GetPath("b", "x")!.AsInteger(), Is.EqualTo(1));
        Assert.That(doc.Duplicates, Is.Empty);

        (_, TomlDocument implicitOnly) = Parse("[a.b]\nx = 1\n");
        Assert.That(implicitOnly.Root.GetTable("a")!.Kind, Is.EqualTo(TomlTableKind.Implicit));
    }

    [Test]
    public void Duplicate_keys_are_kept_and_listed_not_errors()
    {
        (SourceText text, TomlDocument doc) = Parse("a = 1\nb = 2\na = 3\n");
        Assert.That(doc.Root.Entries.Select(e => e.Name), Is.EqualTo(new[] { "a", "b", "a" }));
        Assert.That(doc.Root.GetValue("a")!.AsInteger(), Is.EqualTo(1));
        TomlDuplicate dup = doc.Duplicates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(dup.Kind, Is.EqualTo(TomlDuplicateKind.Key));
            Assert.That(dup.DottedPath, Is.EqualTo("a"));
            Assert.That(text.GetSpan(dup.FirstSpan).Start.Line, Is.EqualTo(1));
            Assert.That(text.GetSpan(dup.SecondSpan).Start.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void Duplicate_tables_are_merged_and_listed()
    {
        (SourceText text, TomlDocument doc) = Parse("[t]\nx = 1\n[t]\ny = 2\n");
        TomlDuplicate dup = doc.Duplicates.Single();
        Assert.That(dup.Kind, Is.EqualTo(TomlDuplicateKind.Table));
        Assert.That(text.GetText(dup.SecondSpan), Is.EqualTo("[t]"));
        Assert.That(dup.SecondSpan.Start, Is.EqualTo(10));
        Assert.That(doc.Root.GetTable("t")!.Keys, Is.EqualTo(new[] { "x", "y" }));
    }

    [TestCase("a = 1\n[a]\n")]
    [TestCase("a = 1\na.b = 2\n")]
    [TestCase("a = {x = 1}\n[a]\n")]
    [TestCase("[[a]]\n[a]\n")]
    [TestCase("[a]\n[[a]]\n")]
    [TestCase("a.b = 1\n[a]\n")]
    public void Conflicts_are_listed(string content)
    {
        (_, TomlDocument doc) = Parse(content);
        Assert.That(doc.Duplicates.Select(d => d.Kind), Does.Contain(TomlDuplicateKind.Conflict));
    }

    [Test]
    public void Unterminated_string_is_a_plain_words_error_at_its_location()
    {
        var text = new SourceText("a = 1\nname = \"oops\nb = 2\n");
        ParseResult<TomlDocument> result = TomlParser.Parse(text);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Model, Is.Not.Null);
        SyntaxError error = result.Errors[0];
        Assert.That(error.Message, Does.StartWith("Unterminated string"));
        Assert.That(text.GetSpan(error.Span).Start.Line, Is.EqualTo(2));
    }

    [TestCase("[a\n")]
    [TestCase("a = [1, 2\n")]
    [TestCase("a = \"x\\q\"\n")]
    [TestCase("= 1\n")]
    [TestCase("a = 99999999999999999999\n")]
    [TestCase("a = 1 b = 2\n")]
    [TestCase("a = 1\rb = 2\n")]
    public void Malformed_input_gives_errors_not_exceptions(string content)
    {
        ParseResult<TomlDocument> result = TomlParser.Parse(new SourceText(content));
        Assert.That(result.Errors, Is.Not.Empty);
        Assert.That(result.Errors.Select(e => e.Span.End), Is.All.LessThanOrEqualTo(content.Length));
    }

    [Test]
    public void Crlf_and_astral_characters_keep_offsets_exact()
    {
        (SourceText text, TomlDocument doc) = Parse("a = \"\ud83d\ude00\"\r\nb = 'x'\r\n");
        Assert.That(text.GetText(doc.Root.GetValue("a")!.Span), Is.EqualTo("\"\ud83d\ude00\""));
        Assert.That(text.GetText(doc.Root.GetValue("b")!.Span), Is.EqualTo("'x'"));
        Assert.That(text.GetSpan(doc.Root.GetValue("b")!.Span).Start, Is.EqualTo(new LinePosition(2, 5)));
    }

    [TestCase(20000)]
    [TestCase(300)]
    public void Deep_nesting_is_an_error_not_a_crash(int depth)
    {
        string arrays = "a = " + new string('[', depth) + new string(']', depth) + "\n";
        string tables = "b = " + string.Concat(Enumerable.Repeat("{x = ", depth)) + "1" + new string('}', depth) + "\n";
        foreach (string content in new[] { arrays, tables })
        {
            ParseResult<TomlDocument> result = TomlParser.Parse(new SourceText(content));
            Assert.That(result.Errors, Is.Not.Empty);
            Assert.That(result.Errors[0].Message, Does.Contain("deeper"));
        }
    }

    [Test]
    public void Moderate_nesting_is_fine()
    {
        string content = "a = " + new string('[', 100) + new string(']', 100) + "\n";
        Assert.That(TomlParser.Parse(new SourceText(content)).Errors, Is.Empty);
    }

    [Test]
    public void Every_node_span_lies_in_the_text()
    {
        (SourceText text, TomlDocument doc) = Parse(Sample);
        foreach (TomlTableNode table in doc.AllTables)
        {
            foreach (TomlKeyValueNode entry in table.Entries)
            {
                Assert.That(entry.Key.Segments.All(s => text.GetText(s.Span).Trim('"', '\'') == s.Name), Is.True, entry.Key.ToString());
                Assert.That(entry.Value.Span.End, Is.LessThanOrEqualTo(text.Length));
            }
        }
    }

    [Test]
    public void Fuzzed_input_never_throws()
    {
        string[] seeds = [Sample, FlyFixtures.Full, "a = [1, [2, {b = [3]}]]\n", "[[x.y]]\nz = \"\"\"\nq\n\"\"\"\n"];
        TimeSpan elapsed = MiscFuzz.Run(seeds, s =>
        {
            var text = new SourceText(s);
            ParseResult<TomlDocument> result = TomlParser.Parse(text);
            Assert.That(result.Model, Is.Not.Null);
            foreach (SyntaxError e in result.Errors)
            {
                Assert.That(e.Span.Start >= 0 && e.Span.End <= s.Length, Is.True);
            }
        });
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
