using JobSwipe.InfraLint.Diagnostics;

namespace JobSwipe.InfraLint.Analysis;

/// <summary>
/// The built-in analyzers, discovered as the engine discovers a team's own (see <c>AnalyzerAssemblyLoader</c>): every
/// public, non-abstract <see cref="InfraAnalyzer"/> of this assembly with a public parameterless constructor, each
/// holding its descriptor beside its logic. Adding a rule is adding its class; nothing lists it a second time.
/// Ordered by the ID of each analyzer's first descriptor.
/// </summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<IReadOnlyList<InfraAnalyzer>> Analyzers = new(Discover);
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> Descriptors = new(() =>
        [.. EngineDescriptors.Concat(BuiltIn.SelectMany(a => a.SupportedDiagnostics)).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)]);

    /// <summary>Every built-in analyzer, created on first use.</summary>
    public static IReadOnlyList<InfraAnalyzer> BuiltIn => Analyzers.Value;

    /// <summary>The engine's own descriptors (JSI0xxx), reported by the runner rather than by an analyzer.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> EngineDescriptors => Diagnostics.EngineDescriptors.All;

    /// <summary>Every built-in descriptor: the engine's and the analyzers', in ID order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors => Descriptors.Value;

    /// <summary>
    /// The analyzer a type of an assembly offers: a public, non-abstract <see cref="InfraAnalyzer"/> subclass with a public
    /// parameterless constructor (that constructor), or null. One rule for the built-in catalog and for teams' assemblies.
    /// </summary>
    public static System.Reflection.ConstructorInfo? AnalyzerConstructor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(InfraAnalyzer)) ? type.GetConstructor(Type.EmptyTypes) : null;
    }

    private static IReadOnlyList<InfraAnalyzer> Discover() =>
        [.. typeof(InfraAnalyzer).Assembly.GetExportedTypes()
            .Select(AnalyzerConstructor)
            .OfType<System.Reflection.ConstructorInfo>()
            .Select(c => (InfraAnalyzer)c.Invoke(null))
            .OrderBy(a => a.SupportedDiagnostics[0].Id, StringComparer.Ordinal)];
}
