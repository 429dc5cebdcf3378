using System.Globalization;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// A generated consumer repository in a fresh folder outside this repository: its own nuget.config (the run's feed,
/// nuget.org from the machine's default configuration), stub Directory.Build.props/.targets and
/// Directory.Packages.props (so no build settings leak in from folders above) and an .editorconfig with
/// <c>root = true</c>. Projects reference the freshly packed JobSwipe.InfraLint.
/// </summary>
public sealed class Consumer
{
    private Consumer(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static Consumer Create(string name)
    {
        string root = Path.Combine(IntegrationRun.ConsumersDirectory, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(root);
        var consumer = new Consumer(root);
        consumer.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="infralint-integration" value="{IntegrationRun.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        consumer.WriteFile("Directory.Build.props", "<Project />\n");
        consumer.WriteFile("Directory.Build.targets", "<Project />\n");
        consumer.WriteFile("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        consumer.WriteFile(".editorconfig", "root = true\n");
        return consumer;
    }

    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public Consumer WriteFile(string relativePath, string content)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>Adds a class library referencing JobSwipe.InfraLint at <paramref name="directory"/>/<paramref name="name"/>.csproj.</summary>
    /// <param name="targetFrameworks">One TFM, or several separated by ';' (then written as TargetFrameworks).</param>
    /// <param name="properties">Extra XML inside the PropertyGroup.</param>
    /// <param name="items">Extra XML inside an ItemGroup (e.g. InfraLintExclude items).</param>
    public Consumer AddProject(string name = "App", string directory = ".", string targetFrameworks = "net10.0", string properties = "", string items = "")
    {
        string tfmElement = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        WriteFile(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfmElement}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="JobSwipe.InfraLint" Version="{IntegrationRun.PackageVersion}" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);
        WriteFile(Path.Combine(directory, name + "Class.cs"), $"namespace {name}\n{{\n    public static class {name}Class\n    {{\n        public static int Answer => 42;\n    }}\n}}\n");
        return this;
    }

    /// <summary>Writes <paramref name="content"/> to a file outside the consumer and links <paramref name="relativePath"/> to it.</summary>
    public Consumer SymlinkOutside(string relativePath, string content = "services:\n  web:\n    image: nginx:1.27\n")
    {
        string target = Path.Combine(IntegrationRun.OutsideDirectory, Guid.NewGuid().ToString("N") + Path.GetExtension(relativePath));
        File.WriteAllText(target, content);
        string link = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
        return this;
    }

    /// <summary>
    /// <c>dotnet build [target] -nodeReuse:false -tl:off -v:n -p:UseSharedCompilation=false [arguments]</c> in the consumer's root,
    /// with the run's NUGET_PACKAGES. The output goes to the run's logs folder, never into the linted root.
    /// </summary>
    public BuildResult Build(params string[] arguments) => BuildTarget(null, arguments);

    public BuildResult BuildTarget(string? target, params string[] arguments)
    {
        var all = new List<string> { "build" };
        if (target is not null)
        {
            all.Add(target);
        }

        all.AddRange(["-nodeReuse:false", "-tl:off", "-v:n", "-p:UseSharedCompilation=false"]);
        all.AddRange(arguments);
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = IntegrationRun.PackagesDirectory,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        string logName = Path.GetFileName(Root) + "-" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var result = new BuildResult(DotNet.Run(Root, all, environment, logName));
        TestContext.Progress.WriteLine($"  {result.Process.CommandLine} in {Path.GetFileName(Root)}: exit {result.ExitCode}, {result.Process.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}

/// <summary>Base of the tests that build consumers: deletes a passing test's consumers, keeps a failing test's.</summary>
public abstract class ConsumerTests
{
    private readonly List<Consumer> _consumers = [];

    protected Consumer NewConsumer(string? name = null)
    {
        var consumer = Consumer.Create(name ?? TestContext.CurrentContext.Test.MethodName ?? "consumer");
        _consumers.Add(consumer);
        return consumer;
    }

    [TearDown]
    public void DeletePassingConsumers()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            foreach (var consumer in _consumers)
            {
                IntegrationRun.TryDelete(consumer.Root);
            }
        }
        else
        {
            foreach (var consumer in _consumers)
            {
                TestContext.Out.WriteLine($"Consumer kept for inspection: {consumer.Root}");
            }
        }

        _consumers.Clear();
    }
}
