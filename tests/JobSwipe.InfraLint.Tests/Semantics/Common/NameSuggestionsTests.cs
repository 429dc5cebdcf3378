using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class NameSuggestionsTests
{
    [TestCase("postgres", "postgres", 0)]
    [TestCase("postgres", "postgre", 1)]
    [TestCase("builder", "biulder", 1)]
    [TestCase("internal_port", "internal_prot", 1)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    public void Counts_edits_with_neighbour_swaps_as_one(string a, string b, int expected) =>
        Assert.That(NameSuggestions.Distance(a, b), Is.EqualTo(expected));

    [Test]
    public void Stops_above_the_limit() =>
        Assert.That(NameSuggestions.Distance("a", "abcdefgh", limit: 2), Is.EqualTo(3));
}
