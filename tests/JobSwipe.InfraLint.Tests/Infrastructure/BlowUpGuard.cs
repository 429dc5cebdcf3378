namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// Catches a parser or rule whose work blows up (quadratic or exponential in the input: minutes, or a hang) on a
/// pathological input, without making a test depend on the machine's speed or load. The bound is a multiple of what
/// the input takes on a quiet machine, so a loaded CI runner (test projects run in parallel with builds) cannot fail
/// it; how fast the engine is, is measured by the benchmark (docs/benchmarks.md), never by a test.
/// </summary>
public static class BlowUpGuard
{
    /// <summary>How many times the quiet-machine time a run may take before it counts as a blow-up.</summary>
    public const int Slack = 6;

    public static void Check(TimeSpan elapsed, TimeSpan quietMachineBound, string? what = null) =>
        Assert.That(elapsed, Is.LessThan(quietMachineBound * Slack), what ?? $"more than {Slack} x {quietMachineBound.TotalSeconds:0.#} s: a blow-up on this input");
}
