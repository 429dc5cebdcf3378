using JobSwipe.InfraLint.Semantics.Scripts;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Tests.Semantics.Scripts;

/// <summary>
/// CommandLine reads a plain command (no wrapper, no package runner) without building its word list; what it gives
/// must be what the general path through the wrappers gives.
/// </summary>
public class CommandLineTests
{
    private static SimpleCommand Parse(string line) =>
        ShellParser.Parse(new SourceText(line + "\n")).Model!.EnumerateCommands().First().Command;

    [TestCase("apt-get install -y curl", "apt-get", "install,-y,curl")]
    [TestCase("./gradlew check", "gradlew", "check")]
    [TestCase("python3.12 -m pytest", "python", "-m,pytest")]
    [TestCase("deploy", "deploy", "")]
    [TestCase("sudo -E apt-get install", "apt-get", "install")]
    [TestCase("npx -y prisma migrate deploy", "prisma", "migrate,deploy")]
    [TestCase("bundle exec rspec spec", "rspec", "spec")]
    [TestCase("bundle install", "bundle", "install")]
    [TestCase("poetry run pytest", "pytest", "")]
    [TestCase("pnpm exec vitest", "vitest", "")]
    [TestCase("pnpm install", "pnpm", "install")]
    [TestCase("env FOO=1 npx tsc", "tsc", "")]
    public void From_sees_through_wrappers_and_runners(string line, string name, string arguments)
    {
        var command = CommandLine.From(Parse(line))!;
        Assert.That(command.Name, Is.EqualTo(name));
        Assert.That(string.Join(",", command.Arguments.Select(a => a.Value)), Is.EqualTo(arguments));
    }

    [Test]
    public void A_plain_command_s_arguments_are_the_command_s_own()
    {
        var command = Parse("fly deploy --app web");
        Assert.That(CommandLine.From(command)!.Arguments, Is.SameAs(command.Arguments));
    }

    [TestCase("fly deploy --app web", 1, "fly deploy")]
    [TestCase("fly -a web deploy now", 1, "fly -a web deploy")]
    [TestCase("flutter build apk --release", 2, "flutter build apk")]
    [TestCase("flutter build", 2, "flutter build")]
    [TestCase("fly --version", 1, "fly")]
    public void VerbSpan_covers_the_name_and_the_verb(string line, int positionals, string expected)
    {
        var text = new SourceText(line + "\n");
        var command = CommandLine.From(ShellParser.Parse(text).Model!.EnumerateCommands().First().Command)!;
        var span = command.VerbSpan(positionals, "-a");
        Assert.That(text.Content.Substring(span.Start, span.Length), Is.EqualTo(expected));
        Assert.That(command.Sub("-a"), Is.EqualTo(command.Positionals("-a").FirstOrDefault()?.Value ?? ""));
    }

    [TestCase("fly deploy -a web --config fly.toml --now=1 image", "", "deploy,web,fly.toml,image")]
    [TestCase("fly deploy -a web --config fly.toml --now=1 image", "-a", "deploy,fly.toml,image")]
    [TestCase("fly deploy -a web --config fly.toml --now=1 image", "-a,--config", "deploy,image")]
    [TestCase("fly -a", "-a", "")]
    [TestCase("fly - -a x", "-a", "-")]
    public void Positionals_skip_options_and_the_values_of_listed_ones(string line, string valueOptions, string expected)
    {
        var command = CommandLine.From(Parse(line))!;
        string[] options = valueOptions.Length == 0 ? [] : valueOptions.Split(',');
        Assert.That(string.Join(",", command.Positionals(options).Select(p => p.Value)), Is.EqualTo(expected));
        Assert.That(command.Sub(options), Is.EqualTo(expected.Split(',')[0]));
    }
}
