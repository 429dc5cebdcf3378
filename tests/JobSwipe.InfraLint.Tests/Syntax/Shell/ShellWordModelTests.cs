using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

// The model keeps little per word (plain words make their part when asked, a command keeps its words once): what
// rules read must not change with it.
public class ShellWordModelTests
{
    private static SimpleCommand Single(string source) =>
        (SimpleCommand)ShellParser.Parse(new SourceText(source)).Model!.Body.Items[0].Pipelines[0].Commands[0];

    [Test]
    public void A_plain_word_has_one_unquoted_literal_part_spanning_it()
    {
        ShellWord word = Single("echo hello-world\n").Arguments[0];
        Assert.That(word.Parts, Has.Count.EqualTo(1));
        Assert.That(word.Parts[0], Is.EqualTo(new ShellLiteralPart(new TextSpan(5, 11), "hello-world", false)));
        Assert.That(word.Value, Is.EqualTo("hello-world"));
        Assert.That(word.IsLiteral && !word.IsQuoted && word.CommandSubstitutions.Count() == 0, Is.True);
    }

    [TestCase("echo a\\ b\n", "a b", 3)]
    [TestCase("echo 'a'b\n", "ab", 2)]
    [TestCase("echo ab\\\ncd\n", "abcd", 1)]
    [TestCase("echo a$HOME\n", "a$HOME", 2)]
    [TestCase("echo x=\"$(date)\"\n", "x=$(date)", 2)]
    public void Other_words_keep_their_parts(string source, string value, int parts)
    {
        ShellWord word = Single(source).Arguments[0];
        Assert.That(word.Value, Is.EqualTo(value));
        Assert.That(word.Parts, Has.Count.EqualTo(parts));
        Assert.That(string.Concat(word.Parts.Select(p => p.Value)), Is.EqualTo(value));
    }

    [Test]
    public void Substitutions_are_found_in_nested_expansions_and_arrays()
    {
        Assert.That(Single("echo ${A:-$(date)}\n").Arguments[0].CommandSubstitutions.Single().Text, Is.EqualTo("$(date)"));
        ShellScript script = ShellParser.Parse(new SourceText("a=(x `id` y)\n")).Model!;
        Assert.That(script.EnumerateCommands().Select(c => c.Command.NameValue), Is.EqualTo(new[] { null, "id" }));
    }

    [Test]
    public void Words_arguments_and_program_agree()
    {
        SimpleCommand command = Single("sudo -E apt-get install -y curl\n");
        Assert.That(command.Words.Select(w => w.Value), Is.EqualTo(new[] { "sudo", "-E", "apt-get", "install", "-y", "curl" }));
        Assert.That(command.Arguments.Select(w => w.Value), Is.EqualTo(new[] { "-E", "apt-get", "install", "-y", "curl" }));
        IReadOnlyList<ShellWord> words = command.Words;
        Assert.That(command.Words, Is.SameAs(words), "built once");
        Assert.That(command.ProgramValue, Is.EqualTo("apt-get"));
        Assert.That(command.ProgramArguments.Select(w => w.Value), Is.EqualTo(new[] { "install", "-y", "curl" }));
        Assert.That(Single("A=1 tool x\n").ProgramValue, Is.EqualTo("tool"));
        Assert.That(Single("> out\n").Words, Is.Empty);
        SimpleCommand renamed = command with { Name = command.Arguments[1] };
        Assert.That(renamed.Words.Select(w => w.Value), Is.EqualTo(new[] { "apt-get", "-E", "apt-get", "install", "-y", "curl" }));
        Assert.That(renamed.ProgramValue, Is.EqualTo("apt-get"));
    }
}
