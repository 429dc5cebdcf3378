namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>
/// Severity as the consumer configures it: .editorconfig, then NoWarn, WarningsAsErrors, WarningsNotAsErrors and
/// TreatWarningsAsErrors. Every consumer has <see cref="Fixtures.DevCompose"/>, where JSI2001 and JSI2002 are warnings
/// by default. Needs the compose rules (and, for the first test, the .editorconfig reading): until they are merged
/// these tests fail, and their messages show the build's actual InfraLint output.
/// </summary>
[Category("ComposeRules")]
public sealed class SeverityTests : ConsumerTests
{
    [Test]
    public void EditorConfig_raises_a_rule_to_error_and_lowers_another_to_none()
    {
        var consumer = NewConsumer().AddProject()
            .WriteFile("docker-compose.yml", Fixtures.DevCompose)
            .WriteFile(".editorconfig", """
                root = true

                [*.yml]
                dotnet_diagnostic.JSI2002.severity = error
                dotnet_diagnostic.JSI2001.severity = none
                """);

        var build = consumer.Build();

        var duplicate = build.Single("JSI2002", "docker-compose.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.Describe);
            Assert.That(duplicate.Severity, Is.EqualTo("error"), build.Describe);
            Assert.That(duplicate.Position, Is.EqualTo(Fixtures.Jsi2002Position), build.Describe);
            Assert.That(build.WithCode("JSI2001"), Is.Empty, build.Describe);
            Assert.That(build.WithCode("JSI0002"), Is.Empty, "the .editorconfig is valid" + Environment.NewLine + build.Describe());
        }
    }

    [Test]
    public void NoWarn_silences_a_rule_and_WarningsAsErrors_promotes_another()
    {
        var consumer = NewConsumer()
            .AddProject(properties: "<NoWarn>$(NoWarn);JSI2002</NoWarn><WarningsAsErrors>$(WarningsAsErrors);JSI2001</WarningsAsErrors>")
            .WriteFile("docker-compose.yml", Fixtures.DevCompose);

        var build = consumer.Build();

        var devMode = build.Single("JSI2001", "docker-compose.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.Describe);
            Assert.That(devMode.Severity, Is.EqualTo("error"), build.Describe);
            Assert.That(devMode.Position, Is.EqualTo(Fixtures.Jsi2001Position), build.Describe);
            Assert.That(build.WithCode("JSI2002"), Is.Empty, build.Describe);
        }
    }

    [Test]
    public void TreatWarningsAsErrors_promotes_and_WarningsNotAsErrors_exempts()
    {
        var consumer = NewConsumer()
            .AddProject(properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>$(WarningsNotAsErrors);JSI2002</WarningsNotAsErrors>")
            .WriteFile("docker-compose.yml", Fixtures.DevCompose);

        var build = consumer.Build();

        var devMode = build.Single("JSI2001", "docker-compose.yml");
        var duplicate = build.Single("JSI2002", "docker-compose.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.EqualTo(1), build.Describe);
            Assert.That(devMode.Severity, Is.EqualTo("error"), build.Describe);
            Assert.That(duplicate.Severity, Is.EqualTo("warning"), build.Describe);
        }
    }
}
