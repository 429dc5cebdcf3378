using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Scripts;

namespace JobSwipe.InfraLint.Rules.Scripts;

/// <summary>JSI4009: <c>curl … | sh</c>, <c>bash &lt;(curl …)</c>, <c>sh -c "$(curl …)"</c>, <c>eval "$(wget -O- …)"</c>.</summary>
public sealed class ScriptRunsRemoteCodeRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI4009", "Remote script piped into a shell",
        "'{0}' runs a script downloaded from the network without checking it; download it, verify its checksum or signature, then run it", DiagnosticCategories.Scripts, DiagnosticSeverity.Warning,
        "A script runs code fetched from the network directly: curl/wget piped into sh/bash, bash <(curl …), or sh -c \"$(curl …)\". Whoever controls the URL (or the network path) runs code in the deploy environment.");

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "python", "perl", "ruby", "node", "pwsh" };
    private static readonly HashSet<string> Fetchers = new(StringComparer.Ordinal) { "curl", "wget", "fetch", "http", "https" };

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RegisterFileAction<ShellScript>(FileKind.ShellScript, ctx => Analyze(ScriptSink.For(ctx)));
        context.RegisterFileAction<CiPipeline>(FileKind.CiWorkflow, ctx =>
        {
            foreach (ScriptSink sink in ScriptSink.For(ctx))
            {
                Analyze(sink);
            }
        });
    }

    private static void Analyze(ScriptSink ctx)
    {
        foreach (CommandContext c in ctx.Model.EnumerateCommands())
        {
            if (CommandLine.From(c.Command) is not { } line)
            {
                continue;
            }

            if (Shells.Contains(line.Name) && c.IsPiped && c.PipelineIndex > 0 && ReadsStdin(line))
            {
                for (int i = 0; i < c.PipelineIndex; i++)
                {
                    if (c.Pipeline!.Commands[i] is SimpleCommand fetch && CommandLine.From(fetch) is { } f && Fetchers.Contains(f.Name))
                    {
                        Report(ctx, TextSpan.FromBounds(fetch.Span.Start, line.NameWord.Span.Start + line.NameWord.Span.Length));
                        break;
                    }
                }

                continue;
            }

            bool isShell = Shells.Contains(line.Name) || line.Name is "source" or "." or "eval";
            if (!isShell)
            {
                continue;
            }

            foreach (ShellWord argument in line.Arguments)
            {
                if (argument.CommandSubstitutions.Any(s => s.Body.Items.SelectMany(i => i.Pipelines).SelectMany(p => p.Commands).Any(x => x is SimpleCommand sc && CommandLine.From(sc) is { } l && Fetchers.Contains(l.Name))))
                {
                    bool process = argument.CommandSubstitutions.Any(s => s.Kind == ShellSubstitutionKind.ProcessInput);
                    bool inline = line.Name == "eval" || line.Arguments.Any(a => a.Value == "-c") || process;
                    if (inline)
                    {
                        Report(ctx, TextSpan.FromBounds(line.NameWord.Span.Start, argument.Span.Start + argument.Span.Length));
                        break;
                    }
                }
            }
        }
    }

    // `| sh`, `| bash -s -- args`, `| sudo -E bash -`, but not `| bash install.sh` (which reads a file, not stdin).
    private static bool ReadsStdin(CommandLine line)
    {
        foreach (ShellWord a in line.Arguments)
        {
            if (a.Value is "-s" or "-" or "--")
            {
                return true;
            }

            if (!a.Value.StartsWith('-'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Report(ScriptSink ctx, TextSpan span) =>
        ctx.Report(Descriptor, span, ctx.Model.Text.Content.Substring(span.Start, span.Length).ReplaceLineEndings(" "));
}
