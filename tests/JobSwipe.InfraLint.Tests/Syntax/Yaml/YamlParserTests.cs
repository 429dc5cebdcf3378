using System.Diagnostics;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Yaml;

public class YamlParserTests
{
    private static (SourceText Text, YamlMapping Root) ParseMap(string content)
    {
        var text = new SourceText(content);
        var result = YamlParser.Parse(text);
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors));
        return (text, (YamlMapping)result.Model!.Root!);
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public void Key_and_value_spans_match_the_source(string eol)
    {
        var (text, root) = ParseMap($"a: b{eol}key: 'quoted'{eol}ü: \"é😀\"{eol}tabs: x\ty{eol}");
        var key = root.Find("key")!;
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(key.Key.Span), Is.EqualTo("key"));
            Assert.That(text.GetText(key.Value.Span), Is.EqualTo("'quoted'"));
            Assert.That(text.GetSpan(key.Value.Span).Start, Is.EqualTo(new LinePosition(2, 6)));
            Assert.That(text.GetText(root.Find("ü")!.Value.Span), Is.EqualTo("\"é😀\""));
            Assert.That(text.GetSpan(root.Find("ü")!.Value.Span).Start, Is.EqualTo(new LinePosition(3, 4)));
            Assert.That(text.GetText(root.Find("tabs")!.Value.Span), Is.EqualTo("x\ty"));
            Assert.That(((YamlScalar)key.Value).Style, Is.EqualTo(YamlScalarStyle.SingleQuoted));
            Assert.That(text.GetText(root.Span), Does.StartWith("a: b").And.EndWith("x\ty"));
        });
    }

    [Test]
    public void Duplicate_keys_are_kept_with_both_positions()
    {
        var (text, root) = ParseMap("a: 1\nb: 2\na: 3\n");
        Assert.Multiple(() =>
        {
            Assert.That(root.Entries, Has.Count.EqualTo(3));
            Assert.That(root.Find("a")!.Value.ToString(), Is.EqualTo("3"));
            Assert.That(root.FindFirst("a")!.Value.ToString(), Is.EqualTo("1"));
            Assert.That(root.Duplicates, Has.Count.EqualTo(1));
            Assert.That(text.GetSpan(root.Duplicates[0].First.Key.Span).Start.Line, Is.EqualTo(1));
            Assert.That(text.GetSpan(root.Duplicates[0].Duplicate.Key.Span).Start.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public void Scalars_have_style_tag_and_null()
    {
        var (_, root) = ParseMap("a:\nb: ~\nc: !!str null\nd: |\n  x\ne: >\n  y\nf: !Ref z\ng: True\n");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetScalar("a")!.IsNull, Is.True);
            Assert.That(root.GetScalar("b")!.IsNull, Is.True);
            Assert.That(root.GetScalar("c")!.IsNull, Is.False);
            Assert.That(root.GetScalar("d")!.Style, Is.EqualTo(YamlScalarStyle.Literal));
            Assert.That(root.GetScalar("e")!.Style, Is.EqualTo(YamlScalarStyle.Folded));
            Assert.That(root.GetScalar("f")!.Tag, Is.EqualTo("!Ref"));
            Assert.That(root.GetScalar("g")!.AsBoolean(), Is.True);
        });
    }

    [Test]
    public void Anchors_aliases_and_merge_keys_resolve()
    {
        var (text, root) = ParseMap("x-common: &common\n  restart: always\n  image: base\nsvc:\n  <<: *common\n  image: mine\n");
        var svc = (YamlMapping)root["svc"]!;
        var restart = svc.Find("restart")!;
        Assert.Multiple(() =>
        {
            Assert.That(root["x-common"]!.Anchor, Is.EqualTo("common"));
            Assert.That(svc.GetScalar("image")!.Value, Is.EqualTo("mine"));
            Assert.That(svc.Find("image")!.IsMerged, Is.False);
            Assert.That(restart.IsMerged, Is.True);
            Assert.That(text.GetText(restart.Value.Span), Is.EqualTo("always"));
            Assert.That(text.GetSpan(restart.Key.Span).Start.Line, Is.EqualTo(2));
            Assert.That(text.GetText(restart.MergeOrigin!.Value), Is.EqualTo("*common"));
            Assert.That(svc.Entries.Any(e => e.IsMergeKey), Is.True);
            Assert.That(svc.Duplicates, Is.Empty);
        });
    }

    [Test]
    public void Merge_list_first_source_wins()
    {
        var (_, root) = ParseMap("a: &a {k: 1, p: a}\nb: &b {k: 2, q: b}\nc:\n  <<: [*a, *b]\n");
        var c = (YamlMapping)root["c"]!;
        Assert.Multiple(() =>
        {
            Assert.That(c.GetScalar("k")!.Value, Is.EqualTo("1"));
            Assert.That(c.GetScalar("q")!.Value, Is.EqualTo("b"));
            Assert.That(c.GetScalar("p")!.Value, Is.EqualTo("a"));
        });
    }

    [Test]
    public void Alias_nodes_carry_the_alias_span()
    {
        var (text, root) = ParseMap("a: &v hello\nb: *v\n");
        var b = root["b"]!;
        Assert.Multiple(() =>
        {
            Assert.That(b.IsAlias, Is.True);
            Assert.That(text.GetText(b.AliasSpan!.Value), Is.EqualTo("*v"));
            Assert.That(text.GetText(b.Span), Is.EqualTo("hello"));
            Assert.That(b.ToString(), Is.EqualTo("hello"));
        });
    }

    [Test]
    public void Comments_are_collected()
    {
        var text = new SourceText("# top\na: 1 # trailing\n");
        var model = YamlParser.Parse(text).Model!;
        Assert.That(model.Comments.Select(c => c.Text), Is.EqualTo(new[] { "top", "trailing" }));
        Assert.That(text.GetText(model.Comments[1].Span), Does.StartWith("# trailing"));
    }

    [TestCase(3)]
    [TestCase(40)]
    public void Duplicates_pair_each_repeat_with_the_first_in_small_and_large_mappings(int fillers)
    {
        var lines = new List<string> { "a: 1", "<<: {m: 0}", "b: 2", "a: 3" };
        lines.AddRange(Enumerable.Range(0, fillers).Select(i => $"k{i}: {i}"));
        lines.AddRange(["b: 4", "a: 5", "<<: {n: 0}"]);
        var (text, root) = ParseMap(string.Join('\n', lines) + "\n");
        Assert.That(
            root.Duplicates.Select(d => (text.GetText(d.First.Span), text.GetText(d.Duplicate.Span))),
            Is.EqualTo(new[] { ("a: 1", "a: 3"), ("b: 2", "b: 4"), ("a: 1", "a: 5") }));
    }

    [Test]
    public void Comments_between_every_kind_of_token_leave_the_tree_as_without_them()
    {
        const string Commented = "# head\n%YAML 1.2\n--- # start\nbase: &b # anchor\n  k: v # kv\nm:\n  <<: *b # merge\n  flow: [1, # in flow\n    2]\n  block: | # header\n    text\n  # between\n  list:\n    - x # item\n    # before item\n    - ? q # complex key\n      : a\n... # end\n";
        var text = new SourceText(Commented);
        var result = YamlParser.Parse(text);
        var bare = YamlParser.Parse(new SourceText(StripComments(Commented)));
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors));
            Assert.That(result.Model!.Comments.Select(c => c.Text), Is.EqualTo(new[]
            {
                "head", "start", "anchor", "kv", "merge", "in flow", "header", "between", "item", "before item", "complex key", "end",
            }));
            Assert.That(result.Model.Comments.Select(c => text.GetText(c.Span)), Is.All.StartWith("#"));
            Assert.That(Shape(result.Model.Root), Is.EqualTo(Shape(bare.Model!.Root)));
        });
    }

    [Test]
    public void Comments_before_a_syntax_error_are_kept_with_the_error()
    {
        var text = new SourceText("# one\na: 1 # two\nb: [unclosed\n# three\n");
        var result = YamlParser.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Has.Count.EqualTo(1));
            Assert.That(result.Model!.Comments.Select(c => c.Text), Is.SupersetOf(new[] { "one", "two" }));
        });
    }

    private static string StripComments(string yaml) =>
        string.Join('\n', yaml.Split('\n').Select(line => line.IndexOf(" #", StringComparison.Ordinal) is var i and >= 0 ? line[..i] : line.StartsWith('#') ? string.Empty : line));

    private static string Shape(YamlNode? node) => node switch
    {
        YamlScalar s => s.Value,
        YamlSequence q => "[" + string.Join(",", q.Items.Select(Shape)) + "]",
        YamlMapping m => "{" + string.Join(",", m.ResolvedEntries.Select(e => Shape(e.Key) + ":" + Shape(e.Value))) + "}",
        _ => "~",
    };

    [Test]
    public void Multiple_documents_are_kept()
    {
        var model = YamlParser.Parse(new SourceText("a: 1\n---\nb: 2\n")).Model!;
        Assert.That(model.Documents, Has.Count.EqualTo(2));
        Assert.That(((YamlMapping)model.Root!).Find("a"), Is.Not.Null);
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public void Literal_block_offsets_map_to_source(string eol)
    {
        var (text, root) = ParseMap($"run: |{eol}  echo one{eol}    echo two{eol}next: x{eol}");
        var run = root.GetScalar("run")!;
        int at = run.Value.IndexOf("two", StringComparison.Ordinal);
        int source = run.MapValueOffsetToSource(at);
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(new TextSpan(source, 3)), Is.EqualTo("two"));
            Assert.That(text.GetPosition(source), Is.EqualTo(new LinePosition(3, 10)));
            Assert.That(text.GetText(run.MapValueSpanToSource(0, 4)), Is.EqualTo("echo"));
        });
    }

    [Test]
    public void Plain_and_quoted_offsets_map_to_source()
    {
        var (text, root) = ParseMap("a: hello world\nb: \"say hi\"\nc: \"esc\\n x\"\n");
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(root.GetScalar("a")!.MapValueSpanToSource(6, 5)), Is.EqualTo("world"));
            Assert.That(text.GetText(root.GetScalar("b")!.MapValueSpanToSource(4, 2)), Is.EqualTo("hi"));
            Assert.That(root.GetScalar("c")!.MapValueOffsetToSource(3), Is.EqualTo(root.GetScalar("c")!.Span.Start));
        });
    }

    [Test]
    public void Billion_laughs_is_a_syntax_error_quickly()
    {
        var sb = new System.Text.StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++)
        {
            char p = (char)(c - 1);
            sb.Append($"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n");
        }

        var sw = Stopwatch.StartNew();
        var result = YamlParser.Parse(new SourceText(sb.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Errors[0].Message, Does.Contain("alias expansion limit exceeded").IgnoreCase);
            BlowUpGuard.Check(sw.Elapsed, TimeSpan.FromSeconds(2));
        });
    }

    [Test]
    public void Merge_key_bomb_is_a_syntax_error()
    {
        var sb = new System.Text.StringBuilder("a0: &a0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9, k9: 0}\n");
        for (int i = 1; i < 40000; i++)
        {
            sb.Append($"a{i}: {{<<: *a0}}\n");
        }

        var result = YamlParser.Parse(new SourceText(sb.ToString()));
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains("alias bomb"));
    }

    [TestCase("[", 20000)]
    [TestCase("{a: ", 20000)]
    public void Deep_flow_nesting_is_a_syntax_error(string open, int depth)
    {
        var content = string.Concat(Enumerable.Repeat(open, depth));
        var result = YamlParser.Parse(new SourceText(content));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors[0].Message, Does.Contain("nested"));
    }

    [Test]
    public void Deep_block_nesting_is_a_syntax_error()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            sb.Append(' ', i).Append("k:\n");
        }

        var result = YamlParser.Parse(new SourceText(sb.ToString()));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors[0].Message, Does.Contain("nested"));
    }

    [Test]
    public void Undefined_alias_is_a_syntax_error()
    {
        var text = new SourceText("a: 1\nb: *nope\n");
        var result = YamlParser.Parse(text);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(text.GetText(result.Errors[0].Span), Is.EqualTo("*nope"));
        Assert.That(result.Errors[0].Message, Does.Contain("nope"));
    }

    [Test]
    public void Tab_indentation_points_at_the_tab()
    {
        var text = new SourceText("a:\n\tb: 1\n");
        var result = YamlParser.Parse(text);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(text.GetSpan(result.Errors[0].Span).Start, Is.EqualTo(new LinePosition(2, 1)));
        Assert.That(result.Errors[0].Message, Does.Contain("tab"));
    }

    [TestCase("a: \"unterminated\n")]
    [TestCase("a: [}\n")]
    [TestCase("a: b: c\n")]
    [TestCase("- a\nb: c\n")]
    [TestCase("%YAML 9.9\n---\na\n")]
    public void Malformed_yaml_gives_errors(string content)
    {
        var result = YamlParser.Parse(new SourceText(content));
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors[0].Message, Is.Not.Empty);
        Assert.That(result.Model, Is.Not.Null);
    }

    [Test]
    public void Empty_input_has_no_root()
    {
        var result = YamlParser.Parse(new SourceText(""));
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Model!.Root, Is.Null);
    }
}
