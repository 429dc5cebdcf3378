using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Catalog;

/// <summary>
/// A regular expression's timeout is wall time: a short one makes findings depend on the machine's load. Every timeout
/// in the engine is <c>RegexLimits</c>' one, so it is decided once.
/// </summary>
public partial class RegexLimitsTests
{
    [Test]
    public void Every_regex_timeout_is_the_engines_one()
    {
        string source = Path.Combine(RepositoryPaths.Root, "src");
        var own = new List<string>();
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (OwnTimeout().IsMatch(lines[i]))
                {
                    own.Add($"{Path.GetRelativePath(source, file).Replace('\\', '/')}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.That(own, Is.Empty, "use RegexLimits.MatchTimeout / RegexLimits.MatchTimeoutMilliseconds");
    }

    [Test]
    public void The_limit_is_long_enough_not_to_depend_on_load() =>
        Assert.That(JobSwipe.InfraLint.Text.RegexLimits.MatchTimeout, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)));

    // A literal timeout given to a regex: matchTimeoutMilliseconds: 1000, or a Regex call or constructor with TimeSpan.From…
    [GeneratedRegex(@"matchTimeoutMilliseconds:\s*\d|\bRegex\b[^;]*TimeSpan\.From")]
    private static partial Regex OwnTimeout();
}
