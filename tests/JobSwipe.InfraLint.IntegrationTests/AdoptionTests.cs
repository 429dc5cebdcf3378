using System.Text.Json;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// Adoption end to end: a team's custom rule compiled against the engine the package carries
/// (<c>$(InfraLintEngineAssembly)</c>, Private=false), loaded by <c>InfraLintAnalyzer</c> in <c>dotnet build</c> and by
/// <c>--analyzer</c> in the infralint tool installed from the packed feed; the tool's SARIF holds exactly the findings the
/// MSBuild run prints; <c>infralint baseline</c> and <c>InfraLintUpdateBaseline</c> accept today's findings, new ones
/// still fail; a suppression comment removes exactly its finding. The linted tree is a copy of tests/fixtures/jobswipe,
/// on which the sample rule (ACME0001, error: a secret with a value in an example env file) always finds errors.
/// </summary>
public sealed class AdoptionTests : ConsumerTests
{
    [Test]
    public void Custom_rule_sarif_baseline_and_suppression_agree_between_dotnet_build_and_the_tool()
    {
        string rules = BuildSampleRules();
        string tool = InstallTool();
        string sarifFromBuild = Path.Combine(IntegrationRun.LogsDirectory, "adoption-build.sarif");
        var consumer = NewConsumer("adoption");
        CopyDirectory(Path.Combine(IntegrationRun.RepositoryRoot, "tests", "fixtures", "jobswipe"), consumer.Root);
        consumer.AddProject(
            properties: $"<InfraLintSarifFile>{sarifFromBuild}</InfraLintSarifFile>",
            items: $"<InfraLintAnalyzer Include=\"{rules}\" />");

        // 1. dotnet build: the custom findings in canonical form, with the rule's help link as the code's page.
        var build = consumer.Build();
        string envExample = consumer.PathOf(".env.example");
        Assert.That(build.ExitCode, Is.EqualTo(1), build.Describe);
        var custom = build.WithCode("ACME0001").ToArray();
        Assert.That(custom, Is.Not.Empty, build.Describe);
        Assert.That(custom.Select(f => f.Text), Has.Some.Contains($"{envExample}(5,1,5,11): error ACME0001: example env file sets a value for 'SECRET_KEY'; leave secrets empty in example files"), build.Describe);

        // 2. The tool, on the same tree: exit 1, and its SARIF holds exactly the findings MSBuild printed.
        string sarifFromTool = Path.Combine(IntegrationRun.LogsDirectory, "adoption-tool.sarif");
        var lint = Tool(tool, consumer.Root, "--format", "sarif", "--output", sarifFromTool, "--analyzer", rules);
        Assert.That(lint.ExitCode, Is.EqualTo(1), lint.Output);
        // Repository-level findings are logged against the project file in the build and marked repositoryLevel in SARIF.
        var expected = build.Findings
            .Select(f => (f.Code, File: f.File.EndsWith(".csproj", StringComparison.Ordinal) ? "(repository)" : f.File, f.Line, f.Column, f.EndLine ?? f.Line, f.EndColumn ?? f.Column))
            .OrderBy(f => f).ToArray();
        Assert.That(SarifFindings(sarifFromTool, consumer.Root), Is.EqualTo(expected), lint.Output + build.Describe());
        Assert.That(SarifFindings(sarifFromBuild, consumer.Root), Is.EqualTo(expected), "the InfraLintSarifFile of the build");
        Assert.That(lint.Output, Does.Match(@"infralint: \d+ files?, \d+ analyzed: \d+ errors?, \d+ warnings?, \d+ info, \d+ suppressed \(baseline \d+\) in \d+ ms"));

        // 3. infralint baseline: the same tree then passes, in the tool and in dotnet build.
        var baseline = Tool(tool, consumer.Root, "baseline", consumer.Root, "--analyzer", rules);
        Assert.That(baseline.ExitCode, Is.EqualTo(0), baseline.Output);
        Assert.That(File.Exists(consumer.PathOf("infralint.baseline.json")), Is.True);
        var clean = Tool(tool, consumer.Root, "--analyzer", rules);
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.Output);
        Assert.That(clean.Output, Does.Not.Contain(": error ").And.Not.Contain(": warning "));
        var cleanBuild = consumer.Build();
        Assert.That(cleanBuild.ExitCode, Is.EqualTo(0), cleanBuild.Describe);
        Assert.That(cleanBuild.Findings.Where(f => f.Severity is "error" or "warning"), Is.Empty, cleanBuild.Describe);

