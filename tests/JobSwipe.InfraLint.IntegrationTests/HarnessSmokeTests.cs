namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>The harness itself, with a finding the engine reports whatever rules exist: JSI0003 for a skipped file.</summary>
public sealed class HarnessSmokeTests : ConsumerTests
{
    [Test]
    public void Symlink_to_a_file_outside_the_root_is_reported_as_an_info_message_and_the_build_succeeds()
    {
        var consumer = NewConsumer().AddProject().SymlinkOutside("docker-compose.yml");

        var build = consumer.Build();

        var skipped = build.Single("JSI0003", "docker-compose.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(build.ExitCode, Is.Zero, build.Describe);
            Assert.That(skipped.File, Is.EqualTo(consumer.PathOf("docker-compose.yml")), build.Describe);
            Assert.That(skipped.Position, Is.Empty, "a skipped file is reported without a line" + Environment.NewLine + build.Describe());
            Assert.That(skipped.Severity, Is.EqualTo("message"), build.Describe);
            Assert.That(skipped.Message, Does.Contain("docker-compose.yml").And.Contain("outside"), build.Describe);
            Assert.That(skipped.Project, Is.EqualTo(consumer.PathOf("App.csproj")), build.Describe);
            Assert.That(build.Summaries, Has.Count.EqualTo(1), build.Describe);
            Assert.That(build.Summaries[0].Infos, Is.EqualTo(1), build.Describe);
            Assert.That(build.Summaries[0].FromCache, Is.False, build.Describe);
        }
    }
}
