using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

/// <summary>The lists of compose files a repository uses together: -f flags and COMPOSE_FILE values, wherever they are set.</summary>
public sealed class ComposeFileListsTests
{
    [TestCase("a.yml:b.yml", null, new[] { "a.yml", "b.yml" })]
    [TestCase("a.yml;b.yml", null, new[] { "a.yml", "b.yml" })]
    [TestCase("a.yml,b.yml", ",", new[] { "a.yml", "b.yml" })]
    [TestCase(@"C:\stack\a.yml;b.yml", null, new[] { @"C:\stack\a.yml", "b.yml" })]
    [TestCase("a.yml:${OVERLAY:-b.yml}:${{ matrix.dir }}c.yml", null, new[] { "a.yml", "${OVERLAY:-b.yml}", "${{ matrix.dir }}c.yml" })]
    public void Compose_file_values_are_split_on_their_separator_outside_variables(string value, string? separator, string[] expected)
    {
        using var repository = new TempRepository();
        repository.Write(".env", (separator is null ? string.Empty : $"COMPOSE_PATH_SEPARATOR={separator}\n") + $"COMPOSE_FILE=\"{value}\"\n");

        var lists = ComposeFileLists.Find(Load(repository));

        Assert.That(lists.Single().Entries, Is.EqualTo(expected));
    }

    [Test]
    public void Finds_f_flags_and_compose_file_in_scripts_ci_and_makefiles()
    {
        using var repository = new TempRepository();
        repository.Write("scripts/up.sh", "#!/bin/sh\nCOMPOSE_FILE=base.yml:extra.yml docker compose up\ndocker-compose --file a.yml -f=ignored -f b.yaml up\n");
        repository.Write(".github/workflows/ci.yml", "on: push\nenv:\n  COMPOSE_FILE: x.yml:y.yml\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker compose -f p.yml -f q.yml config\n");
        repository.Write("Makefile", "COMPOSE_FILE ?= m1.yml:m2.yml\nup:\n\t@docker compose -f k1.yml -f k2.yml up\nother:\n\techo compose\n");

        var lists = ComposeFileLists.Find(Load(repository));

        Assert.That(
            lists.Select(l => (l.Source, string.Join(" ", l.Entries))),
            Is.EquivalentTo(new[]
            {
                ("scripts/up.sh", "a.yml b.yaml"),
                ("scripts/up.sh", "base.yml extra.yml"),
                (".github/workflows/ci.yml", "x.yml y.yml"),
                (".github/workflows/ci.yml", "p.yml q.yml"),
                ("Makefile", "m1.yml m2.yml"),
                ("Makefile", "k1.yml k2.yml"),
            }));
    }

    [Test]
    public void An_entry_with_a_variable_names_the_yaml_files_it_can_complete_to()
    {
        using var repository = new TempRepository();
        repository.Write("ci/basic/compose.yaml", "services: {}\n");
        repository.Write("ci/tls/compose.yaml", "services: {}\n");
        repository.Write("compose.yaml", "services: {}\n");
        repository.Write("ci/tls/notes.txt", "compose.yaml\n");
        var list = new ComposeFileList("ci.yml", ["compose.yaml", "ci/${{ matrix.dir }}/compose.yaml"], [string.Empty]);
        var repo = Load(repository);

        Assert.That(list.Resolve(repo, "ci/${{ matrix.dir }}/compose.yaml"), Is.EquivalentTo(new[] { "ci/basic/compose.yaml", "ci/tls/compose.yaml" }));
        Assert.That(list.Resolve(repo, "compose.yaml"), Is.EqualTo(new[] { "compose.yaml" }));
        Assert.That(list.Resolve(repo, "missing.yaml"), Is.Empty);
    }

    private static Repository Load(TempRepository repository)
    {
        var discovery = RepositoryDiscovery.Discover(repository.Root, new DiscoveryOptions());
        return new Repository(repository.Root, discovery.Files);
    }
}
