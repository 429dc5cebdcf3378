using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Semantics.Secrets;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Semantics.Secrets;

public class SecretFileIndexTests
{
    [Test]
    public void StartingWith_gives_the_secret_files_under_a_folder_in_the_repository_s_order()
    {
        using var repo = new TempRepository(new Dictionary<string, string>
        {
            [".env"] = "A=1\n",
            ["svc/.env"] = "A=1\n",
            ["svc/keys/deploy.key"] = "k\n",
            ["svc/README.md"] = "docs\n",
            ["svc2/.env.production"] = "A=1\n",
            ["svc-b/id_rsa"] = "k\n",
        });
        var repository = new Repository(repo.Root, LintEngine.Discover(new LintOptions(repo.Root)).Files);
        var index = SecretFileIndex.For(repository);

        Assert.That(index.StartingWith(""), Is.EqualTo(index.Files));
        Assert.That(index.StartingWith("svc/"), Is.EqualTo(index.Files.Where(f => f.StartsWith("svc/", StringComparison.Ordinal))));
        Assert.That(index.StartingWith("svc/"), Is.EquivalentTo(new[] { "svc/.env", "svc/keys/deploy.key" }));
        Assert.That(index.StartingWith("svc2/"), Is.EqualTo(new[] { "svc2/.env.production" }));
        Assert.That(index.StartingWith("nothing/"), Is.Empty);
    }
}
