using System.Reflection;
using System.Runtime.Loader;
using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Engine;

/// <summary>The analyzers found in teams' own assemblies, and the problems found while loading them (JSI0002).</summary>
public sealed record LoadedAnalyzers(IReadOnlyList<InfraAnalyzer> Analyzers, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// Loads custom analyzers from a team's assemblies, as Roslyn loads analyzer references. Each assembly gets its own
/// collectible <see cref="AssemblyLoadContext"/> that hands back the engine (and its YamlDotNet and Tomlyn) already
/// loaded, so <see cref="InfraAnalyzer"/> is the same type on both sides; the assembly's other dependencies are
/// resolved from its own folder. Every public, non-abstract <see cref="InfraAnalyzer"/> subclass with a public
/// parameterless constructor is instantiated. Custom IDs must not use the <c>JSI</c> prefix. Whatever goes wrong
/// (missing file, bad image, a constructor that throws, a JSI ID) becomes JSI0002 naming the assembly: never an exception.
/// </summary>
public static class AnalyzerAssemblyLoader
{
    /// <summary>The prefix reserved for the built-in rules.</summary>
    public const string ReservedPrefix = "JSI";

    public static LoadedAnalyzers Load(IEnumerable<string> assemblyPaths, string rootFullPath)
    {
        var analyzers = new List<InfraAnalyzer>();
        var problems = new List<Diagnostic>();
        foreach (string path in assemblyPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Path.GetFullPath(p.Trim())).Distinct(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            var location = new Location(Path.GetRelativePath(rootFullPath, path).Replace(Path.DirectorySeparatorChar, '/'), LinePositionSpan.FromLine(1, 1, 1));
            void Problem(string message) => problems.Add(Diagnostic.Create(EngineDescriptors.InvalidConfiguration, location, $"custom analyzer assembly {name}: {message}"));

            if (!File.Exists(path))
            {
                Problem("the file does not exist");
                continue;
            }

            Assembly assembly;
            Type[] types;
            try
            {
                // Loaded from memory, so the file is not locked by a long-lived build node and can be rebuilt.
                using (var image = new MemoryStream(File.ReadAllBytes(path)))
                {
                    assembly = new AnalyzerLoadContext(path).LoadFromStream(image);
                }

                types = assembly.GetExportedTypes();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Problem($"it could not be loaded ({ex.GetType().Name}){LoaderDetail(ex)}");
                continue;
            }

            int found = 0;
            foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (AnalyzerCatalog.AnalyzerConstructor(type) is not { } constructor)
                {
                    continue;
                }

                InfraAnalyzer analyzer;
                IReadOnlyList<DiagnosticDescriptor> supported;
                try
                {
                    analyzer = (InfraAnalyzer)constructor.Invoke(null);
                    supported = analyzer.SupportedDiagnostics;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Problem($"{type.FullName} could not be created ({(ex is TargetInvocationException { InnerException: { } inner } ? inner.GetType().Name : ex.GetType().Name)})");
                    continue;
                }

                var reserved = supported.Where(d => d.Id.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)).Select(d => d.Id).ToArray();
                if (reserved.Length > 0)
                {
                    Problem($"{type.FullName} declares {string.Join(", ", reserved)}; the {ReservedPrefix} prefix is reserved for the built-in rules, so the analyzer was not loaded (choose your own prefix)");
                    continue;
                }

                analyzers.Add(analyzer);
                found++;
            }

            if (found == 0 && !problems.Any(p => p.Message.StartsWith($"custom analyzer assembly {name}:", StringComparison.Ordinal)))
            {
                Problem("it contains no public, non-abstract InfraAnalyzer with a public parameterless constructor");
            }
        }

        return new LoadedAnalyzers(analyzers, problems);
    }

    private static string LoaderDetail(Exception ex) => ex switch
    {
        ReflectionTypeLoadException { LoaderExceptions: { Length: > 0 } loader } when loader[0] is { } first => $": {first.GetType().Name}",
        _ => string.Empty,
    };

    /// <summary>One analyzer assembly's context: the engine's assemblies are shared, the rest come from the analyzer's folder.</summary>
    private sealed class AnalyzerLoadContext : AssemblyLoadContext
    {
        private static readonly Assembly Engine = typeof(InfraAnalyzer).Assembly;
        private readonly string _directory;
        private readonly AssemblyDependencyResolver? _resolver;

        public AnalyzerLoadContext(string path)
            : base("InfraLint analyzer " + Path.GetFileName(path), isCollectible: true)
        {
            _directory = Path.GetDirectoryName(path)!;
            try
            {
                _resolver = new AssemblyDependencyResolver(path);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                _resolver = null;
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The engine and whatever its own context already loaded (YamlDotNet, Tomlyn) are shared, so the types match.
            if (AssemblyName.ReferenceMatchesDefinition(assemblyName, Engine.GetName()) || assemblyName.Name == Engine.GetName().Name)
            {
                return Engine;
            }

            var engineContext = GetLoadContext(Engine) ?? Default;
            if (Engine.GetReferencedAssemblies().Any(r => r.Name == assemblyName.Name))
            {
                try
                {
                    return engineContext.LoadFromAssemblyName(assemblyName);
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not one the engine can provide in this version: resolved from the analyzer's folder below.
                }
            }

            var shared = engineContext.Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName.Name);
            if (shared is not null)
            {
                return shared;
            }

            string? path = _resolver?.ResolveAssemblyToPath(assemblyName);
            if (path is null)
            {
                string candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
                path = File.Exists(candidate) ? candidate : null;
            }

            // Framework assemblies (and anything not found) fall back to the default context.
            if (path is null)
            {
                return null;
            }

            using var image = new MemoryStream(File.ReadAllBytes(path));
            return LoadFromStream(image);
        }
    }
}
