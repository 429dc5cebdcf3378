using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Toml;

public class TomlLimitTests
{
    [TestCase("a{0} = 1\n")]
    [TestCase("[a{0}]\nx = 1\n")]
    [TestCase("[[a{0}]]\nx = 1\n")]
    public void Very_long_dotted_keys_are_an_error_not_a_memory_blow_up(string template)
    {
        string content = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, string.Concat(Enumerable.Repeat(".a", 20000)));
        JobSwipe.InfraLint.Syntax.ParseResult<JobSwipe.InfraLint.Syntax.Toml.TomlDocument> result = JobSwipe.InfraLint.Syntax.Toml.TomlParser.Parse(new JobSwipe.InfraLint.Text.SourceText(content));
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains("more than"));
    }
}
