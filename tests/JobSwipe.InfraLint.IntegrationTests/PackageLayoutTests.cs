using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// The packed .nupkg: the task and its dependencies in tasks/net10.0 (IL) and tasks/net10.0/&lt;rid&gt;/ (ReadyToRun), MSBuild
/// files in build/ and buildMultiTargeting/; the tool as .NET 10 RID-specific tool packages with an <c>any</c> fallback.
/// </summary>
public sealed class PackageLayoutTests : ConsumerTests
{
    /// <summary>The platforms both packages promise precompiled code for (README, docs/benchmarks.md).</summary>
    private static readonly string[] ReadyToRunRids = ["linux-x64", "linux-arm64", "win-x64", "osx-arm64", "osx-x64"];

    private static readonly string[] TaskAssemblies = ["JobSwipe.InfraLint.MSBuild.dll", "JobSwipe.InfraLint.dll", "YamlDotNet.dll", "Tomlyn.dll"];

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
    public void Task_folders_hold_the_IL_build_and_a_ReadyToRun_build_per_platform()
    {
        using var package = ZipFile.OpenRead(IntegrationRun.PackagePath);
        using (Assert.EnterMultipleScope())
        {
            foreach (string assembly in TaskAssemblies)
            {
                Assert.That(ReadyToRunTarget(package, $"tasks/net10.0/{assembly}"), Is.Null, $"tasks/net10.0/{assembly} must stay portable IL");
                foreach (string rid in ReadyToRunRids)
                {
                    Assert.That(ReadyToRunTarget(package, $"tasks/net10.0/{rid}/{assembly}"), Is.EqualTo(rid), $"tasks/net10.0/{rid}/{assembly}");
                }
            }

            foreach (string rid in ReadyToRunRids)
            {
                Assert.That(package.GetEntry($"tasks/net10.0/{rid}/JobSwipe.InfraLint.MSBuild.deps.json"), Is.Not.Null, $"{rid}: the deps.json MSBuild's load context resolves the dependencies with");
            }
        }
    }

    [Test]
    public void Build_loads_the_task_for_the_SDKs_platform_and_falls_back_to_IL_elsewhere()
    {
        // -v:d prints where each task comes from; the SDK that runs this test is the one whose RID the package matches.
        var consumer = NewConsumer().AddProject().WriteFile("docker-compose.yml", Fixtures.DevCompose);
        string rid = RuntimeInformation.RuntimeIdentifier;
        string expected = ReadyToRunRids.Contains(rid) ? $"tasks/net10.0/{rid}/JobSwipe.InfraLint.MSBuild.dll" : "tasks/net10.0/JobSwipe.InfraLint.MSBuild.dll";

        var native = consumer.Build("-v:d");
        var portable = consumer.Build("-v:d", "-p:_InfraLintTaskRuntimeIdentifier=freebsd-x64");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TaskAssemblyOf(native), Does.EndWith(expected), native.Describe);
            Assert.That(TaskAssemblyOf(portable), Does.EndWith("tasks/net10.0/JobSwipe.InfraLint.MSBuild.dll"), portable.Describe);
            Assert.That(native.Single("JSI2001", "docker-compose.yml").Position, Is.EqualTo(Fixtures.Jsi2001Position), native.Describe);
            Assert.That(portable.Findings.Select(f => f.Key), Is.EqualTo(native.Findings.Select(f => f.Key)), portable.Describe);
        }
    }

    [Test]
    public void Tool_is_a_pointer_to_a_ReadyToRun_package_per_platform_and_an_IL_fallback_all_without_dynamic_PGO()
    {
        using var pointer = ZipFile.OpenRead(ToolPackage(""));
        var settingsEntry = pointer.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        XDocument settings;
        using (var stream = settingsEntry.Open())
        {
            settings = XDocument.Load(stream);
        }

        var packages = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pointer.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)), Is.Empty, "the pointer package carries no implementation");
            Assert.That(packages.Keys, Is.EquivalentTo(ReadyToRunRids.Append("any")), settings.ToString());
            foreach (var (rid, id) in packages)
            {
                Assert.That(id, Is.EqualTo($"JobSwipe.InfraLint.Cli.{rid}"));
                using var package = ZipFile.OpenRead(ToolPackage("." + rid));
                string folder = $"tools/net10.0/{rid}/";
                string? expected = rid == "any" ? null : rid;
                foreach (string assembly in new[] { "infralint.dll", "JobSwipe.InfraLint.dll", "YamlDotNet.dll", "Tomlyn.dll", "System.CommandLine.dll" })
                {
                    Assert.That(ReadyToRunTarget(package, folder + assembly), Is.EqualTo(expected), $"{id}: {assembly}");
                }

                // The benchmark's profile: for a run of a few seconds the instrumented tier costs about a quarter of the wall time.
                using var reader = new StreamReader(package.GetEntry(folder + "infralint.runtimeconfig.json")!.Open());
                string json = reader.ReadToEnd();
                Assert.That(json, Does.Match("\"System\\.Runtime\\.TieredPGO\":\\s*false"), $"{id}: {json}");
            }
        }
    }

    private static string ToolPackage(string suffix) =>
        Path.Combine(IntegrationRun.FeedDirectory, $"JobSwipe.InfraLint.Cli{suffix}.{IntegrationRun.PackageVersion}.nupkg");

    private static string TaskAssemblyOf(BuildResult build)
    {
        const string prefix = "Using \"JobSwipe.InfraLint.MSBuild.AnalyzeRepository\" task from assembly \"";
        string line = build.Process.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].TrimEnd('.', '"').Replace('\\', '/');
    }

    /// <summary>
    /// The RID an assembly in the package was precompiled for, or null for a plain IL assembly (no ReadyToRun header).
    /// ReadyToRun images record the OS by XOR-ing the PE machine type with an OS constant (crossgen2's TargetOS).
    /// </summary>
    private static string? ReadyToRunTarget(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        Assert.That(entry, Is.Not.Null, $"{path} is missing from {package.Entries.Count} entries");
        using var buffer = new MemoryStream();
        using (var stream = entry!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var reader = new PEReader(buffer);
        if (reader.PEHeaders.CorHeader is not { ManagedNativeHeaderDirectory.Size: > 0 })
        {
            return null;
        }

        int machine = (int)reader.PEHeaders.CoffHeader.Machine;
        foreach (var (arch, archMachine) in new[] { ("x64", 0x8664), ("arm64", 0xAA64) })
        {
            foreach (var (os, osXor) in new[] { ("win", 0), ("linux", 0x7B79), ("osx", 0x4644), ("freebsd", 0xADC4) })
            {
                if ((archMachine ^ osXor) == machine)
                {
                    return $"{os}-{arch}";
                }
            }
        }

        return $"unknown machine 0x{machine:X4}";
    }
}
