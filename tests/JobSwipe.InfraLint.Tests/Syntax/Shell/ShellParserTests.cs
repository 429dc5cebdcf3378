using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class ShellParserTests
{
    internal static ShellScript ParseOk(string source)
    {
        ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors.Select(e => $"{e.Message} {e.Span}")));
        Assert.That(result.Model, Is.Not.Null);
        return result.Model!;
    }

    internal static IReadOnlyList<SimpleCommand> Commands(ShellScript script) => [.. script.EnumerateCommands().Select(c => c.Command)];

    private static SimpleCommand Single(string source)
    {
        IReadOnlyList<SimpleCommand> commands = Commands(ParseOk(source));
        Assert.That(commands, Has.Count.EqualTo(1));
        return commands[0];
    }

    [Test]
    public void Simple_command_has_name_and_arguments()
    {
        SimpleCommand command = Single("apt-get install -y --no-install-recommends curl\n");
        Assert.Multiple(() =>
        {
            Assert.That(command.NameValue, Is.EqualTo("apt-get"));
            Assert.That(command.ArgumentValues, Is.EqualTo(new[] { "install", "-y", "--no-install-recommends", "curl" }));
            Assert.That(command.Assignments, Is.Empty);
        });
    }

    [TestCase("echo 'a b'", "a b", true)]
    [TestCase("echo \"a b\"", "a b", true)]
    [TestCase("echo a\\ b", "a b", true)]
    [TestCase("echo \"a\\\"b\\$c\\d\"", "a\"b$c\\d", true)]
    [TestCase("echo 'it'\\''s'", "it's", true)]
    [TestCase("echo $'a\\tb\\'c'", "a\tb'c", true)]
    [TestCase("echo $\"x\"", "x", true)]
    [TestCase("echo plain", "plain", false)]
    [TestCase("echo a\\\nb", "ab", false)]
    [TestCase("echo \"\"", "", true)]
    [TestCase("echo ''", "", true)]
    public void Quotes_and_escapes_are_removed_from_values(string source, string value, bool quoted)
    {
        ShellWord word = Single(source).Arguments[0];
        Assert.Multiple(() =>
        {
            Assert.That(word.Value, Is.EqualTo(value));
            Assert.That(word.IsQuoted, Is.EqualTo(quoted));
            Assert.That(word.IsLiteral, Is.True);
        });
    }

    [TestCase("echo $HOME/x", "$HOME/x", "HOME")]
    [TestCase("echo \"${VAR:-def ault}\"", "${VAR:-def ault}", "VAR")]
    [TestCase("echo ${#arr[@]}", "${#arr[@]}", "arr")]
    [TestCase("echo \"$1\"", "$1", "1")]
    [TestCase("echo $@", "$@", "@")]
    [TestCase("echo ${!prefix*}", "${!prefix*}", "prefix")]
    public void Variables_are_kept_verbatim(string source, string value, string name)
    {
        ShellWord word = Single(source).Arguments[0];
        Assert.Multiple(() =>
        {
            Assert.That(word.Value, Is.EqualTo(value));
            Assert.That(word.HasExpansion, Is.True);
            Assert.That(word.IsLiteral, Is.False);
            Assert.That(word.Parts.OfType<ShellVariablePart>().First().Name, Is.EqualTo(name));
        });
    }

    [Test]
    public void Globs_are_parts_and_not_literal()
    {
        ShellWord word = Single("rm -rf /var/lib/apt/lists/*").Arguments[1];
        ShellWord bracket = Single("ls [a-z]*.txt").Arguments[0];
        Assert.Multiple(() =>
        {
            Assert.That(word.HasGlob, Is.True);
            Assert.That(word.IsLiteral, Is.False);
            Assert.That(word.Value, Is.EqualTo("/var/lib/apt/lists/*"));
            Assert.That(bracket.Parts.OfType<ShellGlobPart>().Select(p => p.Pattern), Is.EqualTo(new[] { "[a-z]", "*" }));
            Assert.That(Single("echo '*'").Arguments[0].HasGlob, Is.False);
            Assert.That(Single("[ -f x ]").NameValue, Is.EqualTo("["));
        });
    }

    [Test]
    public void Assignments_before_a_command_and_alone()
    {
        IReadOnlyList<SimpleCommand> commands = Commands(ParseOk("FOO=bar BAZ=\"q $X\" cmd arg\nA=1\nB+=x\nC=\n"));
        Assert.Multiple(() =>
        {
            Assert.That(commands, Has.Count.EqualTo(4));
            Assert.That(commands[0].NameValue, Is.EqualTo("cmd"));
            Assert.That(commands[0].Assignments.Select(a => a.Name), Is.EqualTo(new[] { "FOO", "BAZ" }));
            Assert.That(commands[0].Assignments[1].Value.Value, Is.EqualTo("q $X"));
            Assert.That(commands[0].Assignments[1].Value.Text, Is.EqualTo("\"q $X\""));
            Assert.That(commands[1].Name, Is.Null);
            Assert.That(commands[1].Assignments[0].Value.Value, Is.EqualTo("1"));
            Assert.That(commands[2].Assignments[0].IsAppend, Is.True);
            Assert.That(commands[2].Assignments[0].Name, Is.EqualTo("B"));
            Assert.That(commands[3].Assignments[0].Value.Value, Is.EqualTo(""));
        });
    }

    [Test]
    public void Words_after_the_name_are_not_assignments()
    {
        SimpleCommand command = Single("cmd FOO=bar");
        Assert.Multiple(() =>
        {
            Assert.That(command.Assignments, Is.Empty);
            Assert.That(command.ArgumentValues, Is.EqualTo(new[] { "FOO=bar" }));
        });
    }

    [Test]
    public void Bash_arrays_parse()
    {
        ShellScript script = ParseOk("a=(1 \"two three\" $x)\ndeclare -a b=(x y)\nc[2]=z\nd[\"$k\"]=\"$(jq <<<\"${d[\"$k\"]:-null}\" .)\"\n");
        IReadOnlyList<SimpleCommand> commands = Commands(script);
        ShellAssignment array = commands[0].Assignments[0];
        Assert.Multiple(() =>
        {
            Assert.That(array.IsArray, Is.True);
            Assert.That(array.ArrayElements!.Select(e => e.Value), Is.EqualTo(new[] { "1", "two three", "$x" }));
            Assert.That(commands[1].NameValue, Is.EqualTo("declare"));
            Assert.That(script.Assignments.Select(a => a.Name), Is.EqualTo(new[] { "a", "b", "c[2]", "d[\"$k\"]" }));
            Assert.That(commands[3].Name, Is.Null);
            Assert.That(commands[4].NameValue, Is.EqualTo("jq"));
        });
    }

    [Test]
    public void Pipelines_and_and_or_lists()
    {
        ShellScript script = ParseOk("curl -fsSL https://x.sh | sudo bash && echo ok || echo fail; ! grep -q x f |& cat\n");
        IReadOnlyList<ShellAndOrList> items = script.Body.Items;
        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(items[0].Pipelines, Has.Count.EqualTo(3));
            Assert.That(items[0].Operators, Is.EqualTo(new[] { ShellAndOrOperator.And, ShellAndOrOperator.Or }));
            Assert.That(items[0].Separator, Is.EqualTo(ShellSeparator.Semicolon));
            Assert.That(items[0].Pipelines[0].Commands.Cast<SimpleCommand>().Select(c => c.NameValue), Is.EqualTo(new[] { "curl", "sudo" }));
            Assert.That(items[1].Pipelines[0].IsNegated, Is.True);
            Assert.That(items[1].Separator, Is.EqualTo(ShellSeparator.Newline));
        });

        IReadOnlyList<CommandContext> contexts = script.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new[] { "curl", "sudo", "echo", "echo", "grep", "cat" }));
            Assert.That(contexts[0].IsPiped, Is.True);
            Assert.That(contexts[1].PipelineIndex, Is.EqualTo(1));
            Assert.That(contexts[0].IsInCondition, Is.True);
            Assert.That(contexts[2].IsInCondition, Is.True);
            Assert.That(contexts[3].IsInCondition, Is.False);
            Assert.That(contexts[4].IsInCondition, Is.True, "a negated pipeline");
            Assert.That(contexts[2].IsPiped, Is.False);
        });
    }

    [Test]
    public void Lines_continue_after_operators_and_backslash_newline()
    {
        ShellScript script = ParseOk("apt-get update &&\n  apt-get install -y \\\n    curl \\\n    git ||\n  exit 1\ncat f |\n  wc -l\n");
        IReadOnlyList<SimpleCommand> commands = Commands(script);
        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.NameValue), Is.EqualTo(new[] { "apt-get", "apt-get", "exit", "cat", "wc" }));
            Assert.That(commands[1].ArgumentValues, Is.EqualTo(new[] { "install", "-y", "curl", "git" }));
            Assert.That(script.Body.Items, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void If_elif_else()
    {
        ShellScript script = ParseOk("if [ -f a ]; then\n  echo a\nelif test -d b\nthen echo b\nelse\n  echo c\nfi > out\n");
        var shellIf = (ShellIf)script.Body.Items[0].Pipelines[0].Commands[0];
        Assert.Multiple(() =>
        {
            Assert.That(shellIf.Clauses, Has.Count.EqualTo(2));
            Assert.That(shellIf.Elifs, Has.Count.EqualTo(1));
            Assert.That(shellIf.Else, Is.Not.Null);
            Assert.That(shellIf.Redirections.Single().Target!.Value, Is.EqualTo("out"));
            Assert.That(script.Text.GetText(shellIf.Span), Does.StartWith("if [ -f a ]").And.EndWith("fi > out"));
        });
        IReadOnlyList<CommandContext> contexts = script.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new[] { "[", "echo", "test", "echo", "echo" }));
            Assert.That(contexts.Select(c => c.IsInCondition), Is.EqualTo(new[] { true, false, true, false, false }));
        });
    }

    [Test]
    public void For_while_until_and_select_loops_are_parsed()
    {
        ShellScript script = ParseOk("for f in *.txt \"$@\"; do\n  cat \"$f\"\ndone\nwhile read -r line; do echo \"$line\"; done < <(ls)\nuntil false; do :; done\nfor ((i=0; i<3; i++)); do echo $i; done\nfor x; do echo; done\nselect o in a b; do break; done\n");
        var commands = script.Body.Items.Select(i => i.Pipelines[0].Commands[0]).ToList();
        var forLoop = (ShellFor)commands[0];
        var whileLoop = (ShellWhile)commands[1];
        Assert.Multiple(() =>
        {
            Assert.That(forLoop.Variable, Is.EqualTo("f"));
            Assert.That(forLoop.Items!.Select(w => w.Value), Is.EqualTo(new[] { "*.txt", "$@" }));
            Assert.That(whileLoop.IsUntil, Is.False);
            Assert.That(whileLoop.Redirections.Single().Target!.Parts.Single(), Is.InstanceOf<ShellCommandSubstitutionPart>());
            Assert.That(((ShellWhile)commands[2]).IsUntil, Is.True);
            Assert.That(((ShellFor)commands[3]).ArithmeticHeader, Is.EqualTo("i=0; i<3; i++"));
            Assert.That(((ShellFor)commands[4]).Items, Is.Null);
            Assert.That(((ShellFor)commands[5]).IsSelect, Is.True);
            Assert.That(Commands(script).Select(c => c.NameValue), Is.EqualTo(new[] { "cat", "read", "echo", "ls", "false", ":", "echo", "echo", "break" }));
        });
    }

    [Test]
    public void Case_statement()
    {
        ShellScript script = ParseOk("case \"$1\" in\n  start|up) run --now ;;\n  (stop) halt;&\n  [Yy]*) yes\n    ;;\n  *) usage; exit 1;;\nesac\ncase x in esac\ncase y in a) b\nesac\n");
        var shellCase = (ShellCase)script.Body.Items[0].Pipelines[0].Commands[0];
        Assert.Multiple(() =>
        {
            Assert.That(shellCase.Word.Value, Is.EqualTo("$1"));
            Assert.That(shellCase.Items.Select(i => string.Join("|", i.Patterns.Select(p => p.Value))), Is.EqualTo(new[] { "start|up", "stop", "[Yy]*", "*" }));
            Assert.That(shellCase.Items.Select(i => i.Terminator), Is.EqualTo(new[] { ";;", ";&", ";;", ";;" }));
            Assert.That(Commands(script).Select(c => c.NameValue), Is.EqualTo(new[] { "run", "halt", "yes", "usage", "exit", "b" }));
        });
    }

    [Test]
    public void Functions_in_both_forms()
    {
        ShellScript script = ParseOk("cleanup() {\n  rm -f \"$tmp\"\n}\nfunction deploy {\n  local env=$1\n  fly deploy\n}\nfunction build() ( make )\nmain () { deploy; }\n");
        Assert.Multiple(() =>
        {
            Assert.That(script.Functions.Keys, Is.EquivalentTo(new[] { "cleanup", "deploy", "build", "main" }));
            Assert.That(script.Functions["deploy"].UsesFunctionKeyword, Is.True);
            Assert.That(script.Functions["build"].Body, Is.InstanceOf<ShellSubshell>());
            Assert.That(script.Text.GetText(script.Functions["cleanup"].NameSpan), Is.EqualTo("cleanup"));
            var contexts = script.EnumerateCommands();
            Assert.That(contexts.Select(c => (c.Command.NameValue, c.FunctionName)), Is.EqualTo(new (string?, string?)[]
            {
                ("rm", "cleanup"), ("local", "deploy"), ("fly", "deploy"), ("make", "build"), ("deploy", "main"),
            }));
            Assert.That(script.Assignments.Single().Kind, Is.EqualTo(ShellAssignmentKind.Local));
        });
    }

    [Test]
    public void Subshells_brace_groups_tests_and_arithmetic()
    {
        ShellScript script = ParseOk("(cd /app && make)\n{ echo a; echo b; } > log 2>&1\n[[ -n $x && $y =~ ^(a|b)$ ]] && echo yes\n(( count++ ))\nx=$(( 1 + (2 * 3) ))\n");
        var commands = script.Body.Items.Select(i => i.Pipelines[0].Commands[0]).ToList();
        var test = (ShellTestCommand)commands[2];
        var contexts = script.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(commands[0], Is.InstanceOf<ShellSubshell>());
            Assert.That(commands[1], Is.InstanceOf<ShellBraceGroup>());
            Assert.That(commands[1].Redirections.Select(r => r.Operator), Is.EqualTo(new[] { ">", ">&" }));
            Assert.That(commands[1].Redirections[1].FileDescriptor, Is.EqualTo(2));
            Assert.That(test.Words[0].Value, Is.EqualTo("-n"));
            Assert.That(test.Words.Select(w => w.Value), Does.Contain("&&").And.Contain("=~"));
            Assert.That(((ShellArithmeticCommand)commands[3]).Expression, Is.EqualTo(" count++ "));
            Assert.That(contexts[0].IsInSubshell, Is.True);
            Assert.That(contexts[0].Command.NameValue, Is.EqualTo("cd"));
            Assert.That(contexts.Last().Command.Assignments[0].Value.Parts.Single(), Is.InstanceOf<ShellArithmeticPart>());
            Assert.That(script.AllCommands.Select(c => c.GetType().Name), Is.EqualTo(new[]
            {
                nameof(ShellSubshell), nameof(SimpleCommand), nameof(SimpleCommand), nameof(ShellBraceGroup), nameof(SimpleCommand), nameof(SimpleCommand),
                nameof(ShellTestCommand), nameof(SimpleCommand), nameof(ShellArithmeticCommand), nameof(SimpleCommand),
            }));
        });
    }

    [Test]
    public void Redirections_keep_operator_descriptor_and_target()
    {
        SimpleCommand command = Single("cmd >out 2>>err <in 3<&0 &>all >|clobber <<<\"$here\" 2>&-");
        Assert.Multiple(() =>
        {
            Assert.That(command.Redirections.Select(r => r.Operator), Is.EqualTo(new[] { ">", ">>", "<", "<&", "&>", ">|", "<<<", ">&" }));
            Assert.That(command.Redirections.Select(r => r.FileDescriptor), Is.EqualTo(new int?[] { null, 2, null, 3, null, null, null, 2 }));
            Assert.That(command.Redirections.Select(r => r.Target!.Value), Is.EqualTo(new[] { "out", "err", "in", "0", "all", "clobber", "$here", "-" }));
            Assert.That(command.Arguments, Is.Empty);
        });
    }

    [Test]
    public void Command_substitutions_nest_and_are_enumerated()
    {
        ShellScript script = ParseOk("VERSION=$(git describe --tags $(git rev-list --max-count=1 \"$(echo HEAD)\"))\necho \"today is `date +%F`\" ${X:-$(whoami)}\ndiff <(sort a) >(tee b)\n");
        var contexts = script.EnumerateCommands();
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.Command.NameValue), Is.EqualTo(new string?[] { null, "git", "git", "echo", "echo", "date", "whoami", "diff", "sort", "tee" }));
            Assert.That(contexts.Select(c => c.IsInCommandSubstitution), Is.EqualTo(new[] { false, true, true, true, false, true, true, false, true, true }));
            Assert.That(contexts[0].Command.Assignments[0].Value.Value, Is.EqualTo("$(git describe --tags $(git rev-list --max-count=1 \"$(echo HEAD)\"))"));
            Assert.That(contexts[4].Command.Arguments[0].Value, Is.EqualTo("today is `date +%F`"));
            Assert.That(contexts[7].Command.Arguments[0].Parts.OfType<ShellCommandSubstitutionPart>().Single().Kind, Is.EqualTo(ShellSubstitutionKind.ProcessInput));
        });
    }

    [Test]
    public void Parentheses_and_keywords_inside_substitutions()
    {
        ShellScript script = ParseOk("x=$(case $a in b) echo c;; esac)\ny=$( (cd /; pwd) )\nz=\"$(if true; then echo ')'; fi)\"\n");
        Assert.That(Commands(script).Where(c => c.Name is not null).Select(c => c.NameValue), Is.EqualTo(new[] { "echo", "cd", "pwd", "true", "echo" }));
    }

    [Test]
    public void Comments_are_collected()
    {
        ShellScript script = ParseOk("#!/bin/sh\n# first\necho a # trailing\necho b#not-a-comment\necho ${#x} \"#no\"\n");
        Assert.Multiple(() =>
        {
            Assert.That(script.Comments.Select(c => c.Text), Is.EqualTo(new[] { "!/bin/sh", "first", "trailing" }));
            Assert.That(script.Text.GetText(script.Comments[2].Span), Is.EqualTo("# trailing"));
            Assert.That(Commands(script)[1].ArgumentValues, Is.EqualTo(new[] { "b#not-a-comment" }));
        });
    }

    [Test]
    public void Crlf_input_parses()
    {
        ShellScript script = ParseOk("#!/bin/bash\r\nset -e\r\nif [ -n \"$A\" ]; then\r\n  echo \"$A\" \\\r\n    more\r\nfi\r\ncat <<EOF\r\nbody\r\nEOF\r\n");
        IReadOnlyList<SimpleCommand> commands = Commands(script);
        Assert.Multiple(() =>
        {
            Assert.That(commands.Select(c => c.NameValue), Is.EqualTo(new[] { "set", "[", "echo", "cat" }));
            Assert.That(commands[2].ArgumentValues, Is.EqualTo(new[] { "$A", "more" }));
            Assert.That(commands[0].ArgumentValues, Is.EqualTo(new[] { "-e" }));
            Assert.That(script.Shebang!.Interpreter, Is.EqualTo("bash"));
            Assert.That(commands[3].Redirections[0].Heredoc!.IsTerminated, Is.True);
        });
    }

    [TestCase("echo foo > >(tee log) 2> >(logger -t x)")]
    [TestCase("a=1 b=2")]
    [TestCase("case $x in *) ;; esac")]
    [TestCase("f() { :; } # c")]
    [TestCase("echo ${x#\\#} \"${x%%\\\"*}\"")]
    [TestCase("echo $(( $(echo 1) + 2 )) $((16#ff))")]
    [TestCase("[ \"$a\" ] && { echo; exit 1; }")]
    [TestCase("trap \"\" INT")]
    [TestCase("local IFS=$'\\n'")]
    [TestCase("cat <<EOF >file; echo x\nbody\nEOF\n")]
    [TestCase("x=${y:-\"$(cmd \"q\")\"}")]
    [TestCase("while :; do :; done &\nwait $!")]
    [TestCase("for i in {1..5}; do :; done")]
    [TestCase("echo \\#notcomment")]
    [TestCase("exec >&2 2>&1 3>&-")]
    [TestCase("case \"$1\" in --opt=*) x=\"${1#*=}\";; esac")]
    [TestCase("echo \"$(printf '%s' \")\")\"")]
    [TestCase("echo \"$(echo \"nested \"quotes\" here\")\"")]
    [TestCase("if [[ \"$x\" == *\"foo\"* ]]; then :; fi")]
    [TestCase("[[ $x =~ ^[0-9]+$ ]]")]
    [TestCase("{ cmd; } 2>/dev/null || true")]
    [TestCase(": ${VAR:?\"must be set\"}")]
    [TestCase("echo \"a \\\nb\"")]
    [TestCase("arr+=(\"x\")\ndeclare -A m; m[key]=v\necho ${arr[$((i+1))]}")]
    [TestCase("case x in (a|b) echo;; esac")]
    [TestCase("while ! curl -fs x; do sleep 1; done")]
    [TestCase("time { cmd; }")]
    [TestCase("let x=1+2 'y = x * 2'")]
    [TestCase("echo `echo \\`date\\``")]
    [TestCase("cat <<EOF\n$(echo ')')\nEOF\n")]
    [TestCase("if true\nthen\n  :\nfi")]
    [TestCase("f()\n{\n  :\n}")]
    [TestCase("cmd &&\n\n  # comment\n  other")]
    [TestCase("echo ${!var} ${var@Q} ${#} ${@:2} ${*}")]
    [TestCase("printf '%s\\n' \"${arr[@]/#/--}\"")]
    [TestCase("a=(\n  one # first\n  two\n)")]
    [TestCase("echo $(\n  # comment with ) paren\n  date\n)")]
    [TestCase("echo ~ ~/x ~user")]
    [TestCase("echo $$ $? $# $- $0 $10")]
    [TestCase("echo 'a'\"b\"c$'d'$\"e\"")]
    [TestCase("[ -n \"$x\" -a ! -f y ] || exit")]
    [TestCase("until [ $n -ge 5 ]; do n=$((n+1)); done")]
    [TestCase("((i++)) || true; (( a = b ? 1 : 2 ))")]
    [TestCase("echo \"$@\" \"${@}\" \"$*\"")]
    [TestCase("echo a>b c<d e>>f")]
    public void Accepts_valid_shell(string source)
    {
        ParseOk(source);
    }

    [Test]
    public void Tricky_words_split_as_bash_splits_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Commands(ParseOk("echo \"$(printf '%s' \")\")\""))[0].ArgumentValues, Is.EqualTo(new[] { "$(printf '%s' \")\")" }));
            SimpleCommand redirected = Single("echo a>b c<d e>>f");
            Assert.That(redirected.ArgumentValues, Is.EqualTo(new[] { "a", "c", "e" }));
            Assert.That(redirected.Redirections.Select(r => r.Target!.Value), Is.EqualTo(new[] { "b", "d", "f" }));
            Assert.That(Single("echo $10").Arguments[0].Parts.Select(p => p.Value), Is.EqualTo(new[] { "$1", "0" }));
            Assert.That(Single("echo 'a'\"b\"c$'d'").Arguments[0].Value, Is.EqualTo("abcd"));
            Assert.That(Single("echo \\#notcomment").ArgumentValues, Is.EqualTo(new[] { "#notcomment" }));
            Assert.That(Single("echo ${x:-'a}b'}").ArgumentValues, Is.EqualTo(new[] { "${x:-'a}b'}" }));
            Assert.That(Single("echo \"${x:-\"a } b\"}\"").ArgumentValues, Is.EqualTo(new[] { "${x:-\"a } b\"}" }));
            Assert.That(Single("ls !(*.txt)").Arguments[0].HasGlob, Is.True);
        });
    }

    [Test]
    public void Flags_are_split()
    {
        SimpleCommand command = Single("apt-get -yqq install --no-install-recommends --target-release=bookworm \"$PKG\" -- -notaflag");
        Assert.Multiple(() =>
        {
            Assert.That(command.Flags, Is.EqualTo(new[] { "y", "q", "q", "no-install-recommends", "target-release" }));
            Assert.That(command.HasFlag("y", "yes"), Is.True);
            Assert.That(command.HasFlag("notaflag"), Is.False);
        });
    }

    [Test]
    public void Bashisms_parse()
    {
        ParseOk("""
            declare -A map=([a]=1 [b]=2)
            local -r x=1
            export -f myfunc
            readonly Y=2
            cat <<< "$x"
            while IFS= read -r l; do :; done < <(find . -name '*.sh' -print0)
            echo $'\e[1m' ${arr[@]:1:2} ${x//a/b} ${x,,} ${x^^}
            shopt -s extglob; ls !(*.txt) @(a|b)
            coproc true
            echo {a,b}{1..3}
            time ls -l
            f() { :; }; export -f f
            echo $((x<<2)) $[1+1]
            [[ $a == b* ]] || [[ -z "${c}" ]]
            mapfile -t lines < file
            """);
    }
}