        // 4. Moved lines stay suppressed; a new error fails both again.
        File.WriteAllText(envExample, "# a new first line moves every finding down\n" + File.ReadAllText(envExample) + "NEW_API_TOKEN=abc123\n");
        int newLine = File.ReadAllLines(envExample).Length;
        var again = Tool(tool, consumer.Root, "--analyzer", rules);
        Assert.That(again.ExitCode, Is.EqualTo(1), again.Output);
        Assert.That(again.Output, Does.Contain($"{envExample}({newLine},1,{newLine},14): error ACME0001: example env file sets a value for 'NEW_API_TOKEN'"));
        Assert.That(again.Output.Split('\n').Count(l => l.Contains(": error ", StringComparison.Ordinal)), Is.EqualTo(1), again.Output);
        Assert.That(again.Output, Does.Not.Contain("abc123"), "no secret value in any output");
        var failingBuild = consumer.Build();
        Assert.That(failingBuild.ExitCode, Is.EqualTo(1), failingBuild.Describe);
        Assert.That(failingBuild.WithCode("ACME0001").Select(f => f.Line), Is.EqualTo(new[] { newLine }), failingBuild.Describe);

        // 5. A suppression comment removes exactly its finding (every finding counted, baseline ignored).
        var before = JsonFindings(Tool(tool, consumer.Root, "--no-baseline", "--format", "json", "--analyzer", rules));
        var lines = File.ReadAllLines(envExample).ToList();
        lines.Insert(newLine - 1, "# infralint-disable-next-line ACME0001 -- a public demo token");
        File.WriteAllLines(envExample, lines);
        var afterRun = Tool(tool, consumer.Root, "--no-baseline", "--format", "json", "--analyzer", rules);
        var after = JsonFindings(afterRun);
        Assert.That(after.Count, Is.EqualTo(before.Count - 1), afterRun.Output);
        Assert.That(after.Where(f => f.Message.Contains("NEW_API_TOKEN", StringComparison.Ordinal)), Is.Empty);
        Assert.That(Tool(tool, consumer.Root, "--analyzer", rules).ExitCode, Is.EqualTo(0));

