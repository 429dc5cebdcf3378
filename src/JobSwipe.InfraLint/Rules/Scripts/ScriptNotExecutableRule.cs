using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4013: a file run directly whose mode is 100644 (git index first, else the file system; skipped on Windows for untracked files).</summary>
public sealed class ScriptNotExecutableRule : InfraAnalyzer
{
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ScriptNotExecutable];

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
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.ScriptNotExecutable, Location.Create(run.By.RelativePath, run.Text, run.Span), run.Target.RelativePath, run.How, where).WithFix(fix));
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
