using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class GitIgnoreTests
{
    private static GitIgnore Root(string content)
    {
        var ignore = new GitIgnore();
        ignore.Add(string.Empty, content);
        return ignore;
    }

    [TestCase(".env", ".env", true)]
    [TestCase(".env", "backend/.env", true)]
    [TestCase(".env", ".env.production", false)]
    [TestCase(".env*", ".env.production", true)]
    [TestCase("*.env", "config/prod.env", true)]
    [TestCase("/.env.production", ".env.production", true)]
    [TestCase("/.env.production", "backend/.env.production", false)]
    [TestCase("config/*.env", "config/prod.env", true)]
    [TestCase("config/*.env", "config/nested/prod.env", false)]
    [TestCase("config/*.env", "other/config/prod.env", false)]
    [TestCase("**/secrets/*.env", "a/b/secrets/x.env", true)]
    [TestCase("**/secrets/*.env", "secrets/x.env", true)]
    [TestCase("deploy/**", "deploy/a/b.env", true)]
    [TestCase("a/**/b.env", "a/b.env", true)]
    [TestCase("a/**/b.env", "a/x/y/b.env", true)]
    [TestCase("build/", "build/out.env", true)]
    [TestCase("build/", "build", false)]
    [TestCase("*.env.[ps]*", "x.env.prod", true)]
    [TestCase("*.env.[!p]*", "x.env.prod", false)]
    [TestCase("?.env", "a.env", true)]
    [TestCase("?.env", "ab.env", false)]
    [TestCase("# .env", ".env", false)]
    [TestCase("\\#file", "#file", true)]
    [TestCase(".env   ", ".env", true)]
    public void Matches_like_git(string pattern, string path, bool ignored) =>
        Assert.That(Root(pattern + "\n").IsIgnored(path), Is.EqualTo(ignored));

    [Test]
    public void Last_rule_wins_and_negation_re_includes()
    {
        var ignore = Root(".env*\n!.env.example\n!.env.production.example\n");
        Assert.That(ignore.IsIgnored(".env.production"), Is.True);
        Assert.That(ignore.IsIgnored(".env.example"), Is.False);
        Assert.That(ignore.IsIgnored(".env.production.example"), Is.False);
    }

    [Test]
    public void A_file_in_an_ignored_folder_cannot_be_re_included() =>
        Assert.That(Root("secrets/\n!secrets/.env.production\n").IsIgnored("secrets/.env.production"), Is.True);

    [Test]
    public void Nested_files_apply_below_their_folder_and_override_the_root()
    {
        var ignore = new GitIgnore();
        ignore.Add("backend", "!.env.production\n");
        ignore.Add(string.Empty, ".env.production\n");
        Assert.That(ignore.IsIgnored("backend/.env.production"), Is.False);
        Assert.That(ignore.IsIgnored(".env.production"), Is.True);
        Assert.That(ignore.IsIgnored("frontend/.env.production"), Is.True);
    }
}
