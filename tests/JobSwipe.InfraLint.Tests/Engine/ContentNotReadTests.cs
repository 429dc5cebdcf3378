using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Engine;

/// <summary>
/// <see cref="LintResult.ContentNotRead"/>: the files whose contents no part of a run read, which the no-op cache's
/// fingerprint leaves out. Wrongly listing a file would let a change to it go unreported, so the read ones are pinned too.
/// </summary>
public class ContentNotReadTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        [".gitignore"] = "*.log\nlocal/\n",
        [".editorconfig"] = "root = true\n",
        ["compose.yaml"] = "services:\n  web:\n    image: nginx:1.27\n",
        ["Program.cs"] = "Console.WriteLine(\"hello\");\n",
        ["README.md"] = "# App\n",
        ["debug.log"] = "started\n",
        ["local/settings.json"] = "{ \"password\": \"x\" }\n",
    };

    [Test]
    public void Lists_the_files_that_no_rule_parser_or_configuration_read()
    {
        using var repo = new TempRepository(Files);

        var result = LintEngine.Run(new LintOptions(repo.Root));

        // Git would not track the log or local/: JSI5001 does not scan them, and nothing else reads them.
        Assert.That(result.ContentNotRead, Is.EqualTo(new[] { "debug.log", "local/settings.json" }));
    }

    [Test]
    public void A_tracked_source_file_is_read_by_the_secret_scan()
    {
        using var repo = new TempRepository(Files);

        var result = LintEngine.Run(new LintOptions(repo.Root));

        Assert.That(result.ContentNotRead, Does.Not.Contain("Program.cs").And.Not.Contain("compose.yaml").And.Not.Contain(".gitignore").And.Not.Contain(".editorconfig"));
    }

    [Test]
    public void Nothing_is_listed_when_other_analyzers_run()
    {
        using var repo = new TempRepository(Files);

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new FlagAnalyzer()] });

        Assert.That(result.ContentNotRead, Is.Empty);
    }
}
