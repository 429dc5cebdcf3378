using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.IntegrationTests;

/// <summary>The hostile tree of the parsers' issue, built through the MSBuild task: findings, never a crash.</summary>
public sealed class HostileTreeTests : ConsumerTests
{
    [Test]
    public void Hostile_files_become_JSI0001_and_JSI0003_and_the_valid_files_beside_them_are_still_linted()
    {
        var consumer = NewConsumer().AddProject();
        bool links = HostileTree.Write(consumer.Root);

        var build = consumer.Build();

        var root = consumer.Root;
        string Relative(CanonicalLine line) => Path.GetRelativePath(root, line.File).Replace('\\', '/');
        using (Assert.EnterMultipleScope())
        {
            // The unparsable files are compose files, a fly.toml and a Dockerfile: JSI0001 errors, so the build fails, and
            // still reports every other finding.
            Assert.That(build.ExitCode, Is.Not.Zero, build.Describe);
            Assert.That(build.WithCode("JSI0001").Select(l => l.Severity).Distinct(), Is.EqualTo(new[] { "error" }), build.Describe);
            Assert.That(build.WithCode("JSI0001").Select(Relative), Is.EquivalentTo(HostileTree.Unparsable), build.Describe);
            Assert.That(build.WithCode("JSI0003").Select(Relative), Is.EquivalentTo(HostileTree.Skipped.Where(p => links || p != "loop/again")), build.Describe);
            Assert.That(build.WithCode("JSI0004"), Is.Empty, build.Describe);
            Assert.That(build.WithCode("JSI2002").Select(l => Relative(l) + l.Position), Is.EqualTo(new[] { HostileTree.ValidComposePath + "(6,7,6,8)" }), build.Describe);
        }
    }
}
