using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>
/// The base of every rule, built-in or custom, shaped like Roslyn's <c>DiagnosticAnalyzer</c>: it declares the
/// descriptors it can report and, in <see cref="Initialize"/>, registers actions per file kind or for the whole
/// repository. Actions run concurrently over immutable models: keep no per-run state in fields.
/// </summary>
public abstract class InfraAnalyzer
{
    /// <summary>Every descriptor this analyzer may report; reporting any other is a rule failure (JSI0004).</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Registers the analyzer's actions. Called once per run.</summary>
    public abstract void Initialize(AnalysisContext context);

    public override string ToString() => GetType().Name;
}
