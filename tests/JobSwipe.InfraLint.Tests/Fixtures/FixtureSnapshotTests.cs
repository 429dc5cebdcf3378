using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Fixtures;

/// <summary>
/// Pins every finding of the whole engine on each fixture repository, as annotated text (source lines with carets
/// under the reported spans). A change in any rule's behaviour on these repositories shows up here for review.
/// </summary>
public class FixtureSnapshotTests
{
    public static IEnumerable<string> FixtureNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "tests", "fixtures")).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);

    [TestCaseSource(nameof(FixtureNames))]
    public void Findings_match_the_snapshot(string fixture)
    {
        string root = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", fixture);

        var result = LintEngine.Run(new LintOptions(root));

        Snapshot.Match(AnnotatedRenderer.Render(root, result.Diagnostics), fixture);
    }
}
