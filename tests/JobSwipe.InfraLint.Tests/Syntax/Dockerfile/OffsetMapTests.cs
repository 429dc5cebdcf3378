using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class OffsetMapTests
{
    [Test]
    public void Runs_map_every_logical_offset_as_an_offset_per_character_would()
    {
        int[] offsets = [3, 4, 5, 9, 10, 20, 21, 22, 23, 7];
        var map = new OffsetMap();
        map.AddRun(3, 3);
        map.Add(9);
        map.Add(10);
        map.AddRun(20, 4);
        map.Add(7);
        Assert.That(map.Count, Is.EqualTo(offsets.Length));
        int[] runs = map.ToRuns();
        Assert.That(runs, Has.Length.EqualTo(8), "four runs: 3-5, 9-10, 20-23 and 7");
        for (int i = 0; i < offsets.Length; i++)
        {
            Assert.That(map[i], Is.EqualTo(offsets[i]), $"offset {i}");
            Assert.That(OffsetMap.Lookup(runs, i), Is.EqualTo(offsets[i]), $"offset {i} in the kept runs");
        }
    }

    [TestCase("FROM alpine\nRUN apk add \\\n    # a comment\n    curl && \\\n    echo done\n")]
    [TestCase("FROM alpine\nRUN --mount=type=cache,target=/x apk add curl && echo done\n")]
    public void A_RUN_maps_each_logical_offset_to_its_line(string dockerfile)
    {
        var model = DockerfileParser.Parse(new SourceText(dockerfile)).Model!;
        var run = (CommandInstruction)model.Instructions[1];
        ShellSource shell = run.ShellCommand!;
        foreach (string word in new[] { "apk", "curl", "echo", "done" })
        {
            int logical = shell.Text.IndexOf(word, StringComparison.Ordinal);
            int source = shell.MapToSource(logical);
            Assert.That(dockerfile.Substring(source, word.Length), Is.EqualTo(word));
            Assert.That(shell.MapToSource(new TextSpan(logical, word.Length)), Is.EqualTo(new TextSpan(source, word.Length)));
        }
    }
}
