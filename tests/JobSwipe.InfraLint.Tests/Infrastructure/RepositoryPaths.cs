namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>Finds the repository (the folder holding JobSwipe.InfraLint.sln) above the test assembly.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "JobSwipe.InfraLint.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("JobSwipe.InfraLint.sln was not found above the test assembly.");
    });

    public static string Root => RootPath.Value;

    public static string Fixture(string name) => Path.Combine(Root, "tests", "fixtures", name);
}
