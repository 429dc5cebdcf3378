using System.IO.Compression;
using System.Xml.Linq;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>The packed .nupkg: the task and its dependencies in tasks/net10.0, MSBuild files in build/ and buildMultiTargeting/.</summary>
public sealed class PackageLayoutTests
{
    [Test]
    public void Package_carries_the_task_and_its_dependencies_and_adds_no_reference_or_dependency()
    {
        using var package = ZipFile.OpenRead(IntegrationRun.PackagePath);
        string[] entries = [.. package.Entries.Select(e => e.FullName.Replace('\\', '/'))];
        string listing = string.Join(Environment.NewLine, entries);

        string[] tasks = [.. entries.Where(e => e.StartsWith("tasks/net10.0/", StringComparison.Ordinal)).Select(e => e["tasks/net10.0/".Length..])];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tasks, Is.SupersetOf(new[]
            {
                "JobSwipe.InfraLint.MSBuild.dll",
                "JobSwipe.InfraLint.dll",
                "YamlDotNet.dll",
                "Tomlyn.dll",
                "JobSwipe.InfraLint.MSBuild.deps.json",
            }), listing);
            Assert.That(entries.Where(e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase)), Is.Empty, "MSBuild's own assemblies must come from the running MSBuild");
            Assert.That(entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)), Is.Empty, "the package must add no reference to the consumer");
            Assert.That(entries, Is.SupersetOf(new[]
            {
                "build/JobSwipe.InfraLint.props",
                "build/JobSwipe.InfraLint.targets",
                "buildMultiTargeting/JobSwipe.InfraLint.props",
                "buildMultiTargeting/JobSwipe.InfraLint.targets",
            }), listing);
        }

        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var development = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "developmentDependency");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "id").Value, Is.EqualTo("JobSwipe.InfraLint"));
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "version").Value, Is.EqualTo(IntegrationRun.PackageVersion));
            Assert.That(development?.Value, Is.EqualTo("true"), nuspec.ToString());
            Assert.That(dependencies, Is.Empty, nuspec.ToString());
        }
    }

    [Test]
    public void Tool_runs_without_dynamic_PGO()
    {
        // The benchmark's profile: for a run of a few seconds the instrumented tier costs about a quarter of the wall time.
        string tool = Path.Combine(IntegrationRun.FeedDirectory, $"JobSwipe.InfraLint.Cli.{IntegrationRun.PackageVersion}.nupkg");
        using var package = ZipFile.OpenRead(tool);
        var runtimeConfig = package.Entries.Single(e => e.FullName.EndsWith("/infralint.runtimeconfig.json", StringComparison.Ordinal));
        using var reader = new StreamReader(runtimeConfig.Open());
        string json = reader.ReadToEnd();

        Assert.That(json, Does.Match("\"System\\.Runtime\\.TieredPGO\":\\s*false"), json);
    }
}
