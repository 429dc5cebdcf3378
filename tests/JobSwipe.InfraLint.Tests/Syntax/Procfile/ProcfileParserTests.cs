using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Procfile;
using JobSwipe.InfraLint.Tests.Syntax.Toml;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Procfile;

public class ProcfileParserTests
{
    private const string Sample = """
        # processes
        web: gunicorn app:app --bind 0.0.0.0:$PORT   
        worker:celery -A tasks worker # not a comment for us
        release : python manage.py migrate
        web: duplicate
        this line is junk

        """;

    [Test]
    public void Entries_have_name_and_command_spans()
    {
        var text = new SourceText(Sample);
        ParseResult<ProcfileDocument> result = ProcfileParser.Parse(text);
        Assert.That(result.Succeeded, Is.True);
        ProcfileDocument model = result.Model!;
        Assert.That(model.Entries.Select(e => e.Name), Is.EqualTo(new[] { "web", "worker", "release", "web" }));
        ProcfileEntry web = model.Get("web")!;
        Assert.That(text.GetText(web.NameSpan), Is.EqualTo("web"));
        Assert.That(web.Command, Is.EqualTo("gunicorn app:app --bind 0.0.0.0:$PORT"));
        Assert.That(text.GetText(web.CommandSpan), Is.EqualTo(web.Command));
        Assert.That(text.GetSpan(web.CommandSpan).Start, Is.EqualTo(new LinePosition(2, 6)));
        Assert.That(model.Get("worker")!.Command, Is.EqualTo("celery -A tasks worker # not a comment for us"));
        Assert.That(model.Get("release")!.Command, Is.EqualTo("python manage.py migrate"));
        Assert.That(model.Comments.Single().Text, Is.EqualTo("processes"));
        Assert.That(model.Duplicates.Single().Duplicate.Command, Is.EqualTo("duplicate"));
        Assert.That(model.InvalidLines.Single().Text, Is.EqualTo("this line is junk"));
    }

    [TestCase("")]
    [TestCase("\n\n")]
    [TestCase(":\n")]
    [TestCase("web:\n")]
    public void Odd_inputs(string content)
    {
        ParseResult<ProcfileDocument> result = ProcfileParser.Parse(new SourceText(content));
        Assert.That(result.Model, Is.Not.Null);
    }

    [Test]
    public void Empty_command_is_kept()
    {
        ProcfileDocument model = ProcfileParser.Parse(new SourceText("web:\r\n")).Model!;
        Assert.That(model.Get("web")!.Command, Is.Empty);
    }

    [Test]
    public void Fuzzed_input_never_throws()
    {
        TimeSpan elapsed = MiscFuzz.Run([Sample], s => Assert.That(ProcfileParser.Parse(new SourceText(s)).Model, Is.Not.Null), seed: 99);
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(MiscFuzz.Iterations > MiscFuzz.DefaultIterations ? 600 : 10)));
    }
}
