using JobSwipe.InfraLint.Reporting;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Reports;

/// <summary>
/// The registry of the projects that lint a root (<see cref="LintingProjects"/>): which project may analyse the root
/// alone (the build's fast path), which must go through the shared analysis, and what the folder keeps.
/// </summary>
public class LintingProjectsTests
{
    [Test]
    public void A_project_is_alone_only_from_the_build_after_it_registered()
    {
        using var repo = new TempRepository();
        string app = repo.Write("App.csproj", "<Project />");
        var registry = Registry(repo);

        Assert.That(registry.RegisteredAlone(app), Is.False, "the first build registers and goes through the shared analysis");
        Assert.That(File.ReadAllText(registry.EntryFor(app)), Is.EqualTo(app));
        Assert.That(registry.RegisteredAlone(app), Is.True);
        Assert.That(registry.RegisteredAlone(app), Is.True);
        Assert.That(Directory.GetFiles(registry.Folder), Is.EqualTo(new[] { registry.EntryFor(app) }), "no temporary file is left");
    }

    [Test]
    public void Two_projects_registered_in_one_build_both_take_the_shared_analysis_from_then_on()
    {
        using var repo = new TempRepository();
        string alpha = repo.Write("src/Alpha/Alpha.csproj", "<Project />");
        string beta = repo.Write("src/Beta/Beta.csproj", "<Project />");
        var registry = Registry(repo);

        // The first build of a solution: neither was registered, so neither analyses alone.
        Assert.That(registry.RegisteredAlone(alpha), Is.False);
        Assert.That(registry.RegisteredAlone(beta), Is.False);

        Assert.That(registry.RegisteredAlone(alpha), Is.False);
        Assert.That(registry.RegisteredAlone(beta), Is.False);
    }

    [Test]
    public void A_second_project_joining_sends_the_first_back_to_the_shared_analysis_once_it_registered()
    {
        using var repo = new TempRepository();
        string alpha = repo.Write("Alpha.csproj", "<Project />");
        string beta = repo.Write("Beta.csproj", "<Project />");
        var registry = Registry(repo);
        registry.RegisteredAlone(alpha);
        Assert.That(registry.RegisteredAlone(alpha), Is.True);

        // Beta's first build registers it; from then on Alpha is not alone. (Had Alpha asked first in that same build,
        // it would have analysed alone while Beta went through the shared analysis: the one build that reports twice.)
        Assert.That(registry.RegisteredAlone(beta), Is.False);
        Assert.That(registry.RegisteredAlone(alpha), Is.False);
        Assert.That(registry.RegisteredAlone(beta), Is.False);
    }

    [Test]
    public void A_deleted_or_renamed_project_is_forgotten_and_the_other_is_alone_again()
    {
        using var repo = new TempRepository();
        string alpha = repo.Write("Alpha.csproj", "<Project />");
        string beta = repo.Write("Beta.csproj", "<Project />");
        var registry = Registry(repo);
        registry.RegisteredAlone(alpha);
        registry.RegisteredAlone(beta);
        Assert.That(registry.RegisteredAlone(alpha), Is.False);

        // Renamed: the old file is gone, the new name registers as a new project.
        string renamed = Path.Combine(repo.Root, "Gamma.csproj");
        File.Move(beta, renamed);
        Assert.That(registry.RegisteredAlone(alpha), Is.True, "Beta's file is gone, so Alpha lints the root alone");
        Assert.That(File.Exists(registry.EntryFor(beta)), Is.False);
        Assert.That(registry.RegisteredAlone(renamed), Is.False);
        Assert.That(registry.RegisteredAlone(alpha), Is.False);

        File.Delete(renamed);
        Assert.That(registry.RegisteredAlone(alpha), Is.True);
        Assert.That(Directory.GetFiles(registry.Folder), Is.EqualTo(new[] { registry.EntryFor(alpha) }));
    }

    [Test]
    public void A_registration_that_names_no_project_is_removed_and_an_old_interrupted_write_too()
    {
        using var repo = new TempRepository();
        string app = repo.Write("App.csproj", "<Project />");
        var registry = Registry(repo);
        registry.RegisteredAlone(app);
        string garbage = repo.Write("obj/infralint/projects/0123456789abcdef.project", "not a path");
        string oldWrite = repo.Write("obj/infralint/projects/0123456789abcdef.project.0f0f.tmp", "/half");
        File.SetLastWriteTimeUtc(oldWrite, DateTime.UtcNow.AddHours(-2));
        string recentWrite = repo.Write("obj/infralint/projects/fedcba9876543210.project.0f0f.tmp", "/half");

        Assert.That(registry.RegisteredAlone(app), Is.True);

        Assert.That(File.Exists(garbage), Is.False);
        Assert.That(File.Exists(oldWrite), Is.False);
        Assert.That(File.Exists(recentWrite), Is.True, "a write under way in another build is left alone");
    }

    [Test]
    public void Another_cache_folder_is_another_registry()
    {
        using var repo = new TempRepository();
        string alpha = repo.Write("Alpha.csproj", "<Project />");
        string beta = repo.Write("Beta.csproj", "<Project />");
        var first = Registry(repo);
        var second = new LintingProjects(Path.Combine(repo.Root, "other-cache"));
        first.RegisteredAlone(alpha);
        second.RegisteredAlone(beta);

        Assert.That(first.RegisteredAlone(alpha), Is.True);
        Assert.That(second.RegisteredAlone(beta), Is.True);
    }

    private static LintingProjects Registry(TempRepository repo) => new(Path.Combine(repo.Root, "obj", "infralint"));
}
