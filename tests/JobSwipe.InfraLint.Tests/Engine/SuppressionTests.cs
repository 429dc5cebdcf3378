using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>
/// Inline suppressions (<c># infralint-disable-next-line ID[, ID] [-- reason]</c>, <c># infralint-disable ID</c>), through
/// the whole engine with <see cref="FlagAnalyzer"/> (TEST0001 at every FLAG, TEST0002 at every WARN).
/// </summary>
public sealed class SuppressionTests
{
    [Test]
    public void Disable_next_line_silences_only_the_next_line()
    {
        var result = Lint(".env", "# infralint-disable-next-line TEST0001\nA=FLAG\nB=FLAG\n");

        Assert.That(Lines(result, "TEST0001"), Is.EqualTo(new[] { 3 }));
        Assert.That(result.Diagnostics.Where(d => d.Id == "JSI0002"), Is.Empty);
    }

    [Test]
    public void Disable_next_line_silences_only_the_named_rule()
    {
        var result = Lint(".env", "# infralint-disable-next-line TEST0001\nA=FLAG_WARN\n");

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TEST0002" }));
    }

    [Test]
    public void Disable_silences_from_the_comment_to_the_end_of_the_file_only()
    {
        var result = Lint(".env", "A=FLAG\nB=FLAG\n# infralint-disable TEST0001\nC=FLAG\n\nD=FLAG\n");

        Assert.That(Lines(result, "TEST0001"), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Disable_does_not_reach_other_files()
    {
        var result = Lint([(".env", "# infralint-disable TEST0001\nA=FLAG\n"), (".env.local", "A=FLAG\n")]);

        Assert.That(result.Diagnostics.Select(d => d.Location.Path), Is.EqualTo(new[] { ".env.local" }));
    }

    [TestCase("# infralint-disable-next-line TEST0001 -- local development only")]
    [TestCase("# infralint-disable-next-line TEST0001 --reason without a space")]
    [TestCase("# infralint-disable-next-line TEST0001-- glued")]
    [TestCase("# infralint-disable-next-line TEST0001 -- a reason naming TEST0002 and UNKNOWN9 is only a reason")]
    [TestCase("#infralint-disable-next-line TEST0001")]
    [TestCase("#   infralint-disable-next-line   TEST0001   ")]
    public void Reason_text_and_spacing_are_accepted(string comment)
    {
        var result = Lint(".env", comment + "\nA=FLAG_WARN\n");

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TEST0002" }), string.Join("\n", result.Diagnostics));
    }

    [TestCase("TEST0001, TEST0002")]
    [TestCase("TEST0001,TEST0002")]
    [TestCase("TEST0001 TEST0002")]
    [TestCase("TEST0001, TEST0002 -- both are fine here")]
    public void Several_ids_are_all_suppressed(string ids)
    {
        var result = Lint(".env", $"# infralint-disable-next-line {ids}\nA=FLAG_WARN\nB=FLAG_WARN\n");

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start.Line)), Is.EqualTo(new[] { ("TEST0001", 3), ("TEST0002", 3) }));
    }

    [Test]
    public void Unknown_id_is_JSI0002_at_the_comment_and_the_known_ids_still_apply()
    {
        var result = Lint(".env", "A=1\n# infralint-disable-next-line TEST0001, NOPE0001 -- typo\nB=FLAG\n");

        var problem = result.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Id, Is.EqualTo("JSI0002"));
            Assert.That(problem.Location.Span.Start.Line, Is.EqualTo(2));
            Assert.That(problem.Message, Does.Contain("'NOPE0001'"));
        }
    }

    [TestCase("# infralint-disable-next-line")]
    [TestCase("# infralint-disable-next-line -- only a reason")]
    [TestCase("# infralint-disable")]
    public void No_id_is_JSI0002_and_suppresses_nothing(string comment)
    {
        var result = Lint(".env", comment + "\nA=FLAG\n");

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start.Line)), Is.EqualTo(new[] { ("JSI0002", 1), ("TEST0001", 2) }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("names no rule ID"));
    }

    [Test]
    public void A_JSI0002_about_a_suppression_cannot_itself_be_suppressed()
    {
        var result = Lint(".env", "# infralint-disable JSI0002\n# infralint-disable-next-line NOPE0001\nA=1\n");

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "JSI0002" }));
    }

    [TestCase("infralint-disable-nextline TEST0001", Description = "misspelt directive")]
    [TestCase("see infralint-disable-next-line TEST0001 in the docs", Description = "not at the start of the comment")]
    [TestCase("infralint-disable-next-lineTEST0001", Description = "no space before the ID")]
    public void Text_that_is_not_a_directive_is_an_ordinary_comment(string comment)
    {
        var result = Lint(".env", $"# {comment}\nA=FLAG\n");

        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "TEST0001" }));
    }

    [Test]
    public void A_trailing_comment_on_an_assignment_suppresses_the_next_line()
    {
        var result = Lint(".env", "A=1 # infralint-disable-next-line TEST0001\nB=FLAG\nC=FLAG\n");

        Assert.That(Lines(result, "TEST0001"), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Built_in_ids_are_known()
    {
        var result = Lint(".env", $"# infralint-disable {string.Join(", ", AnalyzerCatalog.AllDescriptors.Select(d => d.Id))}\nA=1\n");

        Assert.That(result.Diagnostics, Is.Empty);
    }

    // Each file kind's own comment syntax.
    [TestCase(FileKind.DotEnv, ".env", "A=1\n{0}\nB=FLAG\nC=FLAG\n")]
    [TestCase(FileKind.FlyConfig, "fly.toml", "app = \"a\"\n{0}\nb = \"FLAG\"\nc = \"FLAG\"\n")]
    [TestCase(FileKind.DependencyManifest, "requirements.txt", "django==5.0\n{0}\nFLAG==1.0\nFLAG==2.0\n")]
    [TestCase(FileKind.DependencyManifest, "pyproject.toml", "[project]\nname = \"a\"\n{0}\nb = \"FLAG\"\nc = \"FLAG\"\n")]
    [TestCase(FileKind.Procfile, "Procfile", "release: migrate\n{0}\nweb: FLAG\nworker: FLAG\n")]
    [TestCase(FileKind.DockerIgnore, ".dockerignore", "node_modules\n{0}\nFLAG\nFLAG/x\n")]
    [TestCase(FileKind.Compose, "docker-compose.yml", "services:\n  web:\n    {0}\n    image: FLAG\n    command: FLAG\n")]
    [TestCase(FileKind.CiWorkflow, ".github/workflows/ci.yml", "on: push\n{0}\nname: FLAG\nrun-name: FLAG\n")]
    [TestCase(FileKind.Dockerfile, "Dockerfile", "FROM alpine:3.20\n{0}\nRUN echo FLAG\nRUN echo FLAG\n")]
    [TestCase(FileKind.ShellScript, "scripts/deploy.sh", "#!/bin/sh\nset -eu\n{0}\necho FLAG\necho FLAG\n")]
    public void Suppression_comments_work_in_each_file_kind(FileKind kind, string path, string template)
    {
        Assert.That(ParserRegistry.CanParse(kind), Is.True, $"{kind} has a parser");
        string content = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "# infralint-disable-next-line TEST0001 -- reason");
        int commentLine = content.Split('\n').ToList().FindIndex(l => l.Contains("infralint-disable", StringComparison.Ordinal)) + 1;
        var result = Lint(path, content);

        Assert.That(result.Diagnostics.Where(d => d.Id != "TEST0001"), Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(Lines(result, "TEST0001"), Is.EqualTo(new[] { commentLine + 2 }), string.Join("\n", result.Diagnostics));

        var toEnd = Lint(path, content.Replace("infralint-disable-next-line", "infralint-disable", StringComparison.Ordinal));
        Assert.That(Lines(toEnd, "TEST0001"), Is.Empty, string.Join("\n", toEnd.Diagnostics));
    }

    [TestCase("test0001")]
    [TestCase("Test0001")]
    [TestCase("tEsT0001, jsi2003")]
    public void Ids_are_case_insensitive_and_never_reported_as_unknown(string ids)
    {
        var result = Lint(".env", $"# infralint-disable-next-line {ids}\nA=FLAG\nB=FLAG\n");

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start.Line)), Is.EqualTo(new[] { ("TEST0001", 3) }), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void A_lower_case_id_silences_its_rule()
    {
        var result = Lint(".env", "# infralint-disable-next-line test0001\nA=FLAG\n# infralint-disable test0002\nB=WARN\n");

        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
    }

    [TestCase(1, "# infralint-disable-next-line TEST0003\nA=LINKED\nB=ALSO\nC=ALSO\n")]
    [TestCase(2, "A=LINKED\n# infralint-disable-next-line TEST0003\nB=ALSO\nC=ALSO\n")]
    [TestCase(3, "A=LINKED\nB=ALSO\n# infralint-disable-next-line TEST0003 -- the last place is enough\nC=ALSO\n")]
    public void A_suppression_at_any_location_of_a_finding_silences_it(int place, string content)
    {
        var result = Lint(".env", content);

        Assert.That(result.Diagnostics, Is.Empty, $"place {place}: " + string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void A_suppression_of_another_rule_at_an_additional_location_does_not_silence_it()
    {
        var result = Lint(".env", "A=LINKED\n# infralint-disable-next-line TEST0001\nB=ALSO\n");

        var finding = result.Diagnostics.Single();
        Assert.That((finding.Id, finding.Location.Span.Start.Line, finding.AdditionalLocations.Single().Span.Start.Line), Is.EqualTo(("TEST0003", 1, 3)));
    }

    private static LintResult Lint(string path, string content) => Lint([(path, content)]);

    private static LintResult Lint((string Path, string Content)[] files)
    {
        using var repository = new TempRepository();
        foreach (var (path, content) in files)
        {
            repository.Write(path, content);
        }

        return LintEngine.Run(new LintOptions(repository.Root) { Analyzers = [new FlagAnalyzer()] });
    }

    private static int[] Lines(LintResult result, string id) =>
        [.. result.Diagnostics.Where(d => d.Id == id).Select(d => d.Location.Span.Start.Line)];
}
