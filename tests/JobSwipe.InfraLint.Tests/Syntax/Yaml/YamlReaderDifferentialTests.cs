using System.Globalization;
using System.Text;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Yaml;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Yaml;

/// <summary>
/// The direct YAML reader against YamlDotNet, the oracle: for every input the reader accepts, both give the same
/// model (documents, every node with its kind, span, style, value and flow flag, every mapping entry, duplicates and
/// comments) and YamlDotNet finds no error. More files can be added with <c>INFRALINT_YAML_CORPUS</c> (folders,
/// separated by the path separator).
/// </summary>
public class YamlReaderDifferentialTests
{
    private const string ComposeSample = """
        # svc: local stack
        services:
          svc:
            build: .
            image: registry.example.com/svc:1.7.6
            ports:
              - "8167:8167"
              - '9000:9000' # admin
            env_file: .env
            environment:
              LOG_LEVEL: info
              URL: postgresql://app:${DB_PASSWORD}@db:5432/svc
            depends_on:
              db:
                condition: service_healthy
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost/health"]
              interval: 30s
            command: [ npm, run, start ]
          db:
            image: postgres:16.4
            volumes:
            - db-data:/var/lib/postgresql/data
            -
            - it's
            labels:
              - a=b
              -   key: value
                  other: 'x ''y'''
            empty:
        volumes:
          db-data:

        """;

    [Test]
    public void The_reader_and_YamlDotNet_agree_on_every_file_the_reader_accepts()
    {
        Assert.That(Compare(ComposeSample, "compose sample"), Is.True, "the reader reads the sample");
        int fixtures = 0, fixturesRead = 0;
        foreach (string file in Directory.EnumerateFiles(RepositoryPaths.Fixture(""), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            fixtures++;
            fixturesRead += Compare(File.ReadAllText(file), file) ? 1 : 0;
        }

        Assert.That(fixturesRead, Is.GreaterThan(0), "some fixtures are read directly");
        int files = 0, accepted = 0;
        foreach (string file in MiscFuzz.CorpusFiles("INFRALINT_YAML_CORPUS", ".yml", ".yaml"))
        {
            files++;
            accepted += Compare(File.ReadAllText(file), file) ? 1 : 0;
        }

        TestContext.Out.WriteLine($"fixtures: {fixturesRead} of {fixtures} read directly; corpus: {accepted} of {files}, the same model as YamlDotNet's");
    }

    [Test]
    public void The_reader_and_YamlDotNet_agree_on_mutated_input()
    {
        string[] seeds =
        [
            ComposeSample, ComposeSample.Replace("\n", "\r\n", StringComparison.Ordinal),
            "- a\n- b: c\n  d: [e, 'f']\n-\n  - g\n- h: \n    - i\n    - j\n  k: l\n",
            "a:\n  b:\n    c: d # e\n  # f\n  g: \"h\"\n",
            File.ReadAllText(JobSwipe.InfraLint.Tests.Syntax.Compose.ComposeParserTests.FixturePath("full.compose.yml")),
        ];
        int accepted = MiscFuzz.CountAccepted(seeds, 6000, source => Compare(source, source));
        Assert.That(accepted, Is.GreaterThan(600), "the mutations reach the reader, not only YamlDotNet");
    }

    [TestCase("a: b\n", true)]
    [TestCase("a: |\n  b\n", false)]
    [TestCase("a: &x b\nc: *x\n", false)]
    [TestCase("a: b\n  c\n", false)]
    [TestCase("a: {b: c}\n", false)]
    [TestCase("a: \"b\\n\"\n", false)]
    [TestCase("---\na: b\n", false)]
    [TestCase("a:\tb\n", false)]
    [TestCase("a: b: c\n", false)]
    [TestCase("- a\n- [b, 'c']\n", true)]
    public void The_reader_leaves_what_it_does_not_read_to_YamlDotNet(string source, bool read)
    {
        Assert.That(YamlReader.TryRead(new SourceText(source)) is not null, Is.EqualTo(read));
        Compare(source, source);
    }

    /// <summary>Whether the reader accepted <paramref name="source"/>; when it did, its model must be YamlDotNet's.</summary>
    private static bool Compare(string source, string name)
    {
        var text = new SourceText(source);
        ParseResult<YamlStream> oracle = YamlParser.ParseWithYamlDotNet(text);
        ParseResult<YamlStream> parsed = YamlParser.Parse(text);
        Assert.That(Dump(parsed.Model!), Is.EqualTo(Dump(oracle.Model!)), name);
        Assert.That(parsed.Errors, Is.EqualTo(oracle.Errors), name);
        if (YamlReader.TryRead(text) is not { } direct)
        {
            return false;
        }

        Assert.That(oracle.Errors, Is.Empty, $"the reader accepted what YamlDotNet rejects: {name}");
        Assert.That(Dump(direct), Is.EqualTo(Dump(oracle.Model!)), name);
        return true;
    }

    internal static string Dump(YamlStream stream)
    {
        var sb = new StringBuilder();
        foreach (YamlDocument document in stream.Documents)
        {
            sb.Append(CultureInfo.InvariantCulture, $"document {document.Span}\n");
            Node(sb, document.Root, 1);
        }

        foreach (SyntaxComment comment in stream.Comments)
        {
            sb.Append(CultureInfo.InvariantCulture, $"comment {comment.Span} <{comment.Text}>\n");
        }

        return sb.ToString();
    }

    private static void Node(StringBuilder sb, YamlNode? node, int depth)
    {
        sb.Append(' ', 2 * depth);
        if (node is null)
        {
            sb.Append("null\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"{node.GetType().Name} {node.Span} anchor {node.Anchor} tag {node.Tag} alias {node.AliasSpan} ");
        switch (node)
        {
            case YamlScalar scalar:
                sb.Append(CultureInfo.InvariantCulture, $"{scalar.Style} <{scalar.Value}>\n");
                break;
            case YamlSequence sequence:
                sb.Append(CultureInfo.InvariantCulture, $"flow {sequence.IsFlow}\n");
                foreach (YamlNode item in sequence.Items)
                {
                    Node(sb, item, depth + 1);
                }

                break;
            case YamlMapping mapping:
                sb.Append(CultureInfo.InvariantCulture, $"flow {mapping.IsFlow} entries {mapping.Entries.Count} resolved {mapping.ResolvedEntries.Count} duplicates {mapping.Duplicates.Count}\n");
                foreach (YamlMappingEntry entry in mapping.ResolvedEntries)
                {
                    sb.Append(' ', 2 * depth).Append(CultureInfo.InvariantCulture, $"entry {entry.Span} merged {entry.IsMerged} {entry.MergeOrigin}\n");
                    Node(sb, entry.Key, depth + 1);
                    Node(sb, entry.Value, depth + 1);
                }

                break;
        }
    }
}
