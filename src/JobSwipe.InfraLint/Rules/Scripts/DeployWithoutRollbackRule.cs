using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Fly;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4001: a script deploys and has no way back.</summary>
public sealed class DeployWithoutRollbackRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4001", "Deploy without a rollback path",
        "'{0}' deploys with no rollback path; add a failure trap or branch that redeploys the previous release ({1})", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script deploys (fly deploy, kubectl apply, helm upgrade, docker stack deploy, heroku, gcloud run deploy, aws ecs update-service) and nothing in it can go back: no explicit rollback command (kubectl rollout undo, helm rollback, heroku rollback), no deploy that rolls itself back (helm --atomic, fly --strategy bluegreen/canary), and no ERR/EXIT trap or failure branch that redeploys.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);

    private static void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var deploys = facts.Deploys.ToList();
        if (deploys.Count == 0 || HasRollback(facts, ctx))
        {
            return;
        }

        var (first, platform) = deploys[0];
        var span = DeployCommands.VerbSpan(first.Line);
        ctx.Report(Descriptor, span, DeployCommands.Describe(ctx.Model.Text.Content, span), Hint(platform));
    }

    private static bool HasRollback(ScriptFacts facts, FileAnalysisContext<ShellScript> ctx)
    {
        foreach (ScriptCommand c in facts.Commands)
        {
            if (DeployCommands.IsRollback(c.Line) || DeployCommands.HasAutomaticRollback(c.Line) || (c.InFailureBranch && DeployCommands.Deploy(c.Line) is not null && IsPinnedRedeploy(c.Line)))
            {
                return true;
            }
        }

        foreach (var (line, signals) in facts.TrapHandlerCommands)
        {
            if (signals.Any(s => s is "ERR" or "EXIT") && (DeployCommands.IsRollback(line) || DeployCommands.Deploy(line) is not null))
            {
                return true;
            }
        }

        // A Fly config deployed by this script whose [deploy] strategy rolls back by itself.
        foreach (var (command, platform) in facts.Deploys)
        {
            if (platform == DeployPlatform.Fly && FlyTargets.Resolve(ctx.File, ctx.Repository, facts, command) is { } fly
                && ctx.Repository.GetModel<FlyConfig>(fly)?.Deploy?.Strategy?.Value.AsString() is "bluegreen" or "canary")
            {
                return true;
            }
        }

        return false;
    }

    // In a failure branch, any deploy of an explicit image or release counts (fly deploy --image, kubectl set image, helm upgrade --version).
    private static bool IsPinnedRedeploy(CommandLine line) => line.Has("--image", "-i", "--version", "--revision") || line.Name is "kubectl" or "oc" or "helm" or "gcloud" or "aws" or "docker";

    private static string Hint(DeployPlatform platform) => platform switch
    {
        DeployPlatform.Fly => "Fly has no rollback command: record the current image with 'fly releases --image' and redeploy it with 'fly deploy --image <previous>' from a 'trap … ERR', or deploy with --strategy bluegreen",
        DeployPlatform.Kubernetes => "e.g. 'kubectl rollout status … || kubectl rollout undo …'",
        DeployPlatform.Helm => "e.g. 'helm upgrade --atomic' or 'helm rollback' on failure",
        DeployPlatform.Heroku => "e.g. 'heroku releases:rollback' on failure",
        DeployPlatform.DockerStack => "e.g. '--update-failure-action rollback' or 'docker service rollback' on failure",
        DeployPlatform.GoogleCloud => "e.g. deploy with --no-traffic and move traffic back with 'gcloud run services update-traffic' on failure",
        _ => "e.g. an ECS deployment circuit breaker with rollback=true",
    };
}
