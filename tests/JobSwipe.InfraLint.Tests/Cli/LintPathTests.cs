using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Cli;

/// <summary>What PATH and --output may name: a folder, a file in its repository, nothing at all, an unwritable place.</summary>
public class LintPathTests
{
    private static readonly Dictionary<string, string> Repository = new()
    {
        [".git/HEAD"] = "ref: refs/heads/main\n",
        ["docker-compose.yml"] = "services:\n  web:\n    image: nginx:1.27.3\n    depends_on: [db]\n",
        ["deploy/docker-compose.production.yml"] = "services:\n  api:\n    image: api:1.0.0\n    depends_on: [cache]\n",
    };

    [Test]
    public void A_file_lints_its_repository_and_reports_that_file_only()
    {
        using var repo = new TempRepository(Repository);
        var run = CliRun.Of(Path.Combine(repo.Root, "deploy", "docker-compose.production.yml"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("root").GetString(), Is.EqualTo(Path.GetFullPath(repo.Root)), "the root is the repository (the folder with .git), not the file's folder");
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Distinct();
        Assert.That(paths, Is.EqualTo(new[] { "deploy/docker-compose.production.yml" }));
    }

    [Test]
    public void CI_annotations_name_files_from_the_repository_root_when_PATH_is_a_subfolder()
    {
        using var repo = new TempRepository(Repository);
        var github = CliRun.Of(Path.Combine(repo.Root, "deploy"), "--format", "github");
        Assert.That(github.Output, Does.Contain("file=deploy/docker-compose.production.yml,"), github.ToString());
        var gitlab = CliRun.Of(Path.Combine(repo.Root, "deploy"), "--format", "gitlab");
        Assert.That(gitlab.Output, Does.Contain("\"path\": \"deploy/docker-compose.production.yml\""), gitlab.ToString());
        var json = CliRun.Of(Path.Combine(repo.Root, "deploy"), "--format", "json");
        Assert.That(json.Output, Does.Contain("\"path\": \"docker-compose.production.yml\""), "the JSON report stays relative to its root");
    }

    [Test]
    public void A_path_that_does_not_exist_says_so()
    {
        using var repo = new TempRepository(Repository);
        string missing = Path.Combine(repo.Root, "docker-compose.yaml");
        var run = CliRun.Of(missing);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Is.EqualTo($"infralint: '{missing}' does not exist{Environment.NewLine}"));
    }

    [Test]
    public void A_file_discovery_leaves_out_is_a_usage_error()
    {
        using var repo = new TempRepository(Repository);
        string ignored = repo.Write("node_modules/x/docker-compose.yml", "services: {}\n");
        var run = CliRun.Of(ignored);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("is not linted"));
    }

    [Test]
    public void An_unwritable_output_gets_a_plain_sentence_and_leaves_no_file()
    {
        using var repo = new TempRepository(Repository);
        string blocker = repo.Write("blocker", "a file where a folder should be\n");
        string output = Path.Combine(blocker, "report.json");
        var run = CliRun.Of(repo.Root, "--output", output);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.ToString());
        Assert.That(lines[0], Does.StartWith($"infralint: cannot write the report to '{output}': "));
        Assert.That(lines[0], Does.Not.Contain("Exception").And.Not.Contain(".tmp"));
        Assert.That(Directory.GetFiles(repo.Root, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void An_output_that_is_a_folder_says_so()
    {
        using var repo = new TempRepository(Repository);
        var run = CliRun.Of(repo.Root, "--output", Path.Combine(repo.Root, "deploy"));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.Trim(), Does.EndWith("': it is a folder"));
    }

    [Test]
    public void The_output_replaces_an_existing_report_whole()
    {
        using var repo = new TempRepository(Repository);
        string output = repo.Write("out/report.txt", new string('x', 100_000));
        var run = CliRun.Of(repo.Root, "--output", output, "--format", "github");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(File.ReadAllText(output), Does.StartWith("::").And.Not.Contain("xxx"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(output)!), Has.Length.EqualTo(1), "no temporary file left beside it");
    }
}
