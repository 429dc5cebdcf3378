using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class ShellParserErrorTests
{
    private static SyntaxError SingleError(string source)
    {
        ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Model, Is.Not.Null, "a partial model is still returned");
        return result.Errors[0];
    }

    // marker: the text the error span must cover (first occurrence at or after `from`).
    [TestCase("echo 'abc\necho x\n", "'", "single quote is never closed")]
    [TestCase("echo ok \"abc $x\n", "\"", "double quote is never closed")]
    [TestCase("echo $'abc\n", "$'", "never closed")]
    [TestCase("x=$(echo hi\necho more\n", "$(", "'$(' on line 1 is never closed")]
    [TestCase("echo ${x:-y\n", "${", "'${' on line 1 is never closed")]
    [TestCase("echo `date\n", "`", "backtick")]
    [TestCase("if true; then\n  echo x\n", "if", "'if' on line 1 is never closed: 'fi' is missing")]
    [TestCase("while true; do\n  echo x\n", "while", "'done' is missing")]
    [TestCase("for x in a b; do echo; ", "for", "'done' is missing")]
    [TestCase("case $x in\n a) echo;;\n", "case", "'esac' is missing")]
    [TestCase("{ echo a; echo b\n", "{", "'}' is missing")]
    [TestCase("( echo a\n", "(", "')' is missing")]
    [TestCase("[[ -f x\n", "[[", "']]' is missing")]
    [TestCase("echo a\nfi\n", "fi", "unexpected 'fi' with no matching 'if'")]
    [TestCase("echo a\ndone\n", "done", "unexpected 'done'")]
    [TestCase("echo a )\n", ")", "unexpected ')'")]
    [TestCase("echo a && ;\n", ";", "unexpected ';'")]
    [TestCase("| grep x\n", "|", "unexpected '|'")]
    [TestCase("echo a &&\n", "", "unexpected end of the script")]
    [TestCase("echo > \n", ">", "has no target")]
    [TestCase("if true; done\n", "done", "expected 'then'")]
    [TestCase("cat <<EOF\nbody\n", "<<", "heredoc started here is never closed")]
    [TestCase("foo ( bar\n", "bar", "expected ')'")]
    [TestCase("a=(1 2\n", "(", "array")]
    public void Reports_plain_errors_at_the_right_place(string source, string marker, string message)
    {
        SyntaxError error = SingleError(source);
        int expectedStart = marker.Length == 0 ? source.Length : source.IndexOf(marker, StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.Span.Start, Is.EqualTo(expectedStart));
            if (marker.Length > 0)
            {
                Assert.That(new SourceText(source).GetText(error.Span), Is.EqualTo(marker));
            }
        });
    }

    [Test]
    public void Error_positions_have_line_and_column()
    {
        const string source = "#!/bin/sh\nset -e\n\nif [ -f x ]; then\n  echo \"unterminated\nfi\n";
        SyntaxError error = SingleError(source);
        Assert.That(new SourceText(source).GetSpan(error.Span), Is.EqualTo(LinePositionSpan.FromLine(5, 8, 9)));
    }

    [TestCase("(", 20_000)]
    [TestCase("$(", 20_000)]
    [TestCase("${x:-", 20_000)]
    [TestCase("{ ", 20_000)]
    [TestCase("if true; then ", 20_000)]
    [TestCase("f() ", 20_000)]
    [TestCase("\"$(", 20_000)]
    [TestCase("a=(", 20_000)]
    [TestCase("((", 20_000)]
    [TestCase("$((", 20_000)]
    [TestCase("`echo ", 3)]
    public void Deep_nesting_is_an_error_not_a_crash(string opener, int count)
    {
        string source = string.Concat(Enumerable.Repeat(opener, count)) + "\n";
        ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
        Assert.That(result.Errors, Is.Not.Empty);
    }

    [Test]
    public void Nesting_at_the_limit_fits_in_a_one_megabyte_stack()
    {
        string[] openers = ["\"$(", "( ", "if true; then ", "${x:-", "{ ", "`", "f() "];
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    foreach (string opener in openers)
                    {
                        string source = string.Concat(Enumerable.Repeat(opener, ShellParser.MaxDepth + 10)) + "\n";
                        _ = ShellParser.Parse(new SourceText(source)).Model!.EnumerateCommands();
                    }

                    // Each level is a command and a substitution: two of the MaxDepth levels.
                    const int levels = (ShellParser.MaxDepth / 2) - 1;
                    string mixed = string.Concat(Enumerable.Repeat("echo \"$(", levels)) + "x" + string.Concat(Enumerable.Repeat(")\"", levels)) + "\n";
                    ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(mixed));
                    if (result.Errors.Count != 0 || result.Model!.EnumerateCommands().Count != levels + 1)
                    {
                        throw new InvalidOperationException($"nesting just below the limit should parse: {string.Join("; ", result.Errors)} {result.Model!.EnumerateCommands().Count}");
                    }
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(failure, Is.Null);
    }

    [Test]
    public void Nesting_below_the_limit_parses()
    {
        string source = string.Concat(Enumerable.Repeat("( ", 100)) + "echo x" + string.Concat(Enumerable.Repeat(" )", 100)) + "\n"
            + "x=" + string.Concat(Enumerable.Repeat("$(echo ", 60)) + "y" + new string(')', 60) + "\n";
        ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(result.Model!.EnumerateCommands().Count(c => c.Command.NameValue == "echo"), Is.EqualTo(61));
        });
    }

    [Test]
    public void Long_flat_and_pathological_scripts_are_fast()
    {
        string[] sources =
        [
            string.Concat(Enumerable.Repeat("echo \"$a\" 'b' c && d | e; x=$(f) # c\n", 5_000)),
            string.Concat(Enumerable.Repeat("[[[[", 5_000)) + "\n",
            string.Concat(Enumerable.Repeat("((a)", 5_000)) + "\n",
            string.Concat(Enumerable.Repeat("((a) ; x) ", 5_000)) + "\n",
            "echo " + string.Concat(Enumerable.Repeat("$[", 20_000)) + "\n",
            "echo a" + new string('b', 20_000) + string.Concat(Enumerable.Repeat("-=", 20_000)) + "\n",
            "echo " + string.Concat(Enumerable.Repeat("a[", 20_000)) + "\n",
            "echo " + string.Concat(Enumerable.Repeat("*(", 20_000)) + "\n",
            "echo " + string.Concat(Enumerable.Repeat("$((", 20_000)) + "\n",
            string.Concat(Enumerable.Repeat("cat <<E\n", 20_000)),
        ];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (string source in sources)
        {
            ParseResult<ShellScript> result = ShellParser.Parse(new SourceText(source));
            _ = result.Model!.EnumerateCommands();
        }

        BlowUpGuard.Check(watch.Elapsed, TimeSpan.FromSeconds(10));
    }

    [TestCase("")]
    [TestCase("\n\n  \n")]
    [TestCase("# only a comment")]
    [TestCase("#!/bin/sh")]
    [TestCase(";")]
    [TestCase("\\")]
    [TestCase("$")]
    [TestCase("\0")]
    [TestCase("echo \r")]
    [TestCase("\r\n\r\n")]
    public void Odd_inputs_do_not_throw(string source)
    {
        Assert.DoesNotThrow(() => ShellParser.Parse(new SourceText(source)).Model!.EnumerateCommands());
    }
}
