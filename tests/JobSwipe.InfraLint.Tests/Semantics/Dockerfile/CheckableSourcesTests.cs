using JobSwipe.InfraLint.Semantics.Dockerfile;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Semantics.Dockerfile;

public class CheckableSourcesTests
{
    [Test]
    public void Only_local_sources_without_variables_are_checkable_and_asking_again_gives_the_same()
    {
        // Kept with the model after the first walk: the build context's inference and two rules ask for every Dockerfile.
        var model = ParseOk(
            "FROM a AS build\nARG DIR=src\nCOPY requirements.txt ./\nCOPY --from=build /out /out\nCOPY $DIR/app.py /app/\n"
            + "ADD https://example.com/x.tgz /x/\nCOPY <<EOF conf/a.ini /etc/\nx\nEOF\nADD --checksum=sha256:00 b.txt /b/\nCOPY ./lib/ /lib/\n");
        var first = BuildContexts.CheckableSources(model).Select(s => (s.Token.Text, s.Path)).ToList();
        var again = BuildContexts.CheckableSources(model).Select(s => (s.Token.Text, s.Path)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { ("requirements.txt", "requirements.txt"), ("conf/a.ini", "conf/a.ini"), ("./lib/", "./lib/") }));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(BuildContexts.CheckableSources(model).Select(s => s.Copy).Distinct().Count(), Is.EqualTo(3));
        });
    }
}
