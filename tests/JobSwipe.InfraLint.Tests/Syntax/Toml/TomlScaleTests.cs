using JobSwipe.InfraLint.Syntax.Toml;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Toml;

public class TomlScaleTests
{
    [Test]
    public void Many_tables_and_keys_do_not_blow_up()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            sb.Append("[t").Append(i).Append("]\nk = ").Append(i).Append('\n');
        }

        for (int i = 0; i < 5000; i++)
        {
            sb.Append("[[arr]]\nv = ").Append(i).Append('\n');
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        JobSwipe.InfraLint.Syntax.ParseResult<JobSwipe.InfraLint.Syntax.Toml.TomlDocument> result = JobSwipe.InfraLint.Syntax.Toml.TomlParser.Parse(new JobSwipe.InfraLint.Text.SourceText(sb.ToString()));
        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(5));
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Model!.Root.GetTables("arr"), Has.Count.EqualTo(5000));
        Assert.That(result.Model.Root.GetPath("t4999", "k")!.AsInteger(), Is.EqualTo(4999));
    }
}
