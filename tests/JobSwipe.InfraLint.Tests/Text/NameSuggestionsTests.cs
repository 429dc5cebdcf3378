using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Text;

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

    // One policy for every "did you mean" (Fly keys and groups, stage names, compose services); the three copies it
    // replaces disagreed: compose compared case-sensitively and allowed two edits at most, stage names allowed two
    // edits even in a three-letter name.
    [TestCase("auto-stop-machines", "auto_stop_machines")]
    [TestCase("POSTGRES", "postgres")]
    [TestCase("postgress", "postgres")]
    [TestCase("wrker", "worker")]
    [TestCase("elastcsrch", "elasticsearch")]
    public void Closest_finds_a_near_name(string name, string expected) =>
        Assert.That(NameSuggestions.Closest(name, ["api", expected, "zzzzzzzzzz"]), Is.EqualTo(expected));

    [TestCase("bld", "build")]
    [TestCase("db", "web")]
    [TestCase("cache", "queue")]
    public void Closest_leaves_far_names_alone(string name, string candidate) =>
        Assert.That(NameSuggestions.Closest(name, [candidate]), Is.Null);

    [Test]
    public void Closest_prefers_the_nearest_and_then_the_first() =>
        Assert.Multiple(() =>
        {
            Assert.That(NameSuggestions.Closest("webb", ["wbe", "web"]), Is.EqualTo("web"));
            Assert.That(NameSuggestions.Closest("wex", ["web", "wed"]), Is.EqualTo("web"));
        });

    [Test]
    public void Contained_names_only_when_asked() =>
        Assert.Multiple(() =>
        {
            Assert.That(NameSuggestions.Closest("auto_stop", ["auto_stop_machines"], allowContained: true), Is.EqualTo("auto_stop_machines"));
            Assert.That(NameSuggestions.Closest("mongo", ["mongo-webui"]), Is.Null);
            Assert.That(NameSuggestions.Closest("mon", ["mongo-webui"], allowContained: true), Is.Null, "four characters at least");
        });
}
