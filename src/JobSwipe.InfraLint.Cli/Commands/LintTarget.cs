using JobSwipe.InfraLint.Engine;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// What the linting commands share: the root a PATH names, the custom analyzer assemblies (which must exist) and the
/// engine options built from them. A PATH that is a file lints its repository (the nearest folder above it holding
/// <c>.git</c>, else the file's folder) so that rules see the files it refers to, and reports that file's findings only
/// (<see cref="File"/>, relative to <see cref="Root"/>). <c>TryResolve</c> reports a usage problem as one sentence.
/// </summary>
internal sealed record LintTarget(string Root, IReadOnlyList<string> Analyzers, string? File = null)
{
    public static LintTarget? TryResolve(string path, IReadOnlyList<string> analyzers, TextWriter error)
    {
        string? file = null;
        string root;
        if (Directory.Exists(path))
        {
            root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        else if (System.IO.File.Exists(path))
        {
            string full = Path.GetFullPath(path);
            root = RepositoryRootOf(Path.GetDirectoryName(full)!);
            file = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
        }
        else
        {
            error.WriteLine($"infralint: '{path}' does not exist");
            return null;
        }

        foreach (string analyzer in analyzers)
        {
            if (!System.IO.File.Exists(analyzer))
            {
                error.WriteLine($"infralint: the analyzer assembly '{analyzer}' does not exist");
                return null;
            }
        }

        return new LintTarget(root, [.. analyzers.Select(Path.GetFullPath)], file);
    }

    /// <summary>
    /// The target of a lint or fix run and the baseline file it applies (null with <c>--no-baseline</c>), or null after
    /// writing the usage problem: a PATH or analyzer that does not exist, a <c>--baseline</c> file that does not exist.
    /// </summary>
    public static (LintTarget Target, string? BaselinePath)? TryResolve(string path, IReadOnlyList<string> analyzers, string? baselineFile, bool noBaseline, TextWriter error)
    {
        var target = TryResolve(path, analyzers, error);
        if (target is null)
        {
            return null;
        }

        string baselinePath = target.BaselinePath(baselineFile);
        if (baselineFile is not null && !System.IO.File.Exists(baselinePath))
        {
            error.WriteLine($"infralint: the baseline file '{baselineFile}' does not exist (write it with 'infralint baseline')");
            return null;
        }

        return (target, noBaseline ? null : baselinePath);
    }

    /// <summary>
    /// The root's path relative to its repository (the nearest folder at or above it holding <c>.git</c>), with forward
    /// slashes; empty when the root is the repository or is in none. CI annotations name files from the repository root.
    /// </summary>
    public string RepositoryPrefix
    {
        get
        {
            string repository = RepositoryRootOf(Root);
            string relative = Path.GetRelativePath(repository, Root).Replace(Path.DirectorySeparatorChar, '/');
            return relative == "." ? string.Empty : relative;
        }
    }

    /// <summary>The baseline file: <paramref name="file"/> when given, else the default under the root.</summary>
    public string BaselinePath(string? file) => Baseline.PathFor(Root, file);

    public LintOptions Options(string? baselineFile) => new(Root)
    {
        AnalyzerAssemblies = Analyzers,
        BaselineFile = baselineFile,
    };

    /// <summary>
    /// Lints the root; for a file target, keeps the findings in that file. Null (with the reason on
    /// <paramref name="error"/>) when the file is one that discovery leaves out, such as one under node_modules.
    /// </summary>
    public LintResult? Run(string? baselineFile, TextWriter error)
    {
        var options = Options(baselineFile);
        var discovery = LintEngine.Discover(options);
        if (File is null)
        {
            return LintEngine.Run(options, discovery);
        }

        if (!discovery.Files.Any(f => string.Equals(f.RelativePath, File, StringComparison.Ordinal))
            && !discovery.Skipped.Any(f => string.Equals(f.RelativePath, File, StringComparison.Ordinal)))
        {
            error.WriteLine($"infralint: '{File}' is not linted: discovery under '{Root}' leaves it out (an excluded folder such as node_modules or bin, a skipped file, or an InfraLintExclude glob)");
            return null;
        }

        var result = LintEngine.Run(options, discovery);
        return result with { Diagnostics = [.. result.Diagnostics.Where(d => string.Equals(d.Location.Path, File, StringComparison.Ordinal))] };
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> holding <c>.git</c>, else <paramref name="directory"/>.</summary>
    private static string RepositoryRootOf(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            string git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || System.IO.File.Exists(git))
            {
                return Path.TrimEndingDirectorySeparator(current.FullName);
            }
        }

        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }
}
