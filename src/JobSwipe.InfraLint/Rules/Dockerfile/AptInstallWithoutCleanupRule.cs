using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Dockerfile;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Dockerfile;

namespace JobSwipe.InfraLint.Rules.Dockerfile;

/// <summary>
/// JSI1006: in the stages of the final image, apt-get install without --no-install-recommends, and apt-get update
/// whose lists are not removed in the same RUN (a cache mount on /var/lib/apt exempts the removal).
/// </summary>
public sealed class AptInstallWithoutCleanupRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI1006", "apt-get install leaves caches or recommends",
        "{0}", DiagnosticCategories.Dockerfile, DiagnosticSeverity.Info,
        "apt-get install without --no-install-recommends pulls in packages nobody asked for; apt-get update without removing /var/lib/apt/lists in the same RUN keeps the package lists in a layer. A cache mount on /var/lib/apt exempts the list removal.", fix: FixAvailability.Safe);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<DockerfileDocument>(FileKind.Dockerfile, ctx =>
        {
            foreach (DockerStage stage in ctx.Model.FinalLineage())
            {
                foreach (DockerInstruction run in stage.Instructions)
                {
                    var commands = RunShell.Of(run).Commands;
                    bool listsRemoved = HasAptCacheMount(run) || commands.Any(RemovesLists);
                    foreach (RunCommand command in commands)
                    {
                        if (command.Name is not ("apt-get" or "apt"))
                        {
                            continue;
                        }

                        ShellWord? verb = command.ArgumentWords.FirstOrDefault(a => !a.Value.StartsWith('-'));
                        if (verb?.Value == "install" && !command.Command.HasFlag("no-install-recommends")
                            && !command.Arguments.Any(a => a.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase) || a.Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase) || a.Contains("Install-Recommends \"false\"", StringComparison.OrdinalIgnoreCase)))
                        {
                            // Unsafe: a recommended package may be one the image needs (curl's ca-certificates).
                            var fix = command.IsNested ? null : Fix.Create("add --no-install-recommends", FixApplicability.Unsafe, ctx.File.RelativePath, TextEdit.Insert(ctx.Model.Text, command.ToSource(verb).End, " --no-install-recommends"));
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(command.ToSource(verb)), $"{command.Name} install without --no-install-recommends installs recommended packages too; add --no-install-recommends").WithFix(fix));
                        }
                        else if (verb?.Value == "update" && !listsRemoved)
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptor, ctx.GetLocation(command.ToSource(verb)), $"{command.Name} update leaves the package lists in this layer; end the same RUN with rm -rf /var/lib/apt/lists/* (or use RUN --mount=type=cache,target=/var/lib/apt)")
                                .WithFix(RemoveListsFix(ctx.Model, run, ctx.File.RelativePath)));
                        }
                    }
                }
            }
        });

    /// <summary>
    /// Appends <c>&amp;&amp; rm -rf /var/lib/apt/lists/*</c> to a shell-form RUN whose script ends in a plain command list (no
    /// trailing comment, not in the background), or a last line <c>rm -rf /var/lib/apt/lists/*</c> to a <c>RUN &lt;&lt;EOF</c> script. None when a later RUN installs with apt without updating first: it
    /// relies on the lists this layer keeps, and would fail.
    /// </summary>
    private static Fix? RemoveListsFix(DockerfileDocument model, DockerInstruction run, string path)
    {
        if (LaterInstallNeedsLists(model, run))
        {
            return null;
        }

        // RUN <<EOF: a last line of the script, before the terminator.
        if (run is CommandInstruction { HeredocScript: { TerminatorSpan: { } terminator } heredoc } && RunShell.Of(run).Script is { Body.Items: [.., var final] } && !final.IsBackground
            && heredoc.Content.TrimEnd().Length > 0 && heredoc.Content.TrimEnd()[^1] is not ('\\' or '|' or '&') && FixEdits.StartsLine(model.Text, terminator.Start))
        {
            int lineStart = model.Text.GetLineStart(model.Text.GetPosition(terminator.Start).Line);
            return Fix.Create("remove the apt lists at the end of the RUN script", FixApplicability.Safe, path, TextEdit.Insert(model.Text, lineStart, "rm -rf /var/lib/apt/lists/*" + model.Text.NewLine));
        }

        if (run is not CommandInstruction { ShellCommand: { } source, HeredocScript: null, Heredocs.Count: 0 } || RunShell.Of(run).Script is not { Body.Items: [.., var last] }
            || last.IsBackground || source.Text.AsSpan(last.Span.End).ContainsAnyExcept(" \t;") || last.Span.Length == 0)
        {
            return null;
        }

        int at = source.MapToSource(last.Span.End - 1) + 1;
        return Fix.Create("remove the apt lists in the same RUN", FixApplicability.Safe, path, TextEdit.Insert(model.Text, at, " && rm -rf /var/lib/apt/lists/*"));
    }

    // A later RUN that installs with apt without updating first relies on the lists this one keeps.
    private static bool LaterInstallNeedsLists(DockerfileDocument model, DockerInstruction run) =>
        model.Instructions.Any(i => i.Span.Start > run.Span.Start && RunShell.Of(i).Commands is var commands
            && commands.Any(c => AptVerb(c) == "install") && !commands.Any(c => AptVerb(c) == "update"));

    private static string? AptVerb(RunCommand command) =>
        command.Name is "apt-get" or "apt" ? command.Command.Arguments.FirstOrDefault(a => !a.Value.StartsWith('-'))?.Value : null;

    private static bool RemovesLists(RunCommand command) =>
        command.Name == "rm" && command.Arguments.Any(a => a.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal) || a is "/var/lib/apt" or "/var/lib/apt/")
        || command.Name == "find" && command.Arguments.Any(a => a.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)) && command.Arguments.Contains("-delete");

    private static bool HasAptCacheMount(DockerInstruction run) =>
        run.Flags.Any(f => f.Name == "mount" && f.GetOption("type") is { } type && type.ToLowerInvariant() is "cache" or "tmpfs"
            && (f.GetOption("target") ?? f.GetOption("dst") ?? f.GetOption("destination")) is { } target && target.TrimEnd('/') is "/var/lib/apt" or "/var/lib/apt/lists");
}
