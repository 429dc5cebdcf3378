using System.Globalization;
using System.Text;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Toml;

/// <summary>
/// The direct TOML reader against Tomlyn's syntax tree, the oracle: for every input the reader accepts, both give the
/// same model (every table, entry, key segment, value, span, duplicate and comment) and Tomlyn finds no error.
/// More files can be added with <c>INFRALINT_TOML_CORPUS</c> (folders, separated by the path separator).
/// </summary>
public class TomlReaderDifferentialTests
{
    [Test]
    public void The_reader_and_Tomlyn_agree_on_every_file_the_reader_accepts()
    {
        string[] fixtures = [.. Directory.EnumerateFiles(RepositoryPaths.Fixture(""), "*.toml", SearchOption.AllDirectories)];
        Assert.That(fixtures, Is.Not.Empty);
        foreach (string file in fixtures)
        {
            Assert.That(Compare(File.ReadAllText(file), file), Is.True, $"the fixture uses only the forms the reader reads: {file}");
        }

        int files = 0, accepted = 0;
        foreach (string file in MiscFuzz.CorpusFiles("INFRALINT_TOML_CORPUS", ".toml"))
        {
            files++;
            bool read = Compare(File.ReadAllText(file), file);
            accepted += read ? 1 : 0;
            if (!read)
            {
                TestContext.Out.WriteLine("left to Tomlyn: " + file);
            }
        }

        TestContext.Out.WriteLine($"corpus: {accepted} of {files} files read directly, the same model as Tomlyn's");
    }

    [Test]
    public void The_reader_and_Tomlyn_agree_on_mutated_input()
    {
        string[] seeds =
        [
            TomlParserTests.Sample, FlyFixtures.Full, "a = [1, [2, {b = [3]}]]\n", "[[x.y]]\nz = \"\"\"\nq\n\"\"\"\n",
            "a.b = 1\n[a]\nc = 2\n[a.b.d]\n[[a.e]]\nf = { g = 'h', i.j = -3 }\n[[a.e]]\n\"k l\" = \"m\\u00e9\\t\\\"\" # c\n",
            "# c\r\nx = [ # one\r\n  \"a\", # two\r\n  'b',\r\n] # three\r\n[t] # four\r\nx = true\r\nx = false\r\n[t]\r\n",
        ];
        int accepted = MiscFuzz.CountAccepted(seeds, 4000, source => Compare(source, source));
        Assert.That(accepted, Is.GreaterThan(400), "the mutations reach the reader, not only Tomlyn");
    }

    [TestCase("a = 1\n", true)]
    [TestCase("a = 1.5\n", false)]
    [TestCase("a = 1_000\n", false)]
    [TestCase("a = 0x1F\n", false)]
    [TestCase("a = 1979-05-27\n", false)]
    [TestCase("a = \"\"\"x\"\"\"\n", false)]
    [TestCase("a = \"x\\x41\"\n", false)]
    [TestCase("a = { b = 1, }\n", false)]
    [TestCase("a = 1 b = 2\n", false)]
    [TestCase("a = \"\\u00e9\" # é\n", true)]
    [TestCase("[a]\n[[b]]\nc.d = [ {e = 'f'} ]\n", true)]
    public void The_reader_leaves_what_it_does_not_read_to_Tomlyn(string source, bool read)
    {
        Assert.That(TomlReader.TryRead(new SourceText(source)) is not null, Is.EqualTo(read));
        Compare(source, source);
    }

    /// <summary>Whether the reader accepted <paramref name="source"/>; when it did, its model must be Tomlyn's.</summary>
    private static bool Compare(string source, string name)
    {
        var text = new SourceText(source);
        TomlDocument? direct = TomlReader.TryRead(text);
        if (direct is null)
        {
            return false;
        }

        ParseResult<TomlDocument> oracle = TomlParser.ParseWithTomlyn(text);
        Assert.That(oracle.Errors, Is.Empty, $"the reader accepted what Tomlyn rejects: {name}");
        Assert.That(Dump(direct), Is.EqualTo(Dump(oracle.Model!)), name);
        return true;
    }

    internal static string Dump(TomlDocument document)
    {
        var sb = new StringBuilder();
        var tables = new Dictionary<TomlTableNode, int>(ReferenceEqualityComparer.Instance);
        foreach (TomlTableNode table in document.AllTables)
        {
            tables[table] = tables.Count;
        }

        foreach (TomlTableNode table in document.AllTables)
        {
            sb.Append(CultureInfo.InvariantCulture, $"table #{tables[table]} {table.Kind} [{string.Join('|', table.Path)}] {table.Span} name {table.NameSpan} header {table.HeaderSpan} {Key(table.HeaderKey)}\n");
            sb.Append("  keys ").AppendJoin('|', table.Keys).Append('\n');
            foreach (string key in table.Keys)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  member {key}: {Member(table.Get(key), tables)} entry {table.GetEntry(key)?.Span}\n");
            }

            foreach (TomlKeyValueNode entry in table.Entries)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  entry {Key(entry.Key)} {entry.Span} [{string.Join('|', entry.FullPath)}] = {Value(entry.Value, tables)}\n");
            }

            foreach (TomlTableNode sub in table.Tables)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  table #{tables[sub]}\n");
            }

            foreach (TomlTableArrayNode array in table.TableArrays)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  array {array.Name} [{string.Join('|', array.Path)}] {array.Span}: {string.Join(',', array.Elements.Select(e => "#" + tables[e]))}\n");
            }
        }

        foreach (TomlDuplicate duplicate in document.Duplicates)
        {
            sb.Append(CultureInfo.InvariantCulture, $"duplicate {duplicate.Kind} [{string.Join('|', duplicate.Path)}] {duplicate.FirstSpan} {duplicate.SecondSpan}\n");
        }

        foreach (SyntaxComment comment in document.Comments)
        {
            sb.Append(CultureInfo.InvariantCulture, $"comment {comment.Span} {comment.Text}\n");
        }

        return sb.ToString();
    }

    private static string Key(TomlKey? key) =>
        key is null ? "-" : string.Join('.', key.Segments.Select(s => $"<{s.Name}>{s.Span}")) + " " + key.Span;

    private static string Member(TomlNode? node, Dictionary<TomlTableNode, int> tables) => node switch
    {
        TomlTableNode t => "table #" + tables[t],
        TomlTableArrayNode a => "array " + a.Span,
        TomlValueNode v => Value(v, tables),
        _ => "null",
    };

    private static string Value(TomlValueNode value, Dictionary<TomlTableNode, int> tables) => value switch
    {
        TomlStringValue s => FormattableString.Invariant($"{s.StringKind} <{s.Value}> {s.Span}"),
        TomlIntegerValue i => FormattableString.Invariant($"int {i.Value} <{i.Text}> {i.Span}"),
        TomlFloatValue f => FormattableString.Invariant($"float {f.Value:R} <{f.Text}> {f.Span}"),
        TomlBooleanValue b => FormattableString.Invariant($"bool {b.Value} {b.Span}"),
        TomlDateTimeValue d => FormattableString.Invariant($"{d.Kind} {d.Value:O} <{d.Text}> {d.Span}"),
        TomlArrayValue a => FormattableString.Invariant($"array {a.Span} [{string.Join(", ", a.Items.Select(i => Value(i, tables)))}]"),
        TomlInlineTableValue t => FormattableString.Invariant($"inline {t.Span} #{tables[t.Table]}"),
        _ => value.Kind.ToString(),
    };
}