        // 6. InfraLintUpdateBaseline=true rewrites the baseline; editing the baseline re-runs the analysis (no stale cache).
        File.WriteAllText(envExample, File.ReadAllText(envExample) + "OTHER_SECRET=x\n");
        var update = consumer.Build("-p:InfraLintUpdateBaseline=true");
        Assert.That(update.ExitCode, Is.EqualTo(0), update.Describe);
        var cached = consumer.Build();
        Assert.That(cached.ExitCode, Is.EqualTo(0), cached.Describe);
        Assert.That(cached.Summaries.Single().FromCache, Is.True, cached.Describe);
        File.WriteAllText(consumer.PathOf("infralint.baseline.json"), "{\"version\": 1, \"findings\": []}\n");
        var emptied = consumer.Build();
        Assert.That(emptied.Summaries.Single().FromCache, Is.False, emptied.Describe);
        Assert.That(emptied.ExitCode, Is.EqualTo(1), emptied.Describe);
    }

    /// <summary>The rules project is shared by the tests of this class: deleted when they all passed.</summary>
    [OneTimeTearDown]
    public void DeleteRulesProject()
    {
        if (_rulesRoot is not null && TestContext.CurrentContext.Result.FailCount == 0)
        {
            IntegrationRun.TryDelete(_rulesRoot);
        }
    }

    [Test]
    public void Tool_usage_errors_exit_2_and_help_and_version_exit_0()
    {
        string tool = InstallTool();
        string folder = IntegrationRun.ConsumersDirectory;
        Assert.That(Tool(tool, folder, "--help").ExitCode, Is.EqualTo(0));
        Assert.That(Tool(tool, folder, "--version").Output.Trim(), Does.StartWith(IntegrationRun.PackageVersion));
        Assert.That(Tool(tool, folder, "--format", "xml").ExitCode, Is.EqualTo(2));
        Assert.That(Tool(tool, folder, "--baseline", "x.json", "--no-baseline").ExitCode, Is.EqualTo(2));
        Assert.That(Tool(tool, folder, Path.Combine(folder, "no-such-folder")).ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Packed_tool_has_the_rule_reference_and_every_format()
    {
        string tool = InstallTool();
        string folder = IntegrationRun.ConsumersDirectory;
        var rules = Tool(tool, folder, "rules", "--format=json");
        Assert.That(rules.ExitCode, Is.EqualTo(0), rules.Output);
        using (var document = JsonDocument.Parse(rules.Output))
        {
            Assert.That(document.RootElement.GetArrayLength(), Is.GreaterThan(80));
        }

        var explain = Tool(tool, folder, "explain", "JSI2009");
        Assert.That(explain.ExitCode, Is.EqualTo(0), explain.Output);
        Assert.That(explain.Output, Does.Contain("When it applies").And.Contain("Only production compose files"), "the rule pages are embedded in the packed tool");
        var unknown = Tool(tool, folder, "explain", "JSI2099");
        Assert.That(unknown.ExitCode, Is.EqualTo(2), unknown.Output);
        Assert.That(unknown.Output, Does.Contain("unknown rule 'JSI2099'; did you mean JSI2009"));

        string repository = Path.Combine(IntegrationRun.ConsumersDirectory, "tool-formats");
        Directory.CreateDirectory(repository);
        File.WriteAllText(Path.Combine(repository, "docker-compose.yml"), "services:\n  web:\n    image: nginx:1.27.3\n    depends_on: [db]\n");
        foreach (string format in new[] { "github", "gitlab", "junit", "checkstyle", "json", "sarif" })
        {
            string output = Path.Combine(IntegrationRun.LogsDirectory, $"tool-format.{format}.txt");
            var run = Tool(tool, repository, ".", $"--format={format}", "--output", output, "--no-baseline");
            Assert.That(run.ExitCode, Is.EqualTo(1), format + ": " + run.Output);
            Assert.That(File.ReadAllText(output), Does.Contain("JSI2005"), format);
        }

        var file = Tool(tool, repository, "docker-compose.yml", "--no-baseline");
        Assert.That(file.ExitCode, Is.EqualTo(1), "a file PATH lints it in its repository: " + file.Output);
    }

    private static readonly Lock Gate = new();
    private static string? _rules;
    private static string? _rulesRoot;
    private static string? _tool;

    /// <summary>
    /// Compiles the sample rule as a team outside this repository would: a class library with a PackageReference to the
    /// packed JobSwipe.InfraLint and <c>&lt;Reference Include="$(InfraLintEngineAssembly)" Private="false" /&gt;</c>.
    /// </summary>
    private static string BuildSampleRules()
    {
        lock (Gate)
        {
            if (_rules is not null)
            {
                return _rules;
            }

            var rules = Consumer.Create("acme-rules");
            _rulesRoot = rules.Root;
            rules.WriteFile("AcmeRules.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <InfraLintEnabled>false</InfraLintEnabled>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="JobSwipe.InfraLint" Version="{IntegrationRun.PackageVersion}" PrivateAssets="all" />
                    <Reference Include="$(InfraLintEngineAssembly)" Private="false" />
                  </ItemGroup>
                </Project>
                """);
            rules.WriteFile("ExampleEnvSecretAnalyzer.cs", File.ReadAllText(Path.Combine(IntegrationRun.RepositoryRoot, "tests", "samples", "CustomRules", "ExampleEnvSecretAnalyzer.cs")));
            var build = rules.Build("-c", "Release");
            Assert.That(build.ExitCode, Is.EqualTo(0), build.Describe);
            string dll = rules.PathOf(Path.Combine("bin", "Release", "net10.0", "AcmeRules.dll"));
            Assert.That(File.Exists(dll), Is.True, build.Describe);
            Assert.That(File.Exists(rules.PathOf(Path.Combine("bin", "Release", "net10.0", "JobSwipe.InfraLint.dll"))), Is.False, "Private=false: the engine is not copied next to the rules");
            return _rules = dll;
        }
    }

    /// <summary><c>dotnet tool install --tool-path {run}/tool --add-source {feed} JobSwipe.InfraLint.Cli --version {v}</c>, once.</summary>
    private static string InstallTool()
    {
        lock (Gate)
        {
            if (_tool is not null)
            {
                return _tool;
            }

            string toolPath = Path.Combine(IntegrationRun.RunRoot, "tool");
            var install = DotNet.Run(
                IntegrationRun.RunRoot,
                ["tool", "install", "--tool-path", toolPath, "--add-source", IntegrationRun.FeedDirectory, "JobSwipe.InfraLint.Cli", "--version", IntegrationRun.PackageVersion],
                new Dictionary<string, string?> { ["NUGET_PACKAGES"] = IntegrationRun.PackagesDirectory },
                "tool-install");
            Assert.That(install.ExitCode, Is.EqualTo(0), install.Output);
            string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "infralint.exe" : "infralint");
            Assert.That(File.Exists(command), Is.True, install.Output);
            return _tool = command;
        }
    }

    private static ProcessResult Tool(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string output = stdout + stderr.Result;
        string log = Path.Combine(IntegrationRun.LogsDirectory, $"tool-{Guid.NewGuid():N}.log");
        File.WriteAllText(log, $"> infralint {string.Join(' ', arguments)}\n{output}");
        return new ProcessResult("infralint " + string.Join(' ', arguments), process.ExitCode, output, clock.Elapsed, log);
    }

    private static (string Code, string File, int Line, int Column, int EndLine, int EndColumn)[] SarifFindings(string sarifPath, string root)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = document.RootElement.GetProperty("runs")[0];
        var baseUri = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!);
        Assert.That(Path.TrimEndingDirectorySeparator(baseUri.LocalPath), Is.EqualTo(Path.TrimEndingDirectorySeparator(root)));
        return [.. run.GetProperty("results").EnumerateArray().Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            string file = r.TryGetProperty("properties", out var properties) && properties.TryGetProperty("repositoryLevel", out var repositoryLevel) && repositoryLevel.GetBoolean()
                ? "(repository)"
                : new Uri(baseUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString()).LocalPath;
            if (!location.TryGetProperty("region", out var region))
            {
                return (r.GetProperty("ruleId").GetString()!, file, 0, 0, 0, 0);
            }

            return (r.GetProperty("ruleId").GetString()!, file, region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32());
        }).OrderBy(f => f)];
    }

    private static List<(string RuleId, string Message)> JsonFindings(ProcessResult run)
    {
        string json = run.Output[..(run.Output.LastIndexOf('}') + 1)];
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("message").GetString()!))];
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
