using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Tests.Syntax.Shell.ShellParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class ShellHeredocAndAnalysisTests
{
    [Test]
    public void Heredoc_body_delimiter_and_spans()
    {
        const string source = "cat <<EOF > /etc/conf\nline $HOME\n  EOF not end\nEOF\necho after\n";
        ShellScript script = ParseOk(source);
        IReadOnlyList<SimpleCommand> commands = Commands(script);
        ShellRedirection redirection = commands[0].Redirections[0];
        ShellHeredoc heredoc = redirection.Heredoc!;
        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.NameValue), Is.EqualTo(new[] { "cat", "echo" }));
            Assert.That(redirection.Operator, Is.EqualTo("<<"));
            Assert.That(heredoc.Delimiter, Is.EqualTo("EOF"));
            Assert.That(heredoc.IsDelimiterQuoted, Is.False);
            Assert.That(heredoc.Body, Is.EqualTo("line $HOME\n  EOF not end\n"));
            Assert.That(script.Text.GetText(heredoc.BodySpan), Is.EqualTo("line $HOME\n  EOF not end\n"));
            Assert.That(script.Text.GetText(heredoc.EndSpan), Is.EqualTo("EOF"));
            Assert.That(script.Text.GetSpan(heredoc.EndSpan).Start, Is.EqualTo(new LinePosition(4, 1)));
            Assert.That(commands[0].Redirections[1].Target!.Value, Is.EqualTo("/etc/conf"));
        });
    }

    [Test]
    public void Heredoc_quoted_delimiters_and_tab_stripping()
    {
        ShellScript script = ParseOk("cat <<'A'\n$x\nA\ncat <<\"B\"\ny\nB\ncat <<\\C\nz\nC\ncat <<-D\n\tindented\n\t\tmore\n\tD\n");
        var heredocs = Commands(script).Select(c => c.Redirections[0].Heredoc!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(heredocs.Select(h => h.Delimiter), Is.EqualTo(new[] { "A", "B", "C", "D" }));
            Assert.That(heredocs.Select(h => h.IsDelimiterQuoted), Is.EqualTo(new[] { true, true, true, false }));
            Assert.That(heredocs[0].Body, Is.EqualTo("$x\n"));
            Assert.That(heredocs[3].StripsTabs, Is.True);
            Assert.That(heredocs[3].Body, Is.EqualTo("indented\nmore\n"));
            Assert.That(script.Text.GetText(heredocs[3].EndSpan), Is.EqualTo("\tD"));
        });
    }

    [Test]
    public void Several_heredocs_on_one_line_and_in_pipelines()
    {
        ShellScript script = ParseOk("paste <<ONE <<TWO | sort && echo done\n1\nONE\n2\nTWO\nx=$(cat <<EOF\ninner )\nEOF\n)\necho end\n");
        var contexts = script.EnumerateCommands();
        var paste = contexts[0].Command;
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new string?[] { "paste", "sort", "echo", null, "cat", "echo" }));
            Assert.That(paste.Redirections.Select(r => r.Heredoc!.Body), Is.EqualTo(new[] { "1\n", "2\n" }));
            Assert.That(contexts[4].Command.Redirections[0].Heredoc!.Body, Is.EqualTo("inner )\n"));
        });
    }

    [Test]
    public void Unquoted_heredoc_bodies_expose_their_expansions()
    {
        const string source = "cat <<EOF | sh\nuser=$USER\nkey=$(curl -fsS https://x | base64)\nprice: \\$5 `date`\nEOF\ncat <<'RAW'\n$(not run)\nRAW\ncat <<BAD\n${unclosed and $(unclosed\nBAD\necho after\n";
        ShellScript script = ParseOk(source);
        var contexts = script.EnumerateCommands();
        ShellHeredoc first = contexts[0].Command.Redirections[0].Heredoc!;
        Assert.Multiple(() =>
        {
            Assert.That(first.Parts.Select(p => script.Text.GetText(p.Span)), Is.EqualTo(new[] { "$USER", "$(curl -fsS https://x | base64)", "`date`" }));
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new[] { "cat", "curl", "base64", "date", "sh", "cat", "cat", "echo" }));
            Assert.That(contexts[1].IsInCommandSubstitution, Is.True);
            Assert.That(contexts[6].Command.Redirections[0].Heredoc!.Parts, Is.Empty);
            Assert.That(contexts[6].Command.Redirections[0].Heredoc!.Body, Is.EqualTo("${unclosed and $(unclosed\n"));
        });
    }

    [Test]
    public void Unterminated_heredoc_is_an_error_at_the_operator()
    {
        const string source = "echo start\ncat <<EOF\nbody\nEOD\n";
        ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors[0].Message, Does.Contain("heredoc").And.Contain("'EOF'"));
            Assert.That(result.Errors[0].Span, Is.EqualTo(new TextSpan(source.IndexOf("<<", StringComparison.Ordinal), 2)));
            Assert.That(ShellParser.Parse(new SourceText("cat <<EOF")).Errors, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Set_options_in_effect_at_each_command()
    {
        ShellScript script = ParseOk("echo 0\nset -euo pipefail\necho 1\nset +x -x\necho 2\nset +e\necho 3\nset -o errexit +o pipefail\necho 4\n( set +e; echo 5 )\necho 6\nset -- -x\necho 7\n");
        var options = script.EnumerateCommands().Where(c => c.Command.NameValue == "echo").Select(c => c.Options).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(options[0], Is.EqualTo(SetOptions.None));
            Assert.That(options[1], Is.EqualTo(new SetOptions(ErrExit: true, PipeFail: true, XTrace: false, NoUnset: true)));
            Assert.That(options[2], Is.EqualTo(new SetOptions(true, true, true, true)));
            Assert.That(options[3], Is.EqualTo(new SetOptions(false, true, true, true)));
            Assert.That(options[4], Is.EqualTo(new SetOptions(true, false, true, true)));
            Assert.That(options[5].ErrExit, Is.False);
            Assert.That(options[6].ErrExit, Is.True, "set inside a subshell ends with it");
            Assert.That(options[7], Is.EqualTo(options[6]), "set -- sets positional parameters only");
            Assert.That(script.FinalOptions, Is.EqualTo(options[7]));
        });
    }

    [TestCase("#!/bin/bash -e\necho x\n", true, false, "bash")]
    [TestCase("#!/usr/bin/env bash\necho x\n", false, false, "bash")]
    [TestCase("#!/usr/bin/env -S bash -eo pipefail\necho x\n", true, true, "bash")]
    [TestCase("#!/bin/sh -ex\necho x\n", true, false, "sh")]
    [TestCase("#!/usr/bin/zsh\necho x\n", false, false, "zsh")]
    public void Shebang_flags_set_initial_options(string source, bool errexit, bool pipefail, string interpreter)
    {
        ShellScript script = ParseOk(source);
        CommandContext context = script.EnumerateCommands().Single();
        Assert.Multiple(() =>
        {
            Assert.That(script.Shebang!.Interpreter, Is.EqualTo(interpreter));
            Assert.That(context.Options.ErrExit, Is.EqualTo(errexit));
            Assert.That(context.Options.PipeFail, Is.EqualTo(pipefail));
            Assert.That(script.Text.GetText(script.Shebang.Span), Is.EqualTo(source[..source.IndexOf('\n', StringComparison.Ordinal)]));
        });
    }

    [Test]
    public void Enumerate_commands_accepts_initial_options()
    {
        ShellScript script = ParseOk("curl x | sh\n");
        var options = SetOptions.None.Apply(["-o", "pipefail", "-c"]);
        Assert.Multiple(() =>
        {
            Assert.That(script.EnumerateCommands(options)[0].Options.PipeFail, Is.True);
            Assert.That(script.EnumerateCommands()[0].Options.PipeFail, Is.False);
        });
    }

    [Test]
    public void Traps_give_their_action_signals_and_resets()
    {
        ShellScript script = ParseOk("trap 'rm -f \"$tmp\"' EXIT INT TERM\ntrap cleanup ERR\ntrap - SIGINT\ntrap -- 'echo bye' 0\ntrap -p\n");
        IReadOnlyList<ShellTrap> traps = script.Traps;
        Assert.Multiple(() =>
        {
            Assert.That(traps, Has.Count.EqualTo(5));
            Assert.That(traps[0].Action!.Value, Is.EqualTo("rm -f \"$tmp\""));
            Assert.That(traps[0].SignalNames, Is.EqualTo(new[] { "EXIT", "INT", "TERM" }));
            Assert.That(traps[1].Action!.Value, Is.EqualTo("cleanup"));
            Assert.That(traps[1].SignalNames, Is.EqualTo(new[] { "ERR" }));
            Assert.That(traps[2].IsReset, Is.True);
            Assert.That(traps[2].SignalNames, Is.EqualTo(new[] { "INT" }));
            Assert.That(traps[3].SignalNames, Is.EqualTo(new[] { "EXIT" }));
            Assert.That(traps[4].Action, Is.Null);
        });
    }

    [Test]
    public void Assignments_of_all_kinds()
    {
        ShellScript script = ParseOk("A=1\nB=2 cmd\nexport C=\"$A\" D\nlocal -r E=3\nreadonly F\ndeclare -x G=4\ntypeset H\nexport -f fn\nexport -n\n");
        Assert.Multiple(() =>
        {
            Assert.That(script.Assignments.Select(a => (a.Name, a.Kind)), Is.EqualTo(new[]
            {
                ("A", ShellAssignmentKind.Plain), ("B", ShellAssignmentKind.CommandPrefix), ("C", ShellAssignmentKind.Export),
                ("D", ShellAssignmentKind.Export), ("E", ShellAssignmentKind.Local), ("F", ShellAssignmentKind.Readonly),
                ("G", ShellAssignmentKind.Declare), ("H", ShellAssignmentKind.Declare),
            }));
            Assert.That(script.Assignments[2].Value!.Value, Is.EqualTo("$A"));
            Assert.That(script.Assignments[3].Value, Is.Null);
            Assert.That(script.Text.GetText(script.Assignments[2].NameSpan), Is.EqualTo("C"));
            Assert.That(script.Text.GetText(script.Assignments[2].Value!.Span), Is.EqualTo("\"$A\""));
        });
    }

    [Test]
    public void Word_spans_and_positions_match_the_source()
    {
        const string source = "#!/bin/sh\nif true; then\n\tdocker run --rm \"$IMAGE:latest\" 'a b' x\\ y $(echo hi)\nfi\n";
        ShellScript script = ParseOk(source);
        SimpleCommand docker = Commands(script).Single(c => c.NameValue == "docker");
        SourceText text = script.Text;
        Assert.Multiple(() =>
        {
            Assert.That(text.GetText(docker.Span), Is.EqualTo("docker run --rm \"$IMAGE:latest\" 'a b' x\\ y $(echo hi)"));
            Assert.That(docker.Words.Select(w => text.GetText(w.Span)), Is.EqualTo(new[] { "docker", "run", "--rm", "\"$IMAGE:latest\"", "'a b'", "x\\ y", "$(echo hi)" }));
            Assert.That(docker.Words.Select(w => w.Text), Is.EqualTo(docker.Words.Select(w => text.GetText(w.Span))));
            Assert.That(text.GetSpan(docker.Name!.Span), Is.EqualTo(LinePositionSpan.FromLine(3, 2, 8)));
            Assert.That(text.GetSpan(docker.Arguments[2].Span), Is.EqualTo(LinePositionSpan.FromLine(3, 18, 33)));
            var variable = docker.Arguments[2].Parts.OfType<ShellVariablePart>().Single();
            Assert.That(text.GetText(variable.Span), Is.EqualTo("$IMAGE"));
            var echo = Commands(script).Single(c => c.NameValue == "echo");
            Assert.That(text.GetText(echo.Span), Is.EqualTo("echo hi"));
            Assert.That(text.GetText(script.Body.Items[0].Span), Does.StartWith("if true").And.EndWith("fi"));
        });
    }

    [Test]
    public void Parses_a_range_of_a_larger_text()
    {
        const string dockerfile = "FROM alpine\nRUN set -eux; \\\n    apk add --no-cache curl | tee log\n";
        int start = dockerfile.IndexOf("set", StringComparison.Ordinal);
        var text = new SourceText(dockerfile);
        ParseResult<ShellScript> result = ShellParser.Parse(text, TextSpan.FromBounds(start, dockerfile.Length));
        Assert.That(result.Errors, Is.Empty);
        var contexts = result.Model!.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new[] { "set", "apk", "tee" }));
            Assert.That(text.GetSpan(contexts[1].Command.Name!.Span).Start, Is.EqualTo(new LinePosition(3, 5)));
            Assert.That(contexts[1].Options.ErrExit, Is.True);
        });
    }
}
