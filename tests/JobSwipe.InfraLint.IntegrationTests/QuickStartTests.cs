namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// The README's Quick start, as a new user follows it on a fresh clone: <c>dotnet pack -c Release</c> at the repository
/// root puts JobSwipe.InfraLint and JobSwipe.InfraLint.Cli 0.1.0 into artifacts/packages; a project whose nuget.config
/// names that folder references <c>Version="0.1.0"</c> and its build lints; <c>dotnet tool install</c> with
/// <c>--add-source</c> installs the tool, which lints too. Also: an MSBuild older than 18 gets one sentence, not a crash.
/// </summary>
public sealed class QuickStartTests : ConsumerTests
{
    private const string ReadmeVersion = "0.1.0";

    [Test]
    public void The_readme_pack_command_feeds_a_package_reference_and_a_tool_install()
    {
        // The README's command, as written, from the repository root.
        var pack = DotNet.Run(IntegrationRun.RepositoryRoot, ["pack", "-c", "Release", "-nodeReuse:false", "-tl:off", "-v:m", "-p:UseSharedCompilation=false"], null, "quickstart-pack", DotNet.PackTimeout);
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);
        string feed = Path.Combine(IntegrationRun.RepositoryRoot, "artifacts", "packages");
        Assert.That(File.Exists(Path.Combine(feed, $"JobSwipe.InfraLint.{ReadmeVersion}.nupkg")), Is.True, pack.Output);
        Assert.That(File.Exists(Path.Combine(feed, $"JobSwipe.InfraLint.Cli.{ReadmeVersion}.nupkg")), Is.True, pack.Output);

        // A project as the Quick start shows it, with a nuget.config naming the local feed.
        var consumer = NewConsumer("quickstart")
            .WriteFile("nuget.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="infralint-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """)
            .WriteFile("infralint.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <IsPackable>false</IsPackable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="JobSwipe.InfraLint" Version="{ReadmeVersion}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """)
            .WriteFile("docker-compose.yml", Fixtures.DevCompose);

        var build = consumer.Build();
        Assert.That(build.ExitCode, Is.Zero, build.Describe);
        Assert.That(build.Single("JSI2001", "docker-compose.yml").Position, Is.EqualTo(Fixtures.Jsi2001Position), build.Describe);
        Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);

        string toolPath = Path.Combine(IntegrationRun.RunRoot, "quickstart-tool");
        var install = DotNet.Run(
            IntegrationRun.RunRoot,
            ["tool", "install", "--tool-path", toolPath, "--add-source", feed, "JobSwipe.InfraLint.Cli", "--version", ReadmeVersion],
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = IntegrationRun.PackagesDirectory },
            "quickstart-tool-install");
        Assert.That(install.ExitCode, Is.Zero, install.Output);
        var lint = DotNet.RunExecutable(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "infralint.exe" : "infralint"), consumer.Root, [consumer.Root], "quickstart-tool");
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
        Assert.That(lint.Output, Does.Contain("warning JSI2001").And.Contain("infralint: "), lint.Output);
    }

    [Test]
    public void An_msbuild_older_than_18_gets_one_sentence_and_no_type_load_error()
    {
        var consumer = NewConsumer().AddProject().WriteFile("docker-compose.yml", Fixtures.DevCompose);

        var build = consumer.Build("-p:_InfraLintMSBuildVersion=17.14.8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(build.Process.Output.Split('\n').Count(l => l.Contains("InfraLint needs MSBuild 18.0 or later", StringComparison.Ordinal)), Is.EqualTo(1), build.Process.Output);
            Assert.That(build.Process.Output, Does.Contain("this build uses MSBuild 17.14.8"));
            Assert.That(build.Process.Output, Does.Not.Contain("MSB4062").And.Not.Contain("TypeLoadException").And.Not.Contain("MSB4036"));
            Assert.That(build.Findings, Is.Empty, build.Describe);
        }
    }
}
