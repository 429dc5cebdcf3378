using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class CommandWrappersTests
{
    [TestCase("sudo apt-get install -y curl", "apt-get", "install -y curl")]
    [TestCase("sudo -E -u builder apt-get update", "apt-get", "update")]
    [TestCase("sudo --preserve-env -- make all", "make", "all")]
    [TestCase("env A=1 B=two ./run.sh --fast", "./run.sh", "--fast")]
    [TestCase("env -i -u HOME PATH=/bin tool", "tool", "")]
    [TestCase("command exec nohup nice -n 10 time -p gzip big.log", "gzip", "big.log")]
    [TestCase("xargs -n1 -P 4 rm -f", "rm", "-f")]
    [TestCase("timeout 30s curl -fsS https://example.test", "curl", "-fsS https://example.test")]
    [TestCase("/usr/bin/sudo /usr/bin/pip install flask", "/usr/bin/pip", "install flask")]
    [TestCase("doas -u app stdbuf -oL ionice -c3 backup", "backup", "")]
    public void The_program_is_found_behind_wrappers(string line, string program, string arguments)
    {
        SimpleCommand command = First(line);
        Assert.That(command.ProgramValue, Is.EqualTo(program));
        Assert.That(string.Join(' ', command.ProgramArguments.Select(a => a.Value)), Is.EqualTo(arguments));
    }

    [TestCase("sudo")]
    [TestCase("xargs")]
    [TestCase("env")]
    [TestCase("command -v docker")]
    [TestCase("sudo -l")]
    public void A_wrapper_with_nothing_to_run_or_asking_a_question_is_the_program(string line) =>
        Assert.That(First(line).ProgramValue, Is.EqualTo(line.Split(' ')[0]));

    [Test]
    public void A_plain_command_is_its_own_program()
    {
        SimpleCommand command = First("apt-get install curl");
        Assert.That(command.Program, Is.SameAs(command.Name));
        Assert.That(command.ProgramArguments, Is.EqualTo(command.Arguments));
    }

    private static SimpleCommand First(string line) => ShellParser.Parse(new SourceText(line)).Model!.EnumerateCommands()[0].Command;
}
