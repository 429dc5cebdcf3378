using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>What a file action sees: the file, its parsed model, the repository for cross-file lookups, and a sink.</summary>
public sealed class FileAnalysisContext<TModel>
    where TModel : class, ISyntaxModel
{
    private readonly InfraAnalyzer _analyzer;
    private readonly Action<Diagnostic> _report;

    internal FileAnalysisContext(InfraAnalyzer analyzer, WorkspaceFile file, TModel model, Repository repository, Action<Diagnostic> report)
    {
        _analyzer = analyzer;
        File = file;
        Model = model;
        Repository = repository;
        _report = report;
    }

    public WorkspaceFile File { get; }

    public TModel Model { get; }

    public Repository Repository { get; }

    /// <summary>A location in this file from a span of its text.</summary>
    public Location GetLocation(TextSpan span) => Location.Create(File.RelativePath, Model.Text, span);

    /// <summary>Reports a finding; its descriptor must be one of the analyzer's <see cref="InfraAnalyzer.SupportedDiagnostics"/>.</summary>
    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        AnalysisGuards.EnsureSupported(_analyzer, diagnostic);
        _report(diagnostic);
    }

    /// <summary>Shorthand: reports <paramref name="descriptor"/> at <paramref name="span"/> of this file.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] messageArgs) =>
        ReportDiagnostic(Diagnostic.Create(descriptor, GetLocation(span), messageArgs));

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="span"/>, at info when <paramref name="lowered"/> (see <see cref="Diagnostic.Lowered"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, bool lowered, params object?[] messageArgs)
    {
        var diagnostic = Diagnostic.Create(descriptor, GetLocation(span), messageArgs);
        ReportDiagnostic(lowered ? diagnostic.Lowered() : diagnostic);
    }

    /// <summary>
    /// Reports one problem seen in several places of this file as one finding: at <paramref name="spans"/>' first, the
    /// others as its additional locations (a suppression at any of them silences it).
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, IReadOnlyList<TextSpan> spans, params object?[] messageArgs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(spans.Count);
        ReportDiagnostic(Diagnostic.Create(descriptor, GetLocation(spans[0]), [.. spans.Skip(1).Select(GetLocation)], messageArgs));
    }
}

/// <summary>What a repository action sees: every file and model, and a sink.</summary>
public sealed class RepositoryAnalysisContext
{
    private readonly InfraAnalyzer _analyzer;
    private readonly Action<Diagnostic> _report;

    internal RepositoryAnalysisContext(InfraAnalyzer analyzer, Repository repository, Action<Diagnostic> report)
    {
        _analyzer = analyzer;
        Repository = repository;
        _report = report;
    }

    public Repository Repository { get; }

    public void ReportDiagnostic(Diagnostic diagnostic)
    {
        AnalysisGuards.EnsureSupported(_analyzer, diagnostic);
        _report(diagnostic);
    }
}

internal static class AnalysisGuards
{
    public static void EnsureSupported(InfraAnalyzer analyzer, Diagnostic diagnostic)
    {
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            if (ReferenceEquals(descriptor, diagnostic.Descriptor) || descriptor.Id == diagnostic.Id)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{analyzer.GetType().Name} reported {diagnostic.Id}, which is not among its SupportedDiagnostics.");
    }
}
