using JobSwipe.InfraLint.Engine;

namespace JobSwipe.InfraLint.Cli.Commands;

/// <summary>
/// What the linting commands share: the root folder a PATH names, the custom analyzer assemblies (which must exist) and
/// the engine options built from them. <see cref="TryResolve"/> reports a usage problem as one sentence.
/// </summary>
internal sealed record LintTarget(string Root, IReadOnlyList<string> Analyzers)
{
    public static LintTarget? TryResolve(string path, IReadOnlyList<string> analyzers, TextWriter error)
    {
        if (!Directory.Exists(path))
        {
            error.WriteLine($"infralint: '{path}' is not a folder");
            return null;
        }

        foreach (string analyzer in analyzers)
        {
            if (!File.Exists(analyzer))
            {
                error.WriteLine($"infralint: the analyzer assembly '{analyzer}' does not exist");
                return null;
            }
        }

        return new LintTarget(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)), [.. analyzers.Select(Path.GetFullPath)]);
    }

    /// <summary>The baseline file: <paramref name="file"/> when given, else the default under the root.</summary>
    public string BaselinePath(string? file) => Path.GetFullPath(file ?? Path.Combine(Root, Baseline.DefaultFileName));

    public LintOptions Options(string? baselineFile) => new(Root)
    {
        AnalyzerAssemblies = Analyzers,
        BaselineFile = baselineFile,
    };
}
