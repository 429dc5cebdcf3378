using JobSwipe.InfraLint.Configuration;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Configuration;

public class EditorConfigDocumentTests
{
    internal const string Sample =
        "# top-most EditorConfig file\n" +
        "root = true\n" +
        "\n" +
        "[*]\n" +
        "indent_style = SPACE\n" +
        "dotnet_diagnostic.JSI2001.severity = error\n" +
        "\n" +
        "; production overrides\n" +
        "[{docker-compose.prod.yml,fly.toml}]   # deployed\n" +
        "infralint_environment = production\n" +
        "  dotnet_analyzer_diagnostic.category-Secrets.severity=warning ; inline\n" +
        "\n" +
        "[scripts/**.sh]\n" +
        "dotnet_diagnostic.JSI4001.severity: none\n";

    private static EditorConfigDocument Parse(string text) => EditorConfigDocument.Parse(text, "/repo");

    [Test]
    public void Parses_preamble_sections_properties_and_comments()
    {
        EditorConfigDocument file = Parse(Sample);
        Assert.Multiple(() =>
        {
            Assert.That(file.Problems, Is.Empty);
            Assert.That(file.IsRoot, Is.True);
            Assert.That(file.Path, Is.EqualTo("/repo/.editorconfig"));
            Assert.That(file.NormalizedDirectory, Is.EqualTo("/repo"));
            Assert.That(file.Preamble.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("root", "true") }));
            Assert.That(file.Sections.Select(s => s.Name), Is.EqualTo(new[] { "*", "{docker-compose.prod.yml,fly.toml}", "scripts/**.sh" }));
            Assert.That(file.Sections[0].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[]
            {
                ("indent_style", "space"),
                ("dotnet_diagnostic.jsi2001.severity", "error"),
            }));
            Assert.That(file.Sections[1].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[]
            {
                ("infralint_environment", "production"),
                ("dotnet_analyzer_diagnostic.category-secrets.severity", "warning"),
            }));
            Assert.That(file.Sections[2].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("dotnet_diagnostic.jsi4001.severity", "none") }));
            Assert.That(file.Comments.Select(c => c.Text), Is.EqualTo(new[] { "top-most EditorConfig file", "production overrides", "deployed", "inline" }));
            Assert.That(file.Sections.All(s => s.Glob is not null), Is.True);
        });
    }

    [Test]
    public void Spans_point_at_keys_values_and_section_names()
    {
        EditorConfigDocument file = Parse(Sample);
        SourceText text = file.Text;
        EditorConfigProperty severity = file.Sections[0].Properties[1];
        EditorConfigProperty category = file.Sections[1].Properties[1];
        EditorConfigSection production = file.Sections[1];
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(severity.KeySpan), Is.EqualTo("dotnet_diagnostic.JSI2001.severity"));
            Assert.That(text.GetText(severity.ValueSpan), Is.EqualTo("error"));
            Assert.That(text.GetText(severity.Span), Is.EqualTo("dotnet_diagnostic.JSI2001.severity = error"));
            Assert.That(text.GetSpan(severity.KeySpan), Is.EqualTo(LinePositionSpan.FromLine(6, 1, 35)));
            Assert.That(text.GetSpan(severity.ValueSpan), Is.EqualTo(LinePositionSpan.FromLine(6, 38, 43)));

            Assert.That(text.GetText(category.KeySpan), Is.EqualTo("dotnet_analyzer_diagnostic.category-Secrets.severity"));
            Assert.That(text.GetText(category.ValueSpan), Is.EqualTo("warning"));
            Assert.That(text.GetSpan(category.KeySpan).Start, Is.EqualTo(new LinePosition(11, 3)));

            Assert.That(text.GetText(production.NameSpan), Is.EqualTo("{docker-compose.prod.yml,fly.toml}"));
            Assert.That(text.GetText(production.HeaderSpan), Is.EqualTo("[{docker-compose.prod.yml,fly.toml}]"));
            Assert.That(text.GetSpan(production.HeaderSpan).Start, Is.EqualTo(new LinePosition(9, 1)));
            Assert.That(text.GetText(file.Comments[2].Span), Is.EqualTo("# deployed"));
        });
    }

    [Test]
    public void Inline_comment_ends_the_value_like_Roslyn()
    {
        EditorConfigDocument file = Parse("[*]\na = b # c\nd = e;f\ng = #h\ni = j\\#k\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Sections[0].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("a", "b"), ("d", "e"), ("g", ""), ("i", "j\\") }));
            Assert.That(file.Problems, Is.Empty);
        });
    }

    [Test]
    public void Colon_separates_like_equals_and_the_first_separator_wins()
    {
        EditorConfigDocument file = Parse("[*]\nmy:key1 = my_val\nmy_key2 = my:val\nk=\n");
        Assert.That(file.Sections[0].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("my", "key1 = my_val"), ("my_key2", "my:val"), ("k", "") }));
    }

    [Test]
    public void Keys_are_lower_cased_values_keep_case_except_reserved_ones()
    {
        EditorConfigDocument file = Parse("RoOt = TruE\n[*]\nMy_Key = My_Val\nother = UNSET\nCharset = UTF-8\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.IsRoot, Is.True);
            Assert.That(file.Sections[0].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("my_key", "My_Val"), ("other", "unset"), ("charset", "utf-8") }));
        });
    }

    [Test]
    public void Root_counts_only_in_the_preamble()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("[*]\nroot = true\n").IsRoot, Is.False);
            Assert.That(Parse("root = false\n").IsRoot, Is.False);
            Assert.That(Parse("root = yes\n").IsRoot, Is.False);
        });
    }

    [Test]
    public void Section_names_may_contain_brackets_and_escaped_comment_characters()
    {
        EditorConfigDocument file = Parse("[a]b] ; c\nx = 1\n[f\\#g\\;h]\ny = 2\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Sections.Select(s => s.Name), Is.EqualTo(new[] { "a]b", "f\\#g\\;h" }));
            Assert.That(file.Problems, Is.Empty);
            Assert.That(file.Sections[1].Glob!.IsMatch("/f#g;h"), Is.True);
        });
    }

    [Test]
    public void Handles_crlf_cr_and_a_byte_order_mark()
    {
        EditorConfigDocument file = Parse("\uFEFFroot = true\r\n[*.yml]\r\na = 1\rb = 2\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Problems, Is.Empty);
            Assert.That(file.IsRoot, Is.True);
            Assert.That(file.Sections[0].Properties.Select(p => p.Value), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(file.Text.GetSpan(file.Sections[0].Properties[1].ValueSpan).Start, Is.EqualTo(new LinePosition(4, 5)));
        });
    }

    [Test]
    public void Repeated_keys_are_kept_in_order()
    {
        EditorConfigDocument file = Parse("[*]\na = 1\nA = 2\n");
        Assert.That(file.Sections[0].Properties.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("a", "1"), ("a", "2") }));
    }

    [TestCase("[*.yml\n", 1, 1, 7, "no closing ']'")]
    [TestCase("[*]\n  []\n", 2, 3, 5, "no glob")]
    [TestCase("[*] trailing\n", 1, 1, 13, "malformed")]
    [TestCase("[a#b]\n", 1, 1, 6, "malformed")]
    [TestCase("[*]\nmy prop = 1\n", 2, 1, 12, "'p'")]
    [TestCase("[*]\n   = value\n", 2, 4, 5, "no key")]
    [TestCase("[*]\njust_a_word\n", 2, 1, 12, "no '='")]
    [TestCase("[*]\n@!$abc = 1\n", 2, 1, 2, "not a 'key = value'")]
    [TestCase("[*]\nkey\t value\n", 2, 1, 11, "'v'")]
    public void Malformed_lines_are_problems_at_their_position(string content, int line, int column, int endColumn, string message)
    {
        EditorConfigDocument file = Parse(content);
        Assert.That(file.Problems, Has.Count.EqualTo(1));
        ConfigurationProblem problem = file.Problems[0];
        Assert.Multiple(() =>
        {
            Assert.That(problem.Path, Is.EqualTo("/repo/.editorconfig"));
            Assert.That(problem.LineSpan, Is.EqualTo(LinePositionSpan.FromLine(line, column, endColumn)));
            Assert.That(problem.Message, Does.Contain(message));
        });
    }

    [Test]
    public void Properties_after_a_bad_header_stay_in_the_previous_section_like_Roslyn()
    {
        EditorConfigDocument file = Parse("[*.cs\nmy_prop = my_val\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Sections, Is.Empty);
            Assert.That(file.Preamble.Select(p => p.Key), Is.EqualTo(new[] { "my_prop" }));
        });
    }

    [Test]
    public void Invalid_glob_is_a_problem_on_the_section_name_and_matches_nothing()
    {
        EditorConfigDocument file = Parse("[*]\na = 1\n\n[{test.*]\na = 2\n");
        Assert.That(file.Problems, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(file.Sections[1].Glob, Is.Null);
            Assert.That(file.Text.GetText(file.Problems[0].Span), Is.EqualTo("{test.*"));
            Assert.That(file.Problems[0].LineSpan, Is.EqualTo(LinePositionSpan.FromLine(4, 2, 9)));
            Assert.That(file.Problems[0].Message, Does.Contain("applies to no file"));
        });
    }

    [Test]
    public void Unicode_letters_are_key_characters_like_regex_word_characters()
    {
        EditorConfigDocument file = Parse("[*]\nclé_été = oui\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Problems, Is.Empty);
            Assert.That(file.Sections[0].Properties[0].Key, Is.EqualTo("clé_été"));
        });
    }

    [TestCase("")]
    [TestCase("\n\n\n")]
    [TestCase("   \t  ")]
    [TestCase("\0\0\0")]
    [TestCase("[")]
    [TestCase("=")]
    [TestCase("\uFEFF")]
    [TestCase("[*]\n\\")]
    public void Odd_input_never_throws(string content)
    {
        EditorConfigDocument file = Parse(content);
        Assert.That(file.Text.Content, Is.EqualTo(content));
    }

    [Test]
    public void Windows_directory_is_normalized()
    {
        EditorConfigDocument file = EditorConfigDocument.Parse("", @"c:\repo\src\");
        Assert.Multiple(() =>
        {
            Assert.That(file.NormalizedDirectory, Is.EqualTo("C:/repo/src"));
            Assert.That(file.Path, Is.EqualTo(@"c:\repo\src\.editorconfig"));
        });
    }
}
