using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Ci;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>
/// A script to check and where its findings go: a shell script file (spans as they are), or the <c>run:</c>/<c>script:</c>
/// text of a CI step (spans mapped back into the workflow file through the YAML scalar). Lets the per-command script rules
/// (JSI4008, JSI4009, JSI4015, JSI4016) read CI steps too.
/// </summary>
public sealed class ScriptSink
{
    private readonly Action<DiagnosticDescriptor, TextSpan, object?[]> _report;
    private readonly Func<TextSpan, TextSpan> _toHost;

    private ScriptSink(ShellScript model, Action<DiagnosticDescriptor, TextSpan, object?[]> report, Func<TextSpan, TextSpan>? toHost = null)
    {
        Model = model;
        _report = report;
        _toHost = toHost ?? (span => span);
    }

    public ShellScript Model { get; }

    /// <summary>Where a span of <see cref="Model"/> is in the file the findings go to (the workflow file, for a CI step).</summary>
    public TextSpan HostSpan(TextSpan span) => _toHost(span);

    /// <summary>A text of the script as the user wrote it in the host file (a CI step's <c>${{ }}</c> expressions restored).</summary>
    public string HostText(string text) => Model.Restore(text);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) => _report(descriptor, span, args);

    public static ScriptSink For(FileAnalysisContext<ShellScript> ctx) => For(ctx, lowered: false);

    /// <summary>A sink for a shell script whose findings are reported at info when <paramref name="lowered"/> is true.</summary>
    public static ScriptSink For(FileAnalysisContext<ShellScript> ctx, bool lowered)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return new ScriptSink(ctx.Model, (d, span, args) => ctx.Report(d, span, lowered, args));
    }

    /// <summary>
    /// One sink per CI step script (<see cref="CiStep.ParseRunScript"/>): expressions read as values from elsewhere, and every
    /// text argument of a finding gets them back as written.
    /// </summary>
    public static IEnumerable<ScriptSink> For(FileAnalysisContext<CiPipeline> ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (CiStep step in ctx.Model.AllSteps)
        {
            if (step.RunScript is not { } run || step.ParseRunScript() is not { } script)
            {
                continue;
            }

            yield return new ScriptSink(
                script,
                (d, span, args) => ctx.Report(d, run.MapValueSpanToSource(span.Start, span.Length), [.. args.Select(a => a is string s ? script.Restore(s) : a)]),
                span => run.MapValueSpanToSource(span.Start, span.Length));
        }
    }
}
