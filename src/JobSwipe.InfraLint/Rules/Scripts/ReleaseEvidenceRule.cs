using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>
/// The shape shared by the release-pipeline gap rules (JSI4004, JSI4005, JSI4007): a release build in a shell script or
/// a CI workflow, and no evidence of the missing step in the same script (in CI, anywhere in the same workflow, since
/// other steps or jobs may upload, version or store). Each rule says what counts as evidence.
/// </summary>
public abstract class ReleaseEvidenceRule : InfraAnalyzer
{
    public sealed override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [RuleDescriptor];

    /// <summary>What the rule reports.</summary>
    protected abstract DiagnosticDescriptor RuleDescriptor { get; }

    /// <summary>
    /// True when every release build of a file is evidence of the one finding (the first is its location, the others
    /// its additional locations: one problem, one finding, silenced by one suppression); false to point at the first only.
    /// </summary>
    protected virtual bool LocatesEveryBuild => false;

    /// <summary>Whether the script shows the step the rule looks for.</summary>
    protected abstract bool HasEvidence(ScriptFacts facts, ShellScript script);

    /// <summary>Whether the workflow shows the step the rule looks for.</summary>
    protected abstract bool HasEvidence(CiReleaseFacts facts);

    public sealed override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, Analyze);
        context.RegisterFileAction<CiPipeline>(FileKind.CiWorkflow, AnalyzeWorkflow);
    }

    private void AnalyzeWorkflow(FileAnalysisContext<CiPipeline> ctx)
    {
        var facts = CiReleaseFacts.For(ctx);
        if (HasEvidence(facts))
        {
            return;
        }

        var builds = (LocatesEveryBuild ? facts.Builds : facts.Builds.Take(1)).ToList();
        if (builds.Count == 0)
        {
            return;
        }

        var (sink, first) = builds[0];
        var span = DeployCommands.VerbSpan(first.Line);
        ctx.Report(RuleDescriptor, [.. builds.Select(b => b.Sink.HostSpan(DeployCommands.VerbSpan(b.Build.Line)))], sink.HostText(DeployCommands.Describe(sink.Model.Text.Content, span)));
    }

    private void Analyze(FileAnalysisContext<ShellScript> ctx)
    {
        var facts = ScriptFacts.For(ctx.Model);
        var builds = facts.ReleaseBuilds.ToList();
        if (builds.Count == 0 || HasEvidence(facts, ctx.Model))
        {
            return;
        }

        var located = LocatesEveryBuild ? builds : builds.Take(1).ToList();
        var first = DeployCommands.VerbSpan(located[0].Line);
        ctx.Report(RuleDescriptor, [.. located.Select(b => DeployCommands.VerbSpan(b.Line))], DeployCommands.Describe(ctx.Model.Text.Content, first));
    }
}
