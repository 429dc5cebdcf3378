using System.Buffers.Binary;
using System.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace.Git;

public sealed class GitAttributesTests
{
    [Test]
    public void Eol_settings_match_like_gitignore_patterns()
    {
        var attributes = new GitAttributes();
        attributes.Add("", "# comment\n* text=auto\n*.sh text eol=lf\n*.bat eol=crlf\n/docker/entry* eol=lf\n*.png binary\n");
        attributes.Add("tools", "*.sh eol=crlf\n");
        Assert.That(attributes.EolFor("deploy.sh"), Is.EqualTo("lf"));
        Assert.That(attributes.EolFor("scripts/deep/deploy.sh"), Is.EqualTo("lf"));
        Assert.That(attributes.EolFor("run.bat"), Is.EqualTo("crlf"));
        Assert.That(attributes.EolFor("docker/entrypoint"), Is.EqualTo("lf"));
        Assert.That(attributes.EolFor("app/docker/entrypoint"), Is.Null, "a pattern with a slash is anchored");
        Assert.That(attributes.EolFor("README.md"), Is.Null, "text=auto alone does not force LF");
        Assert.That(attributes.EolFor("tools/build.sh"), Is.EqualTo("crlf"), "a deeper file overrides");
    }

    [Test]
    public void Everything_lf_and_binary_unset()
    {
        var attributes = new GitAttributes();
        attributes.Add("", "* text=auto eol=lf\n*.jpg -text\n");
        Assert.That(attributes.EolFor("a/b/c.sh"), Is.EqualTo("lf"));
        Assert.That(attributes.EolFor("x.jpg"), Is.Null);
    }
}
