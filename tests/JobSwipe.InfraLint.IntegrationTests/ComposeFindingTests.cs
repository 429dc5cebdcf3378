namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// Compose findings as a consumer's build shows them. Needs the compose parser and rules JSI2001/JSI2002: until they
/// are merged these tests fail, and their messages show the build's actual InfraLint output.
/// </summary>
[Category("ComposeRules")]
public sealed class ComposeFindingTests : ConsumerTests
{
    [Test]
    public void Compose_findings_are_canonical_lines_with_positions_and_a_warning_only_repository_builds()
    {
        var consumer = NewConsumer().AddProject().WriteFile("docker-compose.yml", Fixtures.DevCompose);

        var build = consumer.Build();

        var devMode = build.Single("JSI2001", "docker-compose.yml");
        var duplicate = build.Single("JSI2002", "docker-compose.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(build.Findings.Where(f => f.Severity == "error"), Is.Empty, build.Describe);

            Assert.That(devMode.File, Is.EqualTo(consumer.PathOf("docker-compose.yml")), build.Describe);
            Assert.That(devMode.Severity, Is.EqualTo("warning"), build.Describe);
            Assert.That(devMode.Position, Is.EqualTo(Fixtures.Jsi2001Position), "JSI2001 should point at `server -dev`" + Environment.NewLine + build.Describe());
            Assert.That(devMode.Project, Is.EqualTo(consumer.PathOf("App.csproj")), build.Describe);

            Assert.That(duplicate.File, Is.EqualTo(consumer.PathOf("docker-compose.yml")), build.Describe);
            Assert.That(duplicate.Severity, Is.EqualTo("warning"), build.Describe);
            Assert.That(duplicate.Position, Is.EqualTo(Fixtures.Jsi2002Position), "JSI2002 should point at the second VAULT_URL key" + Environment.NewLine + build.Describe());
            Assert.That(duplicate.Message, Does.Match($@"\bline {Fixtures.Jsi2002FirstLine}\b"), "JSI2002 should name the first definition's line" + Environment.NewLine + build.Describe());

            // Real MSBuild warnings: the console logger lists them again after "Build succeeded.".
            Assert.That(build.RepeatedInSummary.Select(f => f.Code), Does.Contain("JSI2001").And.Contain("JSI2002"), build.Describe);
            Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);
            BuildPipelineTests.AssertEachFindingOnce(build);
        }
    }

    [Test]
    public void Error_in_a_production_compose_file_fails_the_build()
    {
        var consumer = NewConsumer().AddProject().WriteFile("docker-compose.production.yml", Fixtures.ProductionCompose);

        var build = consumer.Build();

        var devMode = build.Single("JSI2001", "docker-compose.production.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.Describe);
            Assert.That(devMode.Severity, Is.EqualTo("error"), build.Describe);
            Assert.That(devMode.Position, Is.EqualTo(Fixtures.ProductionJsi2001Position), "JSI2001 should point at VAULT_DEV_ROOT_TOKEN_ID" + Environment.NewLine + build.Describe());
            Assert.That(devMode.Project, Is.EqualTo(consumer.PathOf("App.csproj")), build.Describe);

            // The project itself compiles: the failure is InfraLint's error, reported as such and listed in the closing summary.
            Assert.That(build.Process.Output, Does.Contain("Build FAILED.").And.Not.Contain("Build succeeded."), build.Describe);
            Assert.That(build.RepeatedInSummary.Where(f => f.Severity == "error").Select(f => f.Code), Does.Contain("JSI2001"), build.Describe);
            Assert.That(build.Process.Output, Does.Not.Match(@": error (CS|MSB)\d+"), build.Describe);
            Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);
            Assert.That(build.Summaries.Single().Errors, Is.GreaterThanOrEqualTo(1), build.Describe);
        }
    }

    [Test]
    public void Bad_yaml_is_an_error_at_the_error_and_the_other_files_are_still_linted()
    {
        var consumer = NewConsumer().AddProject()
            .WriteFile("docker-compose.yml", Fixtures.DevCompose)
            .WriteFile("compose.override.yaml", Fixtures.BrokenCompose);

        var build = consumer.Build();

        var parseError = build.Single("JSI0001", "compose.override.yaml");
        using (Assert.EnterMultipleScope())
        {
            // A compose file Docker Compose cannot load is a deployment that fails: an error, which fails the build.
            Assert.That(build.ExitCode, Is.Not.Zero, build.Describe);
            Assert.That(parseError.Severity, Is.EqualTo("error"), build.Describe);
            Assert.That(parseError.Line, Is.EqualTo(Fixtures.BrokenLine), build.Describe);
            Assert.That(parseError.Column, Is.EqualTo(Fixtures.BrokenColumn), build.Describe);
            Assert.That(build.Single("JSI2001", "docker-compose.yml").Position, Is.EqualTo(Fixtures.Jsi2001Position), build.Describe);
            Assert.That(build.Single("JSI2002", "docker-compose.yml").Position, Is.EqualTo(Fixtures.Jsi2002Position), build.Describe);
            Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);
        }
    }
}
