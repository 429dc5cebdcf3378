using JobSwipe.InfraLint.Syntax.Dockerfile;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class BuildKitLineConformanceTests
{
    [Test]
    public void Instruction_line_ranges_skip_blank_and_comment_lines()
    {
        const string content = "# ESCAPE=\\\n\n\nFROM alpine\n\n# note\n\nENV HOME \\\n/root\n\n# install\nRUN apk add \\\n\t&& one \\\n\n\n    && two \\\n\n\t&& three\n\n\n";
        var model = ParseOk(content);
        var ranges = model.Instructions.Select(i => model.Text.GetSpan(i.Span)).Select(s => (s.Start.Line, s.End.Line)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives.Single().Name, Is.EqualTo("escape"));
            Assert.That(ranges, Is.EqualTo(new[] { (4, 4), (8, 9), (12, 18) }));
        });
    }

    [Test]
    public void Empty_continuation_lines_are_flagged_but_comment_lines_are_not()
    {
        var model = ParseOk("FROM alpine\nRUN valid \\\n    continuation\nRUN something \\\n\n    following\nRUN non-indented \\\n# a comment\n   after\nRUN indented \\\n    # an indented comment\n    after\n");
        Assert.That(model.Stages[0].Instructions.Select(i => i.HasEmptyContinuationLine), Is.EqualTo(new[] { false, true, false, false }));
    }
}
