using System.Globalization;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// Once per test run: packs JobSwipe.InfraLint from this repository into a temporary folder feed with a unique
/// prerelease version (NuGet never re-extracts a version already in a packages folder, so every run gets its own),
/// and lays out the run's temporary folder:
/// <code>
///   {temp}/infralint-it-{id}/feed/        the packed .nupkg
///   {temp}/infralint-it-{id}/packages/    NUGET_PACKAGES of every consumer build of this run
///   {temp}/infralint-it-{id}/consumers/   one fresh folder per consumer, outside the repository
///   {temp}/infralint-it-{id}/outside/     targets of symbolic links that point outside a consumer's root
///   {temp}/infralint-it-{id}/logs/        the full output of every dotnet invocation
/// </code>
/// The folder is deleted at the end of a run in which every test passed; otherwise it is kept and its path is
/// printed, so the consumers and logs of a failure can be inspected.
/// </summary>
[SetUpFixture]
public sealed class IntegrationRun
{
    private static string? _runRoot;
    private static string? _version;
    private static string? _packagePath;

    public static string RunRoot => _runRoot ?? throw new InvalidOperationException("The integration run has not been set up.");

    public static string PackageVersion => _version ?? throw new InvalidOperationException("The package has not been packed.");

    public static string PackagePath => _packagePath ?? throw new InvalidOperationException("The package has not been packed.");

    public static string FeedDirectory => Path.Combine(RunRoot, "feed");

    public static string PackagesDirectory => Path.Combine(RunRoot, "packages");

    public static string ConsumersDirectory => Path.Combine(RunRoot, "consumers");

    public static string OutsideDirectory => Path.Combine(RunRoot, "outside");

    public static string LogsDirectory => Path.Combine(RunRoot, "logs");

    /// <summary>The folder holding JobSwipe.InfraLint.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    [OneTimeSetUp]
    public void PackOnce()
    {
        var now = DateTime.UtcNow;
        string id = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        _runRoot = Path.Combine(Path.GetTempPath(), "infralint-it-" + id.Replace('.', '-'));
        _version = "0.1.0-it." + id;
        foreach (string directory in new[] { FeedDirectory, PackagesDirectory, ConsumersDirectory, OutsideDirectory, LogsDirectory })
        {
            Directory.CreateDirectory(directory);
        }

        // The task project alone: it is the package (packing the whole solution would also build every test project).
        string project = Path.Combine(RepositoryRoot, "src", "JobSwipe.InfraLint.MSBuild", "JobSwipe.InfraLint.MSBuild.csproj");
        var result = DotNet.Run(
            RepositoryRoot,
            ["pack", project, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + _version, "-nodeReuse:false", "-tl:off", "-v:m", "-p:UseSharedCompilation=false"],
            environment: null,
            logName: "pack",
            timeout: DotNet.PackTimeout);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"dotnet pack failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
        }

        // The dotnet tool package, into the same feed (the adoption tests install it from there).
        string tool = Path.Combine(RepositoryRoot, "src", "JobSwipe.InfraLint.Cli", "JobSwipe.InfraLint.Cli.csproj");
        var toolResult = DotNet.Run(
            RepositoryRoot,
            ["pack", tool, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + _version, "-nodeReuse:false", "-tl:off", "-v:m", "-p:UseSharedCompilation=false"],
            environment: null,
            logName: "pack-tool",
            timeout: DotNet.PackTimeout);
        if (toolResult.ExitCode != 0)
        {
            Assert.Fail($"dotnet pack of the tool failed with exit code {toolResult.ExitCode}:{Environment.NewLine}{toolResult.Output}");
        }

        _packagePath = Path.Combine(FeedDirectory, $"JobSwipe.InfraLint.{_version}.nupkg");
        Assert.That(File.Exists(_packagePath), Is.True, () => $"dotnet pack did not write {_packagePath}:{Environment.NewLine}{result.Output}");
        TestContext.Progress.WriteLine($"InfraLint integration run: packed {_version} in {result.Elapsed.TotalSeconds:0.0} s; run folder {RunRoot}");
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_runRoot is null || !Directory.Exists(_runRoot))
        {
            return;
        }

        if (TestContext.CurrentContext.Result.FailCount > 0 || Directory.EnumerateDirectories(ConsumersDirectory).Any())
        {
            TestContext.Progress.WriteLine($"InfraLint integration run: kept {_runRoot} for inspection (a test failed).");
            return;
        }

        TryDelete(_runRoot);
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TestContext.Progress.WriteLine($"InfraLint integration run: could not delete {directory}: {ex.Message}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JobSwipe.InfraLint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"JobSwipe.InfraLint.sln was not found above {AppContext.BaseDirectory}.");
    }
}
