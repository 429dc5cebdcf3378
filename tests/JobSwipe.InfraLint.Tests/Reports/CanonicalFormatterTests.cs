using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Reports;

public class CanonicalFormatterTests
{
    private static readonly DiagnosticDescriptor Probe = new("TST0001", "Probe", "finding {0}", "Test", DiagnosticSeverity.Warning, "test");

    [Test]
    public void FormatAll_makes_one_line_per_finding_in_the_order_given()
    {
        // Enough findings for the parallel loop to split them; paths and lines out of order, so no sort can hide a shuffle.
        var diagnostics = Enumerable.Range(0, 2000)
            .Select(i => Diagnostic.Create(Probe, new Location($"svc-{(i * 7919) % 2000:D4}/Dockerfile", LinePositionSpan.FromLine(1 + i % 50, 1, 5)), i))
            .ToList();
        string root = Path.GetFullPath("repo");

        string all = CanonicalFormatter.FormatAll(diagnostics, root);

        Assert.That(all.Split(Environment.NewLine), Is.EqualTo(diagnostics.Select(d => CanonicalFormatter.Format(d, root))));
        Assert.That(CanonicalFormatter.FormatAll([], root), Is.Empty);
    }
}
