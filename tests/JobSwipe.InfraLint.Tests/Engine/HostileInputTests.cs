using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Engine;

public class HostileInputTests
{
    [Test]
    public void A_tree_of_hostile_files_gives_findings_not_crashes_and_valid_files_are_still_linted()
    {
        using var repo = new TempRepository();
        bool links = HostileTree.Write(repo.Root);

        var result = LintEngine.Run(new LintOptions(repo.Root));

        var parseErrors = result.Diagnostics.Where(d => d.Id == "JSI0001").Select(d => d.Location.Path).ToList();
        var skipped = result.Diagnostics.Where(d => d.Id == "JSI0003").Select(d => d.Location.Path).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parseErrors, Is.EquivalentTo(HostileTree.Unparsable));
            Assert.That(skipped, Is.EquivalentTo(HostileTree.Skipped.Where(p => links || p != "loop/again")));
            Assert.That(result.Diagnostics.Where(d => d.Id == "JSI0004"), Is.Empty);
            Assert.That(result.Diagnostics.Where(d => d.Id == "JSI2002").Select(d => d.Location.ToString()), Is.EqualTo(new[] { HostileTree.ValidComposePath + "(6,7,6,8)" }));
        });

        foreach (var error in result.Diagnostics.Where(d => d.Id == "JSI0001"))
        {
            TestContext.Out.WriteLine(error);
        }
    }
}
