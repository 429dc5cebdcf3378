using JobSwipe.InfraLint.Syntax.DotEnv;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.DotEnv;

public class DotEnvLimitTests
{
    [TestCase("${")]
    [TestCase("${$")]
    [TestCase("${A")]
    public void Many_unclosed_references_do_not_blow_up(string unit)
    {
        string content = "A=" + string.Concat(Enumerable.Repeat(unit, 100_000)) + "}\nB=\"" + string.Concat(Enumerable.Repeat(unit, 100_000)) + "\"\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JobSwipe.InfraLint.Syntax.ParseResult<JobSwipe.InfraLint.Syntax.DotEnv.DotEnvDocument> result = JobSwipe.InfraLint.Syntax.DotEnv.DotEnvParser.Parse(new JobSwipe.InfraLint.Text.SourceText(content));
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(2));
        Assert.That(result.Model!.Entries, Has.Count.EqualTo(2));
    }
}
