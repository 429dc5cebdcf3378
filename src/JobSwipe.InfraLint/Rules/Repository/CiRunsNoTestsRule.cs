using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

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
        if (evidence.CiTexts.Any(t => TestCommand().IsMatch(t.Lower)))
        {
            return true;
        }

        // CI that delegates to make, just, task or a script: look at those (and at local composite actions).
        bool delegates = evidence.CiTexts.Any(t => Delegation().IsMatch(t.Lower));
        if (delegates && evidence.ScriptTexts.Any(t => TestCommand().IsMatch(t.Lower)))
        {
            return true;
        }

        return evidence.Repository.Files.Where(f => f.RelativePath.StartsWith(".github/actions/", StringComparison.Ordinal) && f.Name is "action.yml" or "action.yaml")
            .Any(f => evidence.Repository.GetText(f) is { } text && TestCommand().IsMatch(text.Content.ToLowerInvariant()));
    }

    [GeneratedRegex(@"\b(pytest|py\.test|unittest|tox|nox|jest|vitest|mocha|rspec|phpunit|pest|ctest|cypress\s+run|playwright\s+test|(npm|pnpm|yarn|bun|deno)\s+(run\s+)?test|(npm|yarn|pnpm)\s+run\s+(test|check|ci)\b|dotnet\s+test|go\s+test|cargo\s+(test|nextest)|mvnw?\s+[^\n]*\b(test|verify|install)\b|gradlew?\s+[^\n]*\b(test|check|build)\b|(flutter|dart|mix|swift|sbt|lein|hatch)\s+test|xcodebuild\s+[^\n]*\btest\b|rake\s+(test|spec)|make\s+([\w-]*test[\w-]*|check)|just\s+test|task\s+test|run[-_]tests?|tests?\.sh|(bin/)?rails\s+test|bin/rspec|minitest|manage\.py\s+test|artisan\s+test|composer\s+(run\s+)?test|helm\s+test|bats\s|mix\s+coveralls|go\s+tool\s+test2json|gotestsum|docker(-compose|\s+compose)?\s+(run|exec)\b[^\n]*\b(tests?|specs?|pytest|rspec|jest|vitest)\b|name:\s*['""]?(run\s+|execute\s+)?(the\s+)?(unit\s+|integration\s+|e2e\s+|end-to-end\s+|smoke\s+|api\s+)?(tests?|specs?)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TestCommand();

    [GeneratedRegex(@"\b(make|just|task)\s+\w|\.sh\b|uses:\s*\./", RegexOptions.CultureInvariant)]
    private static partial Regex Delegation();
}
