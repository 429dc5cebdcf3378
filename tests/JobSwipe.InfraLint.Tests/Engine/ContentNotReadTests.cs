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
    public void Changing_the_files_no_rule_read_changes_no_finding_on_the_JobSwipe_replica()
    {
        // The replica plus a git-ignored folder of files of many kinds and names: the ones read are pinned by the
        // run itself, the others get content that would be findings if anything read it.
        using var repo = new TempRepository();
        string source = RepositoryPaths.Fixture("jobswipe");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            repo.WriteBytes(Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(file));
        }

        repo.Write(".gitignore", (File.Exists(Path.Combine(source, ".gitignore")) ? File.ReadAllText(Path.Combine(source, ".gitignore")) : string.Empty) + "\nlocal/\n");
        foreach (var (name, text) in new[]
        {
            ("Dockerfile", "FROM node\n"), ("run.sh", "#!/bin/sh\necho hi\n"), ("app.py", "import os\nos.environ['LOCAL_VAR']\n"),
            ("notes.md", "# notes\n"), ("server.js", "console.log(process.env.LOCAL_JS)\n"), ("data.json", "{\"a\": 1}\n"),
            ("Program.cs", "var x = 1;\n"), ("migrate", "#!/bin/bash\nalembic upgrade head\n"), ("settings.conf", "a=b\n"), ("fly.toml.bak", "app = 'x'\n"),
        })
        {
            repo.Write("local/" + name, text);
        }

        var first = LintEngine.Run(new LintOptions(repo.Root) { BaselineFile = null });
        Assert.That(first.ContentNotRead, Has.Count.GreaterThanOrEqualTo(3), "some of the ignored files are read by no rule");
        foreach (string path in first.ContentNotRead)
        {
            File.AppendAllText(Path.Combine(repo.Root, path), "\npassword = \"k8#Qz!2vLp$9wXr@7mTn\"\nFROM ubuntu\nvault server -dev\n");
        }

        var second = LintEngine.Run(new LintOptions(repo.Root) { BaselineFile = null });

        Assert.That(second.Diagnostics.Select(d => d.ToString()), Is.EqualTo(first.Diagnostics.Select(d => d.ToString())));
        Assert.That(second.ContentNotRead, Is.EqualTo(first.ContentNotRead));
    }

    [Test]
    public void Nothing_is_listed_when_other_analyzers_run()
    {
        using var repo = new TempRepository(Files);

        var result = LintEngine.Run(new LintOptions(repo.Root) { Analyzers = [new FlagAnalyzer()] });

        Assert.That(result.ContentNotRead, Is.Empty);
    }
}
