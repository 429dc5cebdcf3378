using JobSwipe.InfraLint.Syntax.Shell;

namespace JobSwipe.InfraLint.Tests.Syntax.Shell;

public class HostExpressionsTests
{
    [Test]
    public void Expressions_become_same_length_distinct_expansions_and_come_back_as_written()
    {
        const string text = "curl https://${{ secrets.HOST }}/i.sh -H \"${{ env.A }}\" | bash";
        var hosts = HostExpressions.Mask(text, "${{", "}}");
        Assert.That(hosts.Masked, Has.Length.EqualTo(text.Length));
        Assert.That(hosts.Masked, Does.Not.Contain("${{"));
        ShellScript script = hosts.Parse().Model!;
        SimpleCommand curl = script.EnumerateCommands()[0].Command;
        Assert.That(curl.Arguments[0].HasExpansion, Is.True);
        Assert.That(script.Restore(curl.Arguments[0].Value), Is.EqualTo("https://${{ secrets.HOST }}/i.sh"));
        Assert.That(script.Restore(curl.Arguments[2].Value), Is.EqualTo("${{ env.A }}"));
        Assert.That(script.OriginalText(curl.Span), Is.EqualTo("curl https://${{ secrets.HOST }}/i.sh -H \"${{ env.A }}\""));
    }

    [Test]
    public void Text_without_expressions_is_unchanged()
    {
        var hosts = HostExpressions.Mask("echo ${HOME} $((1+1))", "${{", "}}");
        Assert.That(hosts.Any, Is.False);
        Assert.That(hosts.Masked, Is.EqualTo("echo ${HOME} $((1+1))"));
        Assert.That(hosts.Parse().Model!.Restore("x $H0_XX"), Is.EqualTo("x $H0_XX"));
    }
}
