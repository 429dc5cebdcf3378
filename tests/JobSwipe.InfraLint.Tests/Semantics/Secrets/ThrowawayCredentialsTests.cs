using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Secrets;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Semantics.Secrets;

public class ThrowawayCredentialsTests
{
    private static readonly WorkspaceFile Workflow = new(".github/workflows/ci.yml", Path.Combine(Path.GetTempPath(), "ci.yml"), FileKind.CiWorkflow, FileEnvironment.Unspecified, 0, DateTime.UnixEpoch);

    // Job service containers: an indented "services:" alone on its line, the white space before it read as a whole
    // (blank lines included), so a top-level key after a blank line counts as the old pattern counted it.
    [TestCase("jobs:\n  t:\n    services:\n      db:\n        image: postgres\n", true)]
    [TestCase("jobs:\n  t:\n    services:   \n", true)]
    [TestCase("on: push\n\n\nservices:\n", true)]
    [TestCase("services:\n  db: {}\n", false)]
    [TestCase("jobs:\n  t:\n    services: [db]\n", false)]
    [TestCase("jobs:\n  t:\n    my-services:\n", false)]
    public void A_workflow_with_its_own_service_containers_is_self_contained(string text, bool selfContained) =>
        Assert.That(ThrowawayCredentials.IsSelfContainedTestWorkflow(Workflow, text), Is.EqualTo(selfContained));

    [Test]
    public void Long_runs_of_blank_lines_are_read_once()
    {
        string blanks = string.Concat(Enumerable.Repeat(" \n\t\n", 100_000));
        Assert.That(ThrowawayCredentials.IsSelfContainedTestWorkflow(Workflow, "on: push\n" + blanks + "jobs: {}\n"), Is.False);
        Assert.That(ThrowawayCredentials.IsSelfContainedTestWorkflow(Workflow, "on: push\n" + blanks + "  services:\n"), Is.True);
    }
}
