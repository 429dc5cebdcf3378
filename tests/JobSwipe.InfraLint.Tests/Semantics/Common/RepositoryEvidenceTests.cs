using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Semantics.Common;

public class RepositoryEvidenceTests
{
    [Test]
    public void Texts_are_lower_cased_without_whole_line_comments_and_documents_keep_theirs()
    {
        using var repo = new TempRepository();
        repo.Write("scripts/backup.sh", "#!/usr/bin/env bash\n# RESTORE is not done here\n  // nor here\nPG_DUMP \"$DATABASE_URL\" # Kept: not a whole line\n\nÉCHO DONE\n");
        repo.Write("scripts/plain.sh", "echo ALL KEPT\n");
        repo.Write("README.md", "# Restore\nRun RESTORE.SH\n");

        var discovery = RepositoryDiscovery.Discover(repo.Root, new DiscoveryOptions());
        var evidence = RepositoryEvidence.For(new Repository(repo.Root, discovery.Files));

        Assert.That(evidence.ScriptTexts.Select(t => $"{t.File.RelativePath}={t.Lower}"), Is.EquivalentTo(new[]
        {
            "scripts/backup.sh=#!/usr/bin/env bash\npg_dump \"$database_url\" # kept: not a whole line\n\nécho done\n",
            "scripts/plain.sh=echo all kept\n",
        }));
        Assert.That(evidence.DocTexts.Single().Lower, Is.EqualTo("# restore\nrun restore.sh\n"));
    }
}
