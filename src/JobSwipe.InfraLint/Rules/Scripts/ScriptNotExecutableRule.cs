using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4013: a file run directly whose mode is 100644 (git index first, else the file system; skipped on Windows for untracked files).</summary>
public sealed class ScriptNotExecutableRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4013", "Directly run script is not executable",
        "{0} ({1}) but it is not executable {2}: 'Permission denied'; run 'git update-index --chmod=+x {0}' (or call it through bash)", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script is run directly (./deploy.sh from another script, a CI step, a Dockerfile RUN/ENTRYPOINT/CMD of a COPYed file) but its mode is 100644: in git's index when the repository is a git checkout (typical when it was added on Windows), else on the file system. On Linux CI and in containers it fails with 'Permission denied'.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(Analyze);

    private static void Analyze(RepositoryAnalysisContext ctx)
    {
        var executed = ExecutedFiles.Collect(ctx.Repository);
        if (executed.Count == 0)
        {
            return;
        }

        var git = GitIndex.TryReadEntriesForRoot(ctx.Repository.RootFullPath);
        foreach (ExecutedFile run in executed)
        {
            // PowerShell runs ./script.ps1 itself, in process: the execute bit plays no part (nor on Windows runners).
            if (run.ModeFixed || run.Target.Name.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? where = null;
            if (git is { } g && g.Index.Find(g.Prefix + run.Target.RelativePath) is { } entry)
            {
                if (entry.IsRegularFile && !entry.IsExecutable)
                {
                    where = "in git (mode 100644)";
                }
            }
            else if (!OperatingSystem.IsWindows() && IsNotExecutableOnDisk(run.Target.FullPath))
            {
                where = "on disk (no execute bit)";
            }

            if (where is not null)
            {
                // Safe: the runner sets the bit in the git index (as git update-index --chmod=+x) and on disk (as chmod +x).
                var fix = Fix.MakeExecutable("make the file executable", FixApplicability.Safe, run.Target.RelativePath);
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.Create(run.By.RelativePath, run.Text, run.Span), run.Target.RelativePath, run.How, where).WithFix(fix));
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsNotExecutableOnDisk(string fullPath)
    {
        try
        {
            return (File.GetUnixFileMode(fullPath) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
