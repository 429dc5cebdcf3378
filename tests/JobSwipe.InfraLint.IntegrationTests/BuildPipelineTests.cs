namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// When and how often the package lints: once per build however the projects are arranged, never in design-time
/// builds or when switched off, from the cache on a no-op rebuild. The consumers hold a symbolic link to a file
/// outside the root (a JSI0003 message the engine always reports) and the compose findings of
/// <see cref="Fixtures.DevCompose"/> (reported once the compose rules exist): the assertions hold for both.
/// </summary>
public sealed class BuildPipelineTests : ConsumerTests
{
    private static Consumer WithFindings(Consumer consumer) => consumer
        .WriteFile("docker-compose.yml", Fixtures.DevCompose)
        .SymlinkOutside("linked/docker-compose.yml");

    [Test]
    public void No_op_rebuild_re_reports_the_same_findings_from_the_cache_and_a_touched_or_added_file_re_runs()
    {
        var consumer = WithFindings(NewConsumer().AddProject());

        var first = consumer.Build();
        var second = consumer.Build();

        AssertSucceededWithOneSummary(first);
        AssertSucceededWithOneSummary(second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Summaries[0].FromCache, Is.False, first.Describe);
            Assert.That(first.WithCode("JSI0003").Select(f => f.FileName), Is.EqualTo(new[] { "docker-compose.yml" }), first.Describe);
            Assert.That(second.Summaries[0].FromCache, Is.True, () => "the no-op rebuild should say its findings came from the cache" + Environment.NewLine + second.Describe());
            Assert.That(second.Summaries[0].Text, Does.Contain("re-reported from the cache"), second.Describe);
            Assert.That(second.Findings.Select(f => f.Text), Is.EqualTo(first.Findings.Select(f => f.Text)), () => first.Describe() + second.Describe());
        }

        // Touching a linted file invalidates the cache.
        string compose = consumer.PathOf("docker-compose.yml");
        File.SetLastWriteTimeUtc(compose, File.GetLastWriteTimeUtc(compose).AddSeconds(5));
        var touched = consumer.Build();

        // So does a new file.
        consumer.WriteFile("scripts/deploy.sh", "#!/bin/sh\necho deploy\n");
        var added = consumer.Build();

