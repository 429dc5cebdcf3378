using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Syntax.Ci;

namespace JobSwipe.InfraLint.Semantics.Scripts;

/// <summary>
/// What a CI workflow as a whole does for a release: the mobile release builds of its steps' scripts (each with the sink
/// that maps findings into the workflow), and whether any step (of any job: uploads and tests often live in their own
/// jobs) tests, uploads to a store, stores artifacts, or manages versions, through commands or well-known actions.
/// </summary>
public sealed class CiReleaseFacts
{
    private static readonly string[] StoreActions = ["upload-google-play", "upload-testflight", "app-store-connect", "fastlane-action", "google-play", "testflight", "appstore"];
    private static readonly string[] ArtifactActions = ["actions/upload-artifact", "action-gh-release", "release-action", "upload-release-asset", "firebase-distribution", "appcenter", "s3-sync", "upload-s3", "gcs", "diawi"];

    private CiReleaseFacts(FileAnalysisContext<CiPipeline> ctx)
    {
        var builds = new List<(ScriptSink Sink, ScriptCommand Build)>();
        var commands = new List<CommandLine>();
        foreach (ScriptSink sink in ScriptSink.For(ctx))
        {
            var facts = ScriptFacts.For(sink.Model);
            commands.AddRange(facts.Commands.Select(c => c.Line));
            builds.AddRange(facts.ReleaseBuilds.Select(b => (sink, b)));
        }

        var actions = ctx.Model.AllSteps.Select(s => s.Action?.ToLowerInvariant()).OfType<string>().ToList();
        Builds = builds;
        Uploads = commands.Any(DeployCommands.IsStoreUpload) || actions.Any(a => StoreActions.Any(a.Contains));
        StoresArtifacts = Uploads || commands.Any(DeployCommands.IsArtifactUpload) || actions.Any(a => ArtifactActions.Any(a.Contains));
        Tests = commands.Any(TestCommands.IsTest);
        string triggers = ctx.Model.Triggers is { } t ? ctx.Model.Text.Content.Substring(t.Span.Start, t.Span.Length) : "";
        Versions = commands.Any(DeployCommands.IsVersioning) || triggers.Contains("tags", StringComparison.Ordinal) || triggers.Contains("release", StringComparison.Ordinal)
            || commands.Any(c => c.Command.Words.Any(w => DeployCommands.MentionsReleaseNotes(w.Value)));
    }

    public IReadOnlyList<(ScriptSink Sink, ScriptCommand Build)> Builds { get; }

    public bool Uploads { get; }

    public bool StoresArtifacts { get; }

    public bool Tests { get; }

    public bool Versions { get; }

    public static CiReleaseFacts For(FileAnalysisContext<CiPipeline> ctx) => new(ctx);

    /// <summary>
    /// True when any CI workflow of the repository runs tests (computed once per repository): a deploy workflow on main
    /// usually ships code that a pull-request workflow tested before the merge.
    /// </summary>
    public static bool RepositoryCiRunsTests(JobSwipe.InfraLint.Workspace.Repository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository.Facts.Get("CI runs tests", static r =>
        {
            foreach (var file in r.GetFiles(JobSwipe.InfraLint.Workspace.FileKind.CiWorkflow))
            {
                if (r.GetModel<CiPipeline>(file) is not { } pipeline)
                {
                    continue;
                }

                foreach (CiStep step in pipeline.AllSteps)
                {
                    if (step.ParseRunScript() is { } script
                        && ScriptFacts.For(script).Commands.Any(c => TestCommands.IsTest(c.Line)))
                    {
                        return true;
                    }
                }
            }

            return false;
        });
    }
}
