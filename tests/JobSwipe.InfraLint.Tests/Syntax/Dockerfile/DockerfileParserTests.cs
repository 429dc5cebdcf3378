using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class DockerfileParserTests
{
    internal static DockerfileDocument ParseOk(string content)
    {
        ParseResult<DockerfileDocument> result = DockerfileParser.Parse(new SourceText(content));
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.That(result.Model, Is.Not.Null);
        return result.Model!;
    }

    internal static IReadOnlyList<SyntaxError> Errors(string content)
    {
        ParseResult<DockerfileDocument> result = DockerfileParser.Parse(new SourceText(content));
        Assert.That(result.Model, Is.Not.Null);
        return result.Errors;
    }

    private static string At(DockerfileDocument model, TextSpan span) => model.Text.GetText(span);

    [Test]
    public void From_has_exact_spans_for_keyword_flag_image_and_alias()
    {
        var model = ParseOk("FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS Build\n");
        FromInstruction from = model.Stages[0].From;
        Assert.Multiple(() =>
        {
            Assert.That(At(model, from.KeywordSpan), Is.EqualTo("FROM"));
            Assert.That(from.Platform, Is.Not.Null);
            Assert.That(At(model, from.Platform!.Span), Is.EqualTo("--platform=$BUILDPLATFORM"));
            Assert.That(At(model, from.Platform.NameSpan), Is.EqualTo("platform"));
            Assert.That(At(model, from.Platform.ValueSpan!.Value), Is.EqualTo("$BUILDPLATFORM"));
            Assert.That(At(model, from.Image!.Span), Is.EqualTo("golang:1.22-alpine"));
            Assert.That(model.Text.GetPosition(from.Image.Span.Start), Is.EqualTo(new LinePosition(1, 32)));
            Assert.That(At(model, from.AsKeyword!.Span), Is.EqualTo("AS"));
            Assert.That(At(model, from.Alias!.Span), Is.EqualTo("Build"));
            Assert.That(from.StageName, Is.EqualTo("build"));
            Assert.That(from.ImageReference!.Repository, Is.EqualTo("golang"));
            Assert.That(from.ImageReference.Tag, Is.EqualTo("1.22-alpine"));
            Assert.That(At(model, from.Span), Is.EqualTo("FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS Build"));
        });
    }

    [Test]
    public void Instructions_are_case_insensitive_and_stages_are_indexed()
    {
        var model = ParseOk("from alpine as base\nrun echo hi\nFrom base AS final\nCmd [\"sh\"]\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Stages, Has.Count.EqualTo(2));
            Assert.That(model.Stages[0].Name, Is.EqualTo("base"));
            Assert.That(model.Stages[0].Instructions[0].Kind, Is.EqualTo(DockerInstructionKind.Run));
            Assert.That(model.Stages[0].Instructions[0].Keyword, Is.EqualTo("run"));
            Assert.That(model.FinalStage, Is.SameAs(model.Stages[^1]));
            Assert.That(model.Stages[1].Index, Is.EqualTo(1));
            Assert.That(model.Stages[1].From.BaseStageIndex, Is.EqualTo(0));
            Assert.That(model.Stages[1].Instructions[0].StageIndex, Is.EqualTo(1));
            Assert.That(model.FindStage("BASE"), Is.SameAs(model.Stages[0]));
            Assert.That(model.FindStage("1"), Is.SameAs(model.Stages[1]));
        });
    }

    [Test]
    public void Global_args_come_before_the_first_from()
    {
        var model = ParseOk("ARG BASE=python:3.12-slim\nARG TAG\nFROM ${BASE}\nARG BASE\nARG LOCAL=1\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.GlobalArgs, Has.Count.EqualTo(2));
            Assert.That(model.GlobalArgs[0].IsGlobal, Is.True);
            Assert.That(model.Stages[0].Instructions.OfType<ArgInstruction>().All(a => !a.IsGlobal), Is.True);
        });
    }

    // ------------------------------------------------------------------ directives and escape

    [Test]
    public void Parser_directives_are_read_at_the_top()
    {
        var model = ParseOk("# syntax=docker/dockerfile:1.7\n# escape=`\n#check=skip=JSONArgsRecommended\n\nFROM image\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives.Select(d => d.Name), Is.EqualTo(new[] { "syntax", "escape", "check" }));
            Assert.That(model.GetDirective("SYNTAX")!.Value, Is.EqualTo("docker/dockerfile:1.7"));
            Assert.That(At(model, model.Directives[0].ValueSpan), Is.EqualTo("docker/dockerfile:1.7"));
            Assert.That(At(model, model.Directives[2].NameSpan), Is.EqualTo("check"));
            Assert.That(model.Directives[2].Value, Is.EqualTo("skip=JSONArgsRecommended"));
            Assert.That(model.EscapeCharacter, Is.EqualTo('`'));
            Assert.That(model.Comments, Is.Empty);
        });
    }

    [Test]
    public void Directive_after_a_comment_is_an_ordinary_comment()
    {
        // As BuildKit's escape-after-comment test: the backslash stays the escape character.
        var model = ParseOk("# A comment first\n# escape = `\n\nFROM image\nENV GOPATH \\\n\\go\n");
        var env = (KeyValueInstruction)model.Stages[0].Instructions[0];
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives, Is.Empty);
            Assert.That(model.EscapeCharacter, Is.EqualTo('\\'));
            Assert.That(model.Comments, Has.Count.EqualTo(2));
            Assert.That(env.Pairs[0].RawValue, Is.EqualTo("\\go"));
        });
    }

    [Test]
    public void Directive_after_an_instruction_or_blank_line_is_ignored()
    {
        var model = ParseOk("\n# escape=`\nFROM image\n# syntax=foo\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives, Is.Empty);
            Assert.That(model.Comments.Select(c => c.Text), Is.EqualTo(new[] { "escape=`", "syntax=foo" }));
        });
    }

    [Test]
    public void Backtick_escape_continues_lines_and_leaves_backslashes_alone()
    {
        var model = ParseOk("# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN powershell -Command `\n    New-Item C:\\app\nENV GOPATH `\n\\go\n");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        var env = (KeyValueInstruction)model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("powershell -Command     New-Item C:\\app"));
            Assert.That(env.Pairs[0].Value, Is.EqualTo("\\go"));
            Assert.That(model.Text.GetPosition(run.Span.End), Is.EqualTo(new LinePosition(4, 20)));
        });
    }

    [Test]
    public void Escape_directive_without_blank_line_and_with_syntax()
    {
        var model = ParseOk("# syntax = docker/dockerfile\n# escape = `\nFROM `\n    image\n");
        Assert.That(model.Stages[0].From.Image!.Text, Is.EqualTo("image"));
    }

    [Test]
    public void Directive_keys_are_case_insensitive_and_values_keep_options()
    {
        var model = ParseOk("# EScape=\\\n#check = skip=all // opts\n# key = FOO bar\n# syntax=ignored\nFROM a\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives.Select(d => (d.Name, d.Value)), Is.EqualTo(new[] { ("escape", "\\"), ("check", "skip=all // opts") }));
            Assert.That(model.Comments.Select(c => c.Text), Is.EqualTo(new[] { "key = FOO bar", "syntax=ignored" }));
        });
    }

    [Test]
    public void Syntax_and_check_directives_may_follow_a_shebang_but_escape_may_not()
    {
        var model = ParseOk("#!/usr/bin/env buildctl\n# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\nRUN echo \\\n  ok\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.Directives.Select(d => d.Name), Is.EqualTo(new[] { "syntax", "check" }));
            Assert.That(model.EscapeCharacter, Is.EqualTo('\\'));
            Assert.That(model.Comments, Has.Count.EqualTo(2));
            Assert.That(((CommandInstruction)model.Stages[0].Instructions[0]).ShellCommand!.Text, Is.EqualTo("echo   ok"));
        });
    }

    [Test]
    public void Invalid_escape_value_is_an_error_at_the_value()
    {
        var text = "# escape=x\nFROM a\n";
        var errors = Errors(text);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(new SourceText(text).GetText(errors[0].Span), Is.EqualTo("x"));
    }

    [Test]
    public void Repeated_directive_is_an_error()
    {
        var errors = Errors("# escape=`\n# escape=\\\nFROM a\n");
        Assert.That(errors.Single().Message, Does.Contain("more than once"));
    }

    // ------------------------------------------------------------------ continuations

    [TestCase("RUN echo hello\\\n  world\\\n  goodnight  \\\n  moon\\\n  light\\\nning", "echo hello  world  goodnight    moon  lightning")]
    [TestCase("RUN echo hello  \\\n  world", "echo hello    world")]
    [TestCase("RUN echo hello \\\ngoodbye\\\nfrog", "echo hello goodbyefrog")]
    [TestCase("RUN echo hello  \\  \nworld", "echo hello  world")]
    [TestCase("RUN echo hi \\\n \\\n world \\\n\\\n good\\\n\\\nnight", "echo hi   world  goodnight")]
    [TestCase("RUN foo \\\n\nbar \\\n\nbaz", "foo bar baz")]
    [TestCase("RUN apt-get \\update && \\\n  apt-get \\\"install znc -y", "apt-get \\update &&   apt-get \\\"install znc -y")]
    public void Continuations_join_like_buildkit(string run, string expected)
    {
        var model = ParseOk("FROM a\n" + run + "\n");
        var instruction = (CommandInstruction)model.Stages[0].Instructions[0];
        Assert.That(instruction.ShellCommand!.Text, Is.EqualTo(expected));
    }

    [Test]
    public void Escaped_escape_at_end_of_line_does_not_continue()
    {
        var model = ParseOk("FROM a\nENV C trailing\\\\backslash\\\\\nENV D next\nENV E hello\\\n\\\nworld\nENV F hello\\\n \\\nworld\n");
        var envs = model.Stages[0].Instructions.Cast<KeyValueInstruction>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(envs, Has.Count.EqualTo(4));
            Assert.That(envs[0].Pairs[0].RawValue, Is.EqualTo("trailing\\\\backslash\\\\"));
            Assert.That(envs[2].Pairs[0].RawValue, Is.EqualTo("helloworld"));
            Assert.That(envs[3].Pairs[0].RawValue, Is.EqualTo("hello world"));
        });
    }

    [Test]
    public void Comment_and_empty_lines_inside_a_continuation_are_removed_and_flagged()
    {
        var model = ParseOk("FROM a\nRUN apt-get update \\\n    # install curl\n\n    && apt-get install -y curl\n");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("apt-get update     && apt-get install -y curl"));
            Assert.That(run.HasEmptyContinuationLine, Is.True);
            Assert.That(model.Comments.Single().Text, Is.EqualTo("install curl"));
            Assert.That(model.Text.GetPosition(model.Comments[0].Span.Start), Is.EqualTo(new LinePosition(3, 5)));
        });
    }

    [Test]
    public void Continuation_at_end_of_file_is_accepted_as_buildkit_does()
    {
        var model = ParseOk("FROM alpine:3.5\n\nRUN something \\");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("something"));
            Assert.That(run.EndsWithContinuationAtEndOfFile, Is.True);
        });
    }

    [Test]
    public void Shell_source_maps_logical_offsets_back_through_continuations_and_comments()
    {
        const string content = "FROM debian\nRUN apt-get update && \\\n# a comment line\n    apt-get install -y \\\n\tcurl ca-certificates\n";
        var model = ParseOk(content);
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        ShellSource shell = run.ShellCommand!;
        Assert.That(shell.Text, Is.EqualTo("apt-get update &&     apt-get install -y \tcurl ca-certificates"));
        int logical = shell.Text.IndexOf("curl", StringComparison.Ordinal);
        int source = shell.MapToSource(logical);
        int install = shell.MapToSource(shell.Text.IndexOf("install", StringComparison.Ordinal));
        TextSpan word = shell.MapToSource(new TextSpan(logical, 4));
        Assert.Multiple(() =>
        {
            Assert.That(model.Text.GetPosition(source), Is.EqualTo(new LinePosition(5, 2)));
            Assert.That(model.Text.GetPosition(install), Is.EqualTo(new LinePosition(4, 13)));
            Assert.That(At(model, word), Is.EqualTo("curl"));
            Assert.That(model.Text.GetPosition(shell.MapToSource(0)), Is.EqualTo(new LinePosition(2, 5)));
            Assert.That(shell.MapToSource(shell.Text.Length), Is.EqualTo(shell.SourceSpan.End));
            Assert.That(At(model, shell.SourceSpan), Does.StartWith("apt-get update").And.EndWith("ca-certificates"));
        });
    }

    [Test]
    public void Crlf_line_endings_are_handled()
    {
        var model = ParseOk("FROM a\r\nRUN echo a \\\r\n  b\r\nCMD [\"x\"]\r\n");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        Assert.Multiple(() =>
        {
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("echo a   b"));
            Assert.That(At(model, run.Span), Is.EqualTo("RUN echo a \\\r\n  b"));
        });
    }

    [Test]
    public void Byte_order_mark_is_skipped()
    {
        var model = ParseOk("\uFEFF# escape=`\nFROM a\n");
        Assert.Multiple(() =>
        {
            Assert.That(model.EscapeCharacter, Is.EqualTo('`'));
            Assert.That(At(model, model.Stages[0].From.KeywordSpan), Is.EqualTo("FROM"));
        });
    }
}
