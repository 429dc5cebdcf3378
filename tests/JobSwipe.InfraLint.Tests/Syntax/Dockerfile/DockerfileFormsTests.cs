using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Text;
using static JobSwipe.InfraLint.Tests.Syntax.Dockerfile.DockerfileParserTests;

namespace JobSwipe.InfraLint.Tests.Syntax.Dockerfile;

public class DockerfileFormsTests
{
    private static string At(DockerfileDocument model, TextSpan span) => model.Text.GetText(span);

    private static T First<T>(DockerfileDocument model)
        where T : DockerInstruction => model.Stages.SelectMany(s => s.Instructions).OfType<T>().First();

    // ------------------------------------------------------------------ heredocs

    [Test]
    public void Run_heredoc_script_body_is_its_own_shell_source()
    {
        var model = ParseOk("FROM debian\nRUN <<EOF\nset -e\napt-get update\nEOF\nRUN echo after\n");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        DockerHeredoc heredoc = run.Heredocs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(heredoc.Name, Is.EqualTo("EOF"));
            Assert.That(At(model, heredoc.MarkerSpan), Is.EqualTo("<<EOF"));
            Assert.That(heredoc.Content, Is.EqualTo("set -e\napt-get update\n"));
            Assert.That(At(model, heredoc.TerminatorSpan!.Value), Is.EqualTo("EOF"));
            Assert.That(run.HeredocScript, Is.SameAs(heredoc));
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("set -e\napt-get update\n"));
            int offset = run.ShellCommand.MapToSource(run.ShellCommand.Text.IndexOf("update", StringComparison.Ordinal));
            Assert.That(model.Text.GetPosition(offset), Is.EqualTo(new LinePosition(4, 9)));
            Assert.That(At(model, run.Span), Is.EqualTo("RUN <<EOF\nset -e\napt-get update\nEOF"));
            Assert.That(model.Stages[0].Instructions, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Dash_heredoc_strips_leading_tabs_from_body_and_terminator()
    {
        var model = ParseOk("FROM debian\nRUN <<-EOT\n\techo one\n\t\techo two\n\tEOT\n");
        var run = (CommandInstruction)model.Stages[0].Instructions[0];
        DockerHeredoc heredoc = run.Heredocs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(heredoc.StripsLeadingTabs, Is.True);
            Assert.That(heredoc.Content, Is.EqualTo("\techo one\n\t\techo two\n"));
            Assert.That(heredoc.Body.Text, Is.EqualTo("echo one\necho two\n"));
            Assert.That(model.Text.GetPosition(heredoc.Body.MapToSource(9)), Is.EqualTo(new LinePosition(4, 3)));
            Assert.That(model.Text.GetPosition(heredoc.TerminatorSpan!.Value.Start), Is.EqualTo(new LinePosition(5, 2)));
        });
    }

    [TestCase("<<'EOF'", true)]
    [TestCase("<<\"EOF\"", true)]
    [TestCase("<<EOF", false)]
    public void Quoted_heredoc_delimiters(string marker, bool quoted)
    {
        var model = ParseOk($"FROM debian\nRUN {marker}\necho $HOME\nEOF\n");
        DockerHeredoc heredoc = model.Stages[0].Instructions[0].Heredocs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(heredoc.Name, Is.EqualTo("EOF"));
            Assert.That(heredoc.IsQuoted, Is.EqualTo(quoted));
            Assert.That(At(model, heredoc.MarkerSpan), Is.EqualTo(marker));
        });
    }

    [Test]
    public void Copy_with_several_heredocs()
    {
        var model = ParseOk("FROM alpine\nCOPY <<a <<b /dst/\nfile a\na\nfile b\nb\nRUN ls /dst\n");
        var copy = First<CopyInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(copy.Heredocs.Select(h => h.Name), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(copy.Heredocs.Select(h => h.Content), Is.EqualTo(new[] { "file a\n", "file b\n" }));
            Assert.That(copy.Sources.Select(s => s.Text), Is.EqualTo(new[] { "<<a", "<<b" }));
            Assert.That(copy.SourcePaths, Is.Empty);
            Assert.That(At(model, copy.Destination!.Span), Is.EqualTo("/dst/"));
            Assert.That(model.Text.GetPosition(copy.Heredocs[1].TerminatorSpan!.Value.Start), Is.EqualTo(new LinePosition(6, 1)));
            Assert.That(model.Stages[0].Instructions[1].Kind, Is.EqualTo(DockerInstructionKind.Run));
        });
    }

    [Test]
    public void Run_command_with_heredoc_is_passed_to_the_shell_with_its_body()
    {
        var model = ParseOk("FROM debian\nRUN --mount=type=cache,target=/x python3 <<EOF > /out\nprint(1)\nEOF\n");
        var run = First<CommandInstruction>(model);
        ShellSource shell = run.ShellCommand!;
        Assert.Multiple(() =>
        {
            Assert.That(run.HeredocScript, Is.Null);
            Assert.That(shell.Text, Is.EqualTo("python3 <<EOF > /out\nprint(1)\nEOF"));
            Assert.That(model.Text.GetPosition(shell.MapToSource(shell.Text.IndexOf("print", StringComparison.Ordinal))), Is.EqualTo(new LinePosition(3, 1)));
            Assert.That(model.Text.GetPosition(shell.MapToSource(shell.Text.Length - 3)), Is.EqualTo(new LinePosition(4, 1)));
        });
    }

    [Test]
    public void Heredoc_on_add_and_onbuild()
    {
        var model = ParseOk("FROM alpine\nADD <<EOF /etc/motd\nhello\nEOF\nONBUILD RUN <<EOF\necho built\nEOF\n");
        var onbuild = First<OnbuildInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(First<CopyInstruction>(model).Heredocs.Single().Content, Is.EqualTo("hello\n"));
            Assert.That(onbuild.Trigger!.Kind, Is.EqualTo(DockerInstructionKind.Run));
            Assert.That(onbuild.Trigger.Heredocs.Single().Content, Is.EqualTo("echo built\n"));
            Assert.That(At(model, onbuild.Trigger.KeywordSpan), Is.EqualTo("RUN"));
        });
    }

    [Test]
    public void Heredoc_markers_are_not_recognised_in_exec_form_quotes_or_other_instructions()
    {
        var model = ParseOk("FROM alpine\nRUN [\"sh\", \"-c\", \"cat <<EOF\"]\nRUN echo \"<<EOF\"\nENV A=<<EOF\n");
        Assert.That(model.Stages[0].Instructions.SelectMany(i => i.Heredocs), Is.Empty);
    }

    [Test]
    public void Unterminated_heredoc_is_an_error_at_its_marker()
    {
        const string content = "FROM alpine\nRUN cat <<EOF\nline\n";
        var errors = Errors(content);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors[0].Message, Does.Contain("never closed"));
            Assert.That(new SourceText(content).GetText(errors[0].Span), Is.EqualTo("<<EOF"));
        });
    }

    [Test]
    public void Heredoc_as_copy_destination_is_an_error()
    {
        Assert.That(Errors("FROM a\nCOPY src <<EOF\nx\nEOF\n").Single().Message, Does.Contain("destination"));
    }

    // ------------------------------------------------------------------ JSON and shell forms

    [Test]
    public void Exec_form_strings_are_decoded_with_literal_spans()
    {
        var model = ParseOk("FROM a\nCMD [ \"/usr/bin/app\", \"--port\",\t\"8080\" ]\n");
        var cmd = First<CommandInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(cmd.IsExecForm, Is.True);
            Assert.That(cmd.ShellCommand, Is.Null);
            Assert.That(cmd.ExecArguments.Select(a => a.Text), Is.EqualTo(new[] { "/usr/bin/app", "--port", "8080" }));
            Assert.That(At(model, cmd.ExecArguments[1].Span), Is.EqualTo("\"--port\""));
            Assert.That(At(model, cmd.ArgumentsSpan), Is.EqualTo("[ \"/usr/bin/app\", \"--port\",\t\"8080\" ]"));
        });
    }

    [Test]
    public void Exec_form_decodes_json_escapes()
    {
        var model = ParseOk("FROM a\nCMD [\"abc 123\", \"\\u2665\", \"\\\" \\\\ \\/ \\t\"]\nCMD []\nCMD [\"\"]\n");
        var cmds = model.Stages[0].Instructions.Cast<CommandInstruction>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cmds[0].ExecArguments.Select(a => a.Text), Is.EqualTo(new[] { "abc 123", "\u2665", "\" \\ / \t" }));
            Assert.That(cmds[1].IsExecForm, Is.True);
            Assert.That(cmds[1].ExecArguments, Is.Empty);
            Assert.That(cmds[2].ExecArguments.Single().Text, Is.Empty);
        });
    }

    [TestCase("CMD ['echo','single quotes are invalid JSON']")]
    [TestCase("CMD [\"echo\", \"unterminated bracket\"")]
    [TestCase("CMD [\"echo\", \"unterminated string]")]
    [TestCase("CMD \"[\\\"echo\\\", \\\"inside a string\\\"]\"")]
    [TestCase("ENTRYPOINT [\"a\"] trailing")]
    public void Malformed_json_falls_back_to_shell_form(string line)
    {
        var model = ParseOk("FROM a\n" + line + "\n");
        var cmd = First<CommandInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(cmd.IsExecForm, Is.False);
            Assert.That(cmd.ShellCommand!.Text, Is.EqualTo(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        });
    }

    [TestCase("CMD [ \"echo\", [ \"nested json\" ] ]")]
    [TestCase("RUN [\"echo\", 1]")]
    [TestCase("ENTRYPOINT [null]")]
    public void Json_array_with_non_strings_is_an_error(string line)
    {
        Assert.That(Errors("FROM a\n" + line + "\n").Single().Message, Does.Contain("must be a string"));
    }

    [Test]
    public void Deeply_nested_json_is_bounded()
    {
        string line = "CMD " + new string('[', 20000) + new string(']', 20000);
        var result = DockerfileParser.Parse(new SourceText("FROM a\n" + line + "\n"));
        Assert.That(result.Model, Is.Not.Null);
    }

    [Test]
    public void Shell_instruction_requires_json()
    {
        Assert.Multiple(() =>
        {
            Assert.That(First<CommandInstruction>(ParseOk("FROM a\nSHELL [\"pwsh\", \"-c\"]\n")).ExecArguments, Has.Count.EqualTo(2));
            Assert.That(Errors("FROM a\nSHELL /bin/bash -c\n").Single().Message, Does.Contain("JSON"));
        });
    }

    [Test]
    public void Copy_and_add_json_form()
    {
        var model = ParseOk("FROM a\nCOPY [ \"test file\", \"/tmp\" ]\nADD\t\t.\t/\n");
        var copy = (CopyInstruction)model.Stages[0].Instructions[0];
        var add = (CopyInstruction)model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(copy.IsJsonForm, Is.True);
            Assert.That(copy.Sources.Single().Text, Is.EqualTo("test file"));
            Assert.That(copy.Destination!.Text, Is.EqualTo("/tmp"));
            Assert.That(add.IsJsonForm, Is.False);
            Assert.That(add.Sources.Single().Text, Is.EqualTo("."));
            Assert.That(At(model, add.Destination!.Span), Is.EqualTo("/"));
        });
    }

    // ------------------------------------------------------------------ HEALTHCHECK

    [Test]
    public void Healthcheck_flags_type_and_command()
    {
        var model = ParseOk("FROM a\nHEALTHCHECK --interval=5s --start-period=30s --retries=3 \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\nHEALTHCHECK --timeout=3s CMD [\"foo\"]\n");
        var checks = model.Stages[0].Instructions.Cast<CommandInstruction>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(checks[0].Flags.Select(f => f.Name), Is.EqualTo(new[] { "interval", "start-period", "retries" }));
            Assert.That(At(model, checks[0].GetFlag("start-period")!.ValueSpan!.Value), Is.EqualTo("30s"));
            Assert.That(At(model, checks[0].HealthcheckType!.Span), Is.EqualTo("CMD"));
            Assert.That(checks[0].ShellCommand!.Text, Is.EqualTo("curl -f http://localhost/ || exit 1"));
            Assert.That(checks[1].HealthcheckType!.Text, Is.EqualTo("NONE"));
            Assert.That(checks[1].ShellCommand, Is.Null);
            Assert.That(checks[2].IsExecForm, Is.True);
            Assert.That(checks[2].ExecArguments.Single().Text, Is.EqualTo("foo"));
        });
    }

    [TestCase("HEALTHCHECK", "at least one argument")]
    [TestCase("HEALTHCHECK NONE extra", "NONE takes no arguments")]
    [TestCase("HEALTHCHECK CONNECT TCP 7000", "Unknown HEALTHCHECK type")]
    [TestCase("HEALTHCHECK CMD", "needs a command")]
    public void Healthcheck_errors(string line, string message)
    {
        Assert.That(Errors("FROM a\n" + line + "\n").Single().Message, Does.Contain(message));
    }

    // ------------------------------------------------------------------ flags

    [Test]
    public void Run_mount_flag_is_split_into_options_with_spans()
    {
        var model = ParseOk("FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none --security=insecure pip install -r req.txt\n");
        var run = First<CommandInstruction>(model);
        DockerFlag mount = run.GetFlag("mount")!;
        Assert.Multiple(() =>
        {
            Assert.That(run.Flags.Select(f => f.Name), Is.EqualTo(new[] { "mount", "network", "security" }));
            Assert.That(At(model, mount.Span), Is.EqualTo("--mount=type=cache,target=/root/.cache,sharing=locked"));
            Assert.That(At(model, mount.NameSpan), Is.EqualTo("mount"));
            Assert.That(mount.Value, Is.EqualTo("type=cache,target=/root/.cache,sharing=locked"));
            Assert.That(mount.Options.Select(o => o.Key), Is.EqualTo(new[] { "type", "target", "sharing" }));
            Assert.That(mount.GetOption("target"), Is.EqualTo("/root/.cache"));
            Assert.That(At(model, mount.Options[1].KeySpan), Is.EqualTo("target"));
            Assert.That(At(model, mount.Options[1].ValueSpan!.Value), Is.EqualTo("/root/.cache"));
            Assert.That(run.GetFlag("network")!.Value, Is.EqualTo("none"));
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("pip install -r req.txt"));
            Assert.That(At(model, run.ShellCommand.SourceSpan), Is.EqualTo("pip install -r req.txt"));
        });
    }

    [Test]
    public void Copy_and_add_flags()
    {
        var model = ParseOk("FROM a\nCOPY --from=build --chown=app:app --chmod=0755 --link --parents --exclude=*.md ./src /app/\nADD --checksum=sha256:abc --keep-git-dir https://example.com/x.tgz /x\n");
        var copy = (CopyInstruction)model.Stages[0].Instructions[0];
        var add = (CopyInstruction)model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(copy.Flags.Select(f => f.Name), Is.EqualTo(new[] { "from", "chown", "chmod", "link", "parents", "exclude" }));
            Assert.That(copy.From!.Value, Is.EqualTo("build"));
            Assert.That(At(model, copy.From.ValueSpan!.Value), Is.EqualTo("build"));
            Assert.That(copy.GetFlag("link")!.Value, Is.Null);
            Assert.That(copy.GetFlag("link")!.ValueSpan, Is.Null);
            Assert.That(At(model, copy.GetFlag("link")!.Span), Is.EqualTo("--link"));
            Assert.That(copy.GetFlag("chmod")!.Value, Is.EqualTo("0755"));
            Assert.That(copy.Sources.Single().Text, Is.EqualTo("./src"));
            Assert.That(copy.SourcePaths.Single().Text, Is.EqualTo("./src"));
            Assert.That(add.GetFlag("checksum")!.Value, Is.EqualTo("sha256:abc"));
            Assert.That(add.Kind, Is.EqualTo(DockerInstructionKind.Add));
        });
    }

    [Test]
    public void Double_dash_ends_flags_and_quoted_flag_values_are_unquoted()
    {
        var model = ParseOk("FROM a\nCOPY --doit=true -- foo /tmp/\nCOPY -- foo /tmp/\nRUN --mount=type=secret,id=\"my id\" echo\n");
        var copy = (CopyInstruction)model.Stages[0].Instructions[0];
        var copy2 = (CopyInstruction)model.Stages[0].Instructions[1];
        var run = (CommandInstruction)model.Stages[0].Instructions[2];
        Assert.Multiple(() =>
        {
            Assert.That(copy.Flags.Single().Name, Is.EqualTo("doit"));
            Assert.That(copy.Sources.Single().Text, Is.EqualTo("foo"));
            Assert.That(copy2.Flags, Is.Empty);
            Assert.That(copy2.Sources.Single().Text, Is.EqualTo("foo"));
            Assert.That(run.GetFlag("mount")!.Value, Is.EqualTo("type=secret,id=my id"));
            Assert.That(run.GetFlag("mount")!.GetOption("id"), Is.EqualTo("my id"));
            Assert.That(run.ShellCommand!.Text, Is.EqualTo("echo"));
        });
    }

    [Test]
    public void Flag_split_over_a_continuation_keeps_exact_spans()
    {
        var model = ParseOk("FROM a\nRUN --mount=type=cache,\\\ntarget=/x make\n");
        var run = First<CommandInstruction>(model);
        DockerFlag mount = run.GetFlag("mount")!;
        Assert.Multiple(() =>
        {
            Assert.That(mount.Value, Is.EqualTo("type=cache,target=/x"));
            Assert.That(At(model, mount.Options[1].KeySpan), Is.EqualTo("target"));
            Assert.That(model.Text.GetPosition(mount.Options[1].KeySpan.Start), Is.EqualTo(new LinePosition(3, 1)));
        });
    }

    // ------------------------------------------------------------------ ENV, LABEL, ARG

    [Test]
    public void Env_pairs_have_key_and_value_spans()
    {
        var model = ParseOk("FROM a\nENV PATH=/app/bin:$PATH NAME=\"value with spaces\" EMPTY=\n");
        var env = First<KeyValueInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(env.IsLegacyForm, Is.False);
            Assert.That(env.Pairs.Select(p => p.Key), Is.EqualTo(new[] { "PATH", "NAME", "EMPTY" }));
            Assert.That(At(model, env.Pairs[0].KeySpan), Is.EqualTo("PATH"));
            Assert.That(At(model, env.Pairs[0].ValueSpan!.Value), Is.EqualTo("/app/bin:$PATH"));
            Assert.That(At(model, env.Pairs[1].ValueSpan!.Value), Is.EqualTo("\"value with spaces\""));
            Assert.That(env.Pairs[1].Value, Is.EqualTo("value with spaces"));
            Assert.That(env.Pairs[2].Value, Is.Empty);
            Assert.That(env.Pairs[2].ValueSpan!.Value.IsEmpty, Is.True);
            Assert.That(At(model, env.Pairs[1].Span), Is.EqualTo("NAME=\"value with spaces\""));
        });
    }

    [Test]
    public void Legacy_env_takes_the_rest_of_the_line()
    {
        var model = ParseOk("FROM a\nENV GREETING hello   big world\nLABEL maintainer James Turnbull \"james@example.com\"\n");
        var env = (KeyValueInstruction)model.Stages[0].Instructions[0];
        var label = (KeyValueInstruction)model.Stages[0].Instructions[1];
        Assert.Multiple(() =>
        {
            Assert.That(env.IsLegacyForm, Is.True);
            Assert.That(At(model, env.Pairs.Single().KeySpan), Is.EqualTo("GREETING"));
            Assert.That(At(model, env.Pairs.Single().ValueSpan!.Value), Is.EqualTo("hello   big world"));
            Assert.That(label.Pairs.Single().Value, Is.EqualTo("James Turnbull james@example.com"));
        });
    }

    [TestCase("ENV name=value\\ value2 name2=value2\\ value3", "value value2", "value2 value3")]
    [TestCase("ENV name=\"a\\\"b\" name2='a\\'", "a\"b", "a\\")]
    public void Env_values_are_unquoted_and_unescaped(string line, string first, string second)
    {
        var env = First<KeyValueInstruction>(ParseOk("FROM a\n" + line + "\n"));
        Assert.That(env.Pairs.Select(p => p.Value), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void Env_continued_over_lines_with_quoted_continuation()
    {
        var model = ParseOk("FROM a\nENV name=value \\\n    name1=value1 \\\n    name2=\"value2a \\\n           value2b\" \\\n");
        var env = First<KeyValueInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(env.Pairs.Select(p => p.Key), Is.EqualTo(new[] { "name", "name1", "name2" }));
            Assert.That(env.Pairs[2].RawValue, Is.EqualTo("\"value2a            value2b\""));
            Assert.That(model.Text.GetPosition(env.Pairs[1].KeySpan.Start), Is.EqualTo(new LinePosition(3, 5)));
        });
    }

    [Test]
    public void Arg_declarations_with_and_without_defaults()
    {
        var model = ParseOk("FROM a\nARG VERSION=1.2.3 USER NAME=\"x y\"\n");
        var arg = First<ArgInstruction>(model);
        Assert.Multiple(() =>
        {
            Assert.That(arg.Declarations.Select(d => d.Key), Is.EqualTo(new[] { "VERSION", "USER", "NAME" }));
            Assert.That(At(model, arg.Declarations[0].ValueSpan!.Value), Is.EqualTo("1.2.3"));
            Assert.That(arg.Declarations[1].RawValue, Is.Null);
            Assert.That(At(model, arg.Declarations[1].KeySpan), Is.EqualTo("USER"));
            Assert.That(arg.Declarations[2].Value, Is.EqualTo("x y"));
        });
    }

    [Test]
    public void Other_instructions_keep_their_arguments()
    {
        var model = ParseOk("FROM a\nEXPOSE 80/tcp 443\nWORKDIR /app dir\nUSER app:app\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /a /b\nSTOPSIGNAL SIGTERM\nMAINTAINER me\n");
        var list = model.Stages[0].Instructions;
        Assert.Multiple(() =>
        {
            Assert.That(list[0].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "80/tcp", "443" }));
            Assert.That(At(model, list[0].Arguments[1].Span), Is.EqualTo("443"));
            Assert.That(list[1].Arguments.Single().Text, Is.EqualTo("/app dir"));
            Assert.That(list[2].Arguments.Single().Text, Is.EqualTo("app:app"));
            Assert.That(list[3].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "/data", "/logs" }));
            Assert.That(list[4].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "/a", "/b" }));
            Assert.That(list[5].Kind, Is.EqualTo(DockerInstructionKind.StopSignal));
            Assert.That(list[6].Kind, Is.EqualTo(DockerInstructionKind.Maintainer));
        });
    }
}
