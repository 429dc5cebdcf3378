using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class DockerfilePositionTests
{
    private const string Sample =
        "# syntax=docker/dockerfile:1\n" +                                  // 1
        "ARG NODE=22\n" +                                                   // 2
        "FROM node:${NODE}-alpine AS deps\n" +                              // 3
        "WORKDIR /app\n" +                                                  // 4
        "COPY --chown=node:node package.json \\\n" +                        // 5
        "     package-lock.json ./\n" +                                     // 6
        "RUN --mount=type=cache,target=/root/.npm \\\n" +                   // 7
        "    npm ci\n" +                                                    // 8
        "\n" +                                                              // 9
        "FROM deps AS final\n" +                                            // 10
        "ENV NODE_ENV=production \\\n" +                                    // 11
        "    PORT=3000\n" +                                                 // 12
        "EXPOSE 3000\n" +                                                   // 13
        "CMD [\"node\", \"server.js\"]\n";                                  // 14

    private static (LinePosition Start, LinePosition End, string Text) Where(DockerfileDocument model, TextSpan span)
    {
        LinePositionSpan lines = model.Text.GetSpan(span);
        return (lines.Start, lines.End, model.Text.GetText(span));
    }

    [Test]
    public void Every_node_a_rule_may_point_at_has_its_line_and_column()
    {
        var model = ParseOk(Sample);
        var deps = model.Stages[0];
        var final = model.Stages[1];
        var copy = (CopyInstruction)deps.Instructions[1];
        var run = (CommandInstruction)deps.Instructions[2];
        var env = (KeyValueInstruction)final.Instructions[0];
        var cmd = (CommandInstruction)final.Instructions[2];
        Assert.Multiple(() =>
        {
            Assert.That(Where(model, model.GlobalArgs[0].Declarations[0].KeySpan), Is.EqualTo((new LinePosition(2, 5), new LinePosition(2, 9), "NODE")));
            Assert.That(Where(model, model.GlobalArgs[0].Declarations[0].ValueSpan!.Value), Is.EqualTo((new LinePosition(2, 10), new LinePosition(2, 12), "22")));
            Assert.That(Where(model, deps.From.Image!.Span), Is.EqualTo((new LinePosition(3, 6), new LinePosition(3, 25), "node:${NODE}-alpine")));
            Assert.That(deps.From.ResolvedImage!.Value, Is.EqualTo("node:22-alpine"));
            Assert.That(Where(model, deps.From.Alias!.Span), Is.EqualTo((new LinePosition(3, 29), new LinePosition(3, 33), "deps")));
            Assert.That(Where(model, copy.GetFlag("chown")!.ValueSpan!.Value), Is.EqualTo((new LinePosition(5, 14), new LinePosition(5, 23), "node:node")));
            Assert.That(Where(model, copy.Sources[1].Span), Is.EqualTo((new LinePosition(6, 6), new LinePosition(6, 23), "package-lock.json")));
            Assert.That(Where(model, copy.Span).Start, Is.EqualTo(new LinePosition(5, 1)));
            Assert.That(Where(model, copy.Span).End, Is.EqualTo(new LinePosition(6, 26)));
            Assert.That(Where(model, run.GetFlag("mount")!.Options[1].ValueSpan!.Value), Is.EqualTo((new LinePosition(7, 31), new LinePosition(7, 41), "/root/.npm")));
            Assert.That(model.Text.GetPosition(run.ShellCommand!.MapToSource(run.ShellCommand.Text.IndexOf("ci", StringComparison.Ordinal))), Is.EqualTo(new LinePosition(8, 9)));
            Assert.That(final.From.BaseStageIndex, Is.EqualTo(0));
            Assert.That(Where(model, env.Pairs[1].KeySpan), Is.EqualTo((new LinePosition(12, 5), new LinePosition(12, 9), "PORT")));
            Assert.That(Where(model, env.Pairs[1].ValueSpan!.Value), Is.EqualTo((new LinePosition(12, 10), new LinePosition(12, 14), "3000")));
            Assert.That(Where(model, cmd.ExecArguments[1].Span), Is.EqualTo((new LinePosition(14, 14), new LinePosition(14, 25), "\"server.js\"")));
            Assert.That(Where(model, deps.Span).End, Is.EqualTo(new LinePosition(8, 11)));
            Assert.That(Where(model, model.Directives[0].Span).Text, Is.EqualTo("# syntax=docker/dockerfile:1"));
        });
    }

    [Test]
    public void Heredoc_positions_with_crlf_line_endings()
    {
        var model = ParseOk("FROM a\r\nCOPY <<EOF /etc/x\r\nline one\r\nEOF\r\nRUN true\r\n");
        DockerHeredoc heredoc = model.Stages[0].Instructions[0].Heredocs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(heredoc.Content, Is.EqualTo("line one\r\n"));
            Assert.That(model.Text.GetPosition(heredoc.TerminatorSpan!.Value.Start), Is.EqualTo(new LinePosition(4, 1)));
            Assert.That(model.Text.GetText(heredoc.TerminatorSpan.Value), Is.EqualTo("EOF"));
            Assert.That(model.Stages[0].Instructions[1].Kind, Is.EqualTo(DockerInstructionKind.Run));
        });
    }

    [Test]
    public void Shell_sources_of_cmd_entrypoint_and_healthcheck_map_back_with_backtick_and_crlf()
    {
        var model = ParseOk("# escape=`\r\nFROM a\r\nHEALTHCHECK CMD curl `\r\n  -f http://localhost/\r\nENTRYPOINT exec `\r\n# note\r\n  app\r\nCMD serve --port `\r\n\t8080\r\n");
        var checks = model.Stages[0].Instructions.Cast<CommandInstruction>().ToList();
        Assert.Multiple(() =>
        {
            foreach (var (instruction, word, line, column) in new[] { (checks[0], "-f", 4, 3), (checks[1], "app", 7, 3), (checks[2], "8080", 9, 2) })
            {
                ShellSource shell = instruction.ShellCommand!;
                int logical = shell.Text.IndexOf(word, StringComparison.Ordinal);
                Assert.That(model.Text.GetPosition(shell.MapToSource(logical)), Is.EqualTo(new LinePosition(line, column)), word);
                Assert.That(model.Text.GetText(shell.MapToSource(new TextSpan(logical, word.Length))), Is.EqualTo(word));
            }

            Assert.That(checks[1].ShellCommand!.Text, Is.EqualTo("exec   app"));
        });
    }

    [Test]
    public void Instruction_expand_uses_the_backtick_escape()
    {
        var model = ParseOk("# escape=`\nFROM a\nARG DIR=C:\\app\nWORKDIR ${DIR}`$x\n");
        DockerInstruction workdir = model.Stages[0].Instructions[1];
        Assert.That(workdir.Expand(workdir.Arguments[0].Text).Value, Is.EqualTo("C:\\app$x"));
    }
}
