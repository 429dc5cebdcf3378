using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>
/// JSI7002: CI pipelines exist but none runs a test command; reported at the first CI file. Test runners of the common
/// ecosystems count, run directly, through make/just/task/scripts, or inside a container (<c>docker run … test</c>,
/// <c>docker compose exec app test</c>), and so does a step named for tests (<c>- name: Run specs</c>). Info in a
/// template repository and in a repository that holds no test of its own.
/// </summary>
public sealed partial class CiRunsNoTestsRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7002", "CI runs no tests",
        "no CI pipeline runs tests ({0}); add a step that runs the test suite (pytest, npm test, dotnet test, go test, …)", DiagnosticCategories.Repository, DiagnosticSeverity.Warning,
        "CI pipelines exist but none runs a test command: a test runner (pytest, tox, nox, jest, vitest, mocha, rspec, phpunit, ctest), a build tool's test goal (npm/yarn/pnpm/bun test, dotnet test, go test, cargo test, mvn test/verify, gradle test/check, flutter test, make test/check), or a script whose name mentions tests.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (evidence.CiFiles.Count == 0 || RunsTests(evidence))
        {
            return;
        }

        string checkedFiles = evidence.CiFiles.Count == 1 ? $"checked {evidence.CiFiles[0].RelativePath}" : $"checked {evidence.CiFiles.Count} CI files";
        // A repository without a test of its own (configuration and packaging of others' software) has no suite for CI to run: info.
        var finding = DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptor, evidence.FileLocation(evidence.CiFiles[0]), checkedFiles), ctx.Repository);
        ctx.ReportDiagnostic(evidence.HasTests ? finding : finding.Lowered());
    });

    internal static bool RunsTests(RepositoryEvidence evidence)
    {
        // The parsed steps of the workflows the CI parser reads, then the raw text of every CI file (same vocabulary).
        if (CiReleaseFacts.RepositoryCiRunsTests(evidence.Repository) || evidence.CiTexts.Any(t => TestCommands.RunsTestsInRawText(t.Lower)))
        {
            return true;
        }

        // CI that delegates to make, just, task or a script: look at those (and at local composite actions).
        bool delegates = evidence.CiTexts.Any(t => Delegation().IsMatch(t.Lower));
        if (delegates && evidence.ScriptTexts.Any(t => TestCommands.RunsTestsInRawText(t.Lower)))
        {
            return true;
        }

        return evidence.Repository.Files.Where(f => f.RelativePath.StartsWith(".github/actions/", StringComparison.Ordinal) && f.Name is "action.yml" or "action.yaml")
            .Any(f => evidence.Repository.GetText(f) is { } text && TestCommands.RunsTestsInRawText(text.Content.ToLowerInvariant()));
    }

    [GeneratedRegex(@"\b(make|just|task)\s+\w|\.sh\b|uses:\s*\./", RegexOptions.CultureInvariant)]
    private static partial Regex Delegation();
}
