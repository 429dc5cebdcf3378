namespace JobSwipe.InfraLint.Diagnostics;

/// <summary>Which environment a file configures (rules.md, "Environments").</summary>
public enum FileEnvironment
{
    /// <summary>Nothing in the path says; treated as development.</summary>
    Unspecified = 0,
    Development = 1,
    Production = 2,

    /// <summary>
    /// Test data: a fixture, a parser's test input, a generator's expected output (<c>testdata/</c>, <c>fixtures/</c>,
    /// <c>test/results/</c>…). Read by tests, never built or deployed as it is, often invalid on purpose: the engine
    /// reports its findings as info at most.
    /// </summary>
    TestData = 3,
}
