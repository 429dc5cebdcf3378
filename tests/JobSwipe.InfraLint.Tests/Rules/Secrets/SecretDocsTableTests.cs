using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Semantics.Secrets;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>docs/rules/JSI5001.md lists every detector, with a redacted example generated from its samples.</summary>
public class SecretDocsTableTests
{
    [Test]
    public void Every_detector_is_in_the_rule_page()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", "JSI5001.md"));
        Assert.That(SecretPatterns.Detectors.Select(d => d.Id).Where(id => !page.Contains($"`{id}`", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>Prints the table's rows (run explicitly when a detector is added, and paste them into the page).</summary>
    [Test, Explicit("prints the documentation table")]
    public void Print_the_detector_table()
    {
        foreach (var group in ProviderSamples.ValidSamples().GroupBy(s => s.Id))
        {
            var detector = SecretPatterns.Detectors.Single(d => d.Id == group.Key);
            var sample = group.First();
            string example = sample.Line.Replace(sample.Secret, Redact(sample.Id, sample.Secret), StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
            if (example.Length > 110)
            {
                example = example[..107] + "…";
            }

            bool near = detector.Pattern.StartsWith("(?i:", StringComparison.Ordinal);
            TestContext.Out.WriteLine($"| `{detector.Id}` | {detector.Provider}{(near ? " (next to a name mentioning " + string.Join(", ", detector.Keywords.Take(3).Select(k => "`" + k + "`")) + ")" : "")} | `{example}` |");
        }
    }

    private static string Redact(string id, string secret)
    {
        int keep = id is "private-key" or "putty-private-key" ? secret.IndexOf('\n') is > 0 and var n ? n : 30 : Regex.Match(secret, "^(?:[A-Za-z0-9]{1,7}[_.~-]){1,3}").Length;
        if (keep == 0 && Regex.Match(secret, "^(AKIA|ASIA|AIza|SK|SG|EAAA|EAAB|AQVN|LTAI|AKCp|ATBB|ATATT3|IQoJ|ABSK|GR1348941|HRKU|NRAK|CFPAT|PMAK|4b1d|oy2|dapi|cmVmdGtu|AAAA)") is { Success: true } m)
        {
            keep = m.Length;
        }

        string rest = secret[keep..];
        string alphabet = rest.All(c => "0123456789abcdef".Contains(c)) ? "hex" : rest.All(char.IsAsciiLetterOrDigit) ? "alphanumeric" : "characters";
        return secret[..keep] + $"<{rest.Length} {alphabet}>";
    }
}