        AssertSucceededWithOneSummary(touched);
        AssertSucceededWithOneSummary(added);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(touched.Summaries[0].FromCache, Is.False, () => "touching docker-compose.yml should re-run the analysis" + Environment.NewLine + touched.Describe());
            Assert.That(touched.Findings.Select(f => f.Text), Is.EqualTo(first.Findings.Select(f => f.Text)), touched.Describe);
            Assert.That(added.Summaries[0].FromCache, Is.False, () => "adding scripts/deploy.sh should re-run the analysis" + Environment.NewLine + added.Describe());
            Assert.That(added.Summaries[0].Files, Is.EqualTo(touched.Summaries[0].Files + 1), added.Describe);
        }
    }

    [Test]
    public void Multi_targeted_project_reports_each_finding_once()
    {
        // net9.0's targeting pack is not installed here; netstandard2.0 builds from a package, so the two targets always build.
        var consumer = WithFindings(NewConsumer().AddProject(targetFrameworks: "net10.0;netstandard2.0"));

        var build = consumer.Build();

        AssertSucceededWithOneSummary(build);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.Process.Output, Does.Contain("/net10.0/App.dll").And.Contain("/netstandard2.0/App.dll"), "both target frameworks should build" + Environment.NewLine + build.Describe());
            Assert.That(build.WithCode("JSI0003").Count(), Is.EqualTo(1), build.Describe);
            AssertEachFindingOnce(build);
        }
    }

    [Test]
    public void Two_projects_sharing_a_root_report_each_finding_once_in_a_parallel_solution_build_and_their_excludes_apply()
    {
        var consumer = WithFindings(NewConsumer())
            .WriteFile("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <InfraLintRoot>$(MSBuildThisFileDirectory)</InfraLintRoot>
                  </PropertyGroup>
                  <ItemGroup>
                    <InfraLintExclude Include="$(MSBuildThisFileDirectory)vendor/**" />
                  </ItemGroup>
                </Project>
                """)
            .AddProject("Alpha", "src/Alpha")
            .AddProject("Beta", "src/Beta")
            .SymlinkOutside("vendor/docker-compose.yml")
            .SymlinkOutside("vendor/nested/compose.yaml")
            .WriteFile("x.sln", Solution(("Alpha", "src/Alpha/Alpha.csproj"), ("Beta", "src/Beta/Beta.csproj")));

        var build = consumer.BuildTarget("x.sln", "-m");

        AssertSucceededWithOneSummary(build);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.Process.Output, Does.Contain("Alpha.dll").And.Contain("Beta.dll"), "both projects should build" + Environment.NewLine + build.Describe());

            // An exclude of the shared Directory.Build.props works from projects in subfolders: MSBuild expands its
            // wildcard to absolute paths, which the package makes relative to the root. (The projects must exclude the
            // same paths: different options are different analyses, each reported by its project.)
            Assert.That(build.WithCode("JSI0003").Select(f => f.File), Is.EqualTo(new[] { consumer.PathOf("linked/docker-compose.yml") }), build.Describe);
            AssertEachFindingOnce(build);
        }
    }

    [Test]
    public void A_project_alone_on_its_root_analyses_in_its_own_target_and_a_project_joining_reports_twice_in_that_build_only()
    {
        var consumer = WithFindings(NewConsumer())
            .WriteFile("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <InfraLintRoot>$(MSBuildThisFileDirectory)</InfraLintRoot>
                    <InfraLintTimings>true</InfraLintTimings>
                  </PropertyGroup>
                </Project>
                """)
            .AddProject("Alpha", "src/Alpha");
        const string analyzeProject = "JobSwipe.InfraLint.Analyze.proj";
        const string delegated = "the root is analysed once for the projects that lint it";

        // The first build registers Alpha and goes through the shared analysis project; the next ones do not.
        var first = consumer.BuildTarget("src/Alpha/Alpha.csproj");
        var alone = consumer.BuildTarget("src/Alpha/Alpha.csproj");

        AssertSucceededWithOneSummary(first);
        AssertSucceededWithOneSummary(alone);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Process.Output, Does.Contain(delegated).And.Contain(analyzeProject), first.Describe);
            Assert.That(alone.Process.Output, Does.Not.Contain(delegated).And.Not.Contain(analyzeProject), alone.Describe);
            Assert.That(alone.Process.Output, Does.Match(@"InfraLint timings: project registry \d+\.\d ms, discovery"), alone.Describe);
            Assert.That(alone.Summaries[0].FromCache, Is.True, alone.Describe);
            Assert.That(alone.Findings.Select(f => f.Key), Is.EqualTo(first.Findings.Select(f => f.Key)), () => first.Describe() + alone.Describe());
        }

        // Beta starts linting the same root. In the first build of both, Alpha (built first: one node, solution order)
        // still finds itself alone and reports, and Beta registers and reports through the shared analysis: the one build
        // that reports each finding twice. From the next build on both go through the shared analysis: once.
        consumer.AddProject("Beta", "src/Beta")
            .WriteFile("x.sln", Solution(("Alpha", "src/Alpha/Alpha.csproj"), ("Beta", "src/Beta/Beta.csproj")));
        var joined = consumer.BuildTarget("x.sln", "-m:1");
        var next = consumer.BuildTarget("x.sln", "-m");
        var again = consumer.BuildTarget("x.sln", "-m");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(joined.ExitCode, Is.Zero, joined.Describe);
            Assert.That(joined.Summaries, Has.Count.EqualTo(2), joined.Describe);
            // Each finding in a file twice; a repository-level one is logged against each reporting project once.
            Assert.That(joined.Findings.Where(f => !f.File.EndsWith(".csproj", StringComparison.Ordinal)).GroupBy(f => f.Key).Select(g => g.Count()).Distinct(), Is.EqualTo(new[] { 2 }), joined.Describe);
            Assert.That(joined.Findings.Where(f => f.File.EndsWith(".csproj", StringComparison.Ordinal)).Select(f => f.FileName).Distinct(), Is.EquivalentTo(new[] { "Alpha.csproj", "Beta.csproj" }), joined.Describe);
        }

        foreach (var build in new[] { next, again })
        {
            AssertSucceededWithOneSummary(build);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(build.Process.Output, Does.Contain("Alpha.dll").And.Contain("Beta.dll"), build.Describe);
                Assert.That(build.Process.Output, Does.Contain(analyzeProject), build.Describe);
                // Either project may be the one that reports: a repository-level finding names it.
                Assert.That(build.Findings.Select(WithoutProject), Is.EqualTo(first.Findings.Select(WithoutProject)), build.Describe);
                AssertEachFindingOnce(build);
            }
        }

        static string WithoutProject(CanonicalLine f) => f.File.EndsWith(".csproj", StringComparison.Ordinal) ? f.Key[f.File.Length..] : f.Key;

        // Beta deleted: Alpha is alone again from the build after (its registration is forgotten).
        File.Delete(consumer.PathOf("src/Beta/Beta.csproj"));
        var afterDelete = consumer.BuildTarget("src/Alpha/Alpha.csproj");
        AssertSucceededWithOneSummary(afterDelete);
        Assert.That(afterDelete.Process.Output, Does.Not.Contain(analyzeProject), afterDelete.Describe);
        Assert.That(Directory.GetFiles(consumer.PathOf("obj/infralint/projects")), Has.Length.EqualTo(1));
    }

    [Test]
    public void InfraLintEnabled_false_reports_nothing()
    {
        var consumer = WithFindings(NewConsumer().AddProject(properties: "<InfraLintEnabled>false</InfraLintEnabled>"));

        var build = consumer.Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(build.Findings, Is.Empty, build.Describe);
            Assert.That(build.Summaries, Is.Empty, build.Describe);
            Assert.That(Directory.Exists(consumer.PathOf("obj/infralint")), Is.False, build.Describe);
        }
    }

    [Test]
    public void Design_time_build_reports_nothing()
    {
        var consumer = WithFindings(NewConsumer().AddProject());

        var build = consumer.Build("-p:DesignTimeBuild=true");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(build.Findings, Is.Empty, build.Describe);
            Assert.That(build.Summaries, Is.Empty, build.Describe);
        }
    }

    [Test]
    public void InfraLintExclude_items_skip_a_folder()
    {
        var consumer = WithFindings(NewConsumer().AddProject(items: """<InfraLintExclude Include="vendor/**" />"""))
            .WriteFile("vendor/docker-compose.yml", Fixtures.DevCompose)
            .SymlinkOutside("vendor/linked/compose.yaml");

        var build = consumer.Build();

        AssertSucceededWithOneSummary(build);
        string vendor = consumer.PathOf("vendor") + Path.DirectorySeparatorChar;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.Findings.Where(f => f.File.StartsWith(vendor, StringComparison.Ordinal)), Is.Empty, build.Describe);
            Assert.That(build.WithCode("JSI0003").Select(f => f.File), Is.EqualTo(new[] { consumer.PathOf("linked/docker-compose.yml") }), build.Describe);
        }
    }

    internal static void AssertSucceededWithOneSummary(BuildResult build)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);
        }
    }

    internal static void AssertEachFindingOnce(BuildResult build)
    {
        var repeated = build.Findings.GroupBy(f => f.Key).Where(g => g.Count() > 1).Select(g => $"{g.Count()}x {g.Key}");
        Assert.That(repeated, Is.Empty, build.Describe);
    }

    /// <summary>A classic .sln with C# projects, as `dotnet new sln --format sln` and `dotnet sln add` write it.</summary>
    private static string Solution(params (string Name, string Path)[] projects)
    {
        const string csharp = "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC";
        var ids = projects.Select(_ => Guid.NewGuid().ToString("B").ToUpperInvariant()).ToArray();
        var text = new System.Text.StringBuilder();
        text.AppendLine("Microsoft Visual Studio Solution File, Format Version 12.00");
        text.AppendLine("# Visual Studio Version 17");
        for (int i = 0; i < projects.Length; i++)
        {
            text.AppendLine($"Project(\"{{{csharp}}}\") = \"{projects[i].Name}\", \"{projects[i].Path.Replace('/', '\\')}\", \"{ids[i]}\"");
            text.AppendLine("EndProject");
        }

        text.AppendLine("Global");
        text.AppendLine("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution");
        text.AppendLine("\t\tDebug|Any CPU = Debug|Any CPU");
        text.AppendLine("\t\tRelease|Any CPU = Release|Any CPU");
        text.AppendLine("\tEndGlobalSection");
        text.AppendLine("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution");
        foreach (string id in ids)
        {
            foreach (string configuration in new[] { "Debug", "Release" })
            {
                text.AppendLine($"\t\t{id}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
                text.AppendLine($"\t\t{id}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
            }
        }

        text.AppendLine("\tEndGlobalSection");
        text.AppendLine("EndGlobal");
        return text.ToString();
    }
}
