using JobSwipe.InfraLint.Rules.Secrets;
using JobSwipe.InfraLint.Semantics.Secrets;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>
/// The figures of issue 17, measured on samples generated from the providers' documented formats
/// (<see cref="ProviderSamples"/>, <see cref="GenericSamples"/>): recall (share of samples found at the secret's exact
/// span) and the look-alike rate (share of near misses reported). Printed to the test output; run with
/// <c>dotnet test --filter "FullyQualifiedName~SecretDetectionFigures" --logger "console;verbosity=detailed"</c>.
/// </summary>
public class SecretDetectionFiguresTests
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    [Test]
    public void Provider_detectors_reach_the_targets()
    {
        var (recall, flagged) = Measure(
            $"provider detectors ({SecretPatterns.Detectors.Count})",
            Seeds.SelectMany(ProviderSamples.ValidSamples).Select(s => (s.Id, s.Line, s.Secret)),
            Seeds.SelectMany(ProviderSamples.LookAlikes));
        Assert.That(recall, Is.GreaterThanOrEqualTo(0.90));
        Assert.That(flagged, Is.LessThanOrEqualTo(0.05));
    }

    [Test]
    public void Generic_assignment_detector_reaches_the_targets()
    {
        var (recall, flagged) = Measure("generic assignments", Seeds.SelectMany(GenericSamples.Valid), Seeds.SelectMany(GenericSamples.LookAlikes));
        Assert.That(recall, Is.GreaterThanOrEqualTo(0.60));
        Assert.That(flagged, Is.LessThanOrEqualTo(0.10));
    }

    private static (double Recall, double Flagged) Measure(string label, IEnumerable<(string Why, string Line, string Secret)> samples, IEnumerable<(string Why, string Line)> lookAlikes)
    {
        var valid = samples.ToList();
        var missed = valid.Where(s => !FoundAt(s.Line, s.Secret)).ToList();
        var near = lookAlikes.ToList();
        var flagged = near.Where(l => SecretPatterns.Scan(l.Line + "\n").Count > 0).ToList();
        double recall = 1 - ((double)missed.Count / valid.Count);
        double rate = (double)flagged.Count / near.Count;
        TestContext.Out.WriteLine($"{label}: recall {recall:P1} ({valid.Count - missed.Count}/{valid.Count}); look-alikes flagged {rate:P1} ({flagged.Count}/{near.Count})");
        foreach (var m in missed.DistinctBy(m => m.Why).Take(20))
        {
            TestContext.Out.WriteLine($"  missed: {m.Why} (found {Found(m.Line)})");
        }

        foreach (var f in flagged.DistinctBy(f => f.Why).Take(20))
        {
            TestContext.Out.WriteLine($"  flagged: {f.Why} (as {Found(f.Line)})");
        }

        return (recall, rate);
    }

    private static string Found(string line) => string.Join(", ", SecretPatterns.Scan(line + "\n").Select(m => m.DetectorId));

    private static bool FoundAt(string line, string secret)
    {
        string text = line + "\n";
        int at = text.IndexOf(secret, StringComparison.Ordinal);
        return SecretPatterns.Scan(text).Any(m => m.Start == at && m.Length == secret.Length);
    }
}
