using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Ci;

public class CiWorkflowParserTests
{
    internal static string FixturePath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Syntax", "Ci", "Fixtures", name);

    private static (SourceText Text, CiPipeline Pipeline) Load(string fixture, CiKind kind)
    {
        var text = new SourceText(File.ReadAllText(FixturePath(fixture)));
        var result = CiWorkflowParser.Parse(text, kind);
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors));
        return (text, result.Model!);
    }

    [Test]
    public void GitHub_actions_jobs_and_steps()
    {
        var (text, p) = Load("build.yml", CiKind.GitHubActions);
        var test = p.Jobs[0];
        Assert.Multiple(() =>
        {
            Assert.That(p.Triggers, Is.Not.Null);
            Assert.That(p.Jobs.Select(j => j.Name), Is.EqualTo(new[] { "test", "reuse" }));
            Assert.That(text.GetText(test.NameSpan), Is.EqualTo("test"));
            Assert.That(test.RunsOn!.ToString(), Is.EqualTo("ubuntu-latest"));
            Assert.That(test.Steps[0].Action, Is.EqualTo("actions/checkout"));
            Assert.That(test.Steps[0].Version, Is.EqualTo("v4"));
            Assert.That(test.Steps[1].Name, Is.EqualTo("Build"));
            Assert.That(test.Steps[1].Shell!.Value, Is.EqualTo("bash"));
            Assert.That(test.Steps[2].With!.GetScalar("name")!.Value, Is.EqualTo("out"));
            Assert.That(p.Jobs[1].Steps.Single().Action, Is.EqualTo("org/repo/.github/workflows/x.yml"));
        });
        var run = test.Steps[1].RunScript!;
        int at = run.Value.IndexOf("--no-restore", StringComparison.Ordinal);
        Assert.That(text.GetText(run.MapValueSpanToSource(at, 12)), Is.EqualTo("--no-restore"));
        Assert.That(text.GetSpan(run.MapValueSpanToSource(at, 12)).Start.Line, Is.EqualTo(16));
    }

    [Test]
    public void GitLab_jobs_scripts_and_merge()
    {
        var (text, p) = Load("gitlab-ci.yml", CiKind.GitLabCi);
        var build = p.Jobs.Single(j => j.Name == "build-job");
        Assert.Multiple(() =>
        {
            Assert.That(p.Jobs.Select(j => j.Name), Is.EqualTo(new[] { ".base", "build-job", "deploy" }));
            Assert.That(build.Stage!.Value, Is.EqualTo("build"));
            Assert.That(build.Image!.ToString(), Is.EqualTo("node:20"));
            Assert.That(build.Steps.Select(s => s.RunScript!.Value), Is.EqualTo(new[] { "apk add curl", "npm ci", "npm test" }));
            Assert.That(build.Steps[0].ScriptKey, Is.EqualTo("before_script"));
            Assert.That(text.GetText(build.Steps[2].Span), Is.EqualTo("npm test"));
            Assert.That(p.Jobs[2].Steps.Select(s => s.RunScript!.Value), Is.EqualTo(new[] { "./deploy.sh", "echo done" }));
        });
    }

    [Test]
    public void Azure_stages_jobs_and_steps()
    {
        var (text, p) = Load("azure-pipelines.yml", CiKind.AzurePipelines);
        var compile = p.Jobs[0];
        Assert.Multiple(() =>
        {
            Assert.That(p.Jobs.Select(j => j.Name), Is.EqualTo(new[] { "Compile", "Ship" }));
            Assert.That(text.GetText(compile.NameSpan), Is.EqualTo("Compile"));
            Assert.That(compile.Steps[0].Name, Is.EqualTo("Build it"));
            Assert.That(compile.Steps[0].RunScript!.Value, Is.EqualTo("dotnet build"));
            Assert.That(compile.Steps[1].Uses!.Value, Is.EqualTo("DotNetCoreCLI@2"));
            Assert.That(compile.Steps[2].ScriptKey, Is.EqualTo("bash"));
            Assert.That(p.Jobs[1].Steps.Single().ScriptKey, Is.EqualTo("pwsh"));
        });
    }

    [Test]
    public void Azure_top_level_steps()
    {
        var p = CiWorkflowParser.Parse(new SourceText("steps:\n  - script: echo hi\n"), CiKind.AzurePipelines).Model!;
        Assert.That(p.AllSteps.Single().RunScript!.Value, Is.EqualTo("echo hi"));
    }

    [TestCase(CiKind.GitHubActions)]
    [TestCase(CiKind.GitLabCi)]
    [TestCase(CiKind.AzurePipelines)]
    public void Odd_shapes_do_not_throw(CiKind kind)
    {
        foreach (var content in new[] { "", "- a\n", "jobs: 3\n", "jobs:\n  a: [1]\nstages: x\nsteps: {}\n", "a: [" })
        {
            var result = CiWorkflowParser.Parse(new SourceText(content), kind);
            Assert.That(result.Model, Is.Not.Null);
        }
    }
}
