using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2007: a named volume, network, secret or config used by a service and not declared at top level anywhere in the
/// merged project (the file, the files it includes, the files it is used together with: <see cref="ComposeProjects"/>). The implicit <c>default</c> network and
/// interpolated names are not judged. Points at the name in the service.
/// </summary>
public sealed class UndeclaredResourceRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2007", "Named resource not declared",
        "service '{0}' uses the {1} '{2}', which is not declared under the top-level `{3}:` key{4}; declare it there", DiagnosticCategories.Compose, DiagnosticSeverity.Error,
        "A named volume, network, secret or config used by a service must be declared at the top level of the file or of a file it is merged with; Compose refuses to start the project otherwise.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        if (ComposeFacts.HasUnresolvedInclude(context.Repository, context.File, context.Model))
        {
            return;
        }

        Dictionary<string, HashSet<string>>? declared = null;
        (CandidateProject? Project, Dictionary<string, HashSet<string>>? Declared)? candidate = null;
        var reported = new HashSet<TextSpan>();
        foreach (var service in context.Model.Services)
        {
            foreach (var (kind, name, span) in Uses(service))
            {
                if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal) || (kind == "networks" && name == "default"))
                {
                    continue;
                }

                declared ??= Declared(ComposeFacts.Scope(context.Repository, context.File, context.Model));
                if (!declared[kind].Contains(name) && reported.Add(span))
                {
                    // A fragment whose project the repository does not show: a name only that project declares is a warning.
                    candidate ??= ComposeFacts.FindCandidateProject(context.Repository, context.File, context.Model) is { } project
                        ? (project, Declared(project.Scope))
                        : (null, null);
                    if (candidate is ({ } fragmentOf, { } candidateDeclared) && candidateDeclared[kind].Contains(name))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.GetLocation(span), service.Name, kind.TrimEnd('s'), name, kind, ComposeFacts.CandidateClause(fragmentOf))
                            .Lowered(DiagnosticSeverity.Warning));
                        continue;
                    }

                    context.Report(Descriptor, span, service.Name, kind.TrimEnd('s'), name, kind, ComposeFacts.CombinedFilesClause(context.Repository, context.File));
                }
            }
        }
    }

    private static Dictionary<string, HashSet<string>> Declared(IEnumerable<ComposeDocument> scope)
    {
        var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["volumes"] = new(StringComparer.Ordinal),
            ["networks"] = new(StringComparer.Ordinal),
            ["secrets"] = new(StringComparer.Ordinal),
            ["configs"] = new(StringComparer.Ordinal),
        };
        foreach (var file in scope)
        {
            declared["volumes"].UnionWith(file.Volumes.Select(d => d.Name));
            declared["networks"].UnionWith(file.Networks.Select(d => d.Name));
            declared["secrets"].UnionWith(file.Secrets.Select(d => d.Name));
            declared["configs"].UnionWith(file.Configs.Select(d => d.Name));
        }

        return declared;
    }

    private static IEnumerable<(string Kind, string Name, TextSpan Span)> Uses(ComposeService service)
    {
        foreach (var volume in service.Volumes)
        {
            if (volume.Kind == ComposeVolumeKind.Named && volume.Source is { } source)
            {
                yield return ("volumes", source.Value, source.Span);
            }
        }

        if (service.NetworkMode is null)
        {
            foreach (var network in service.Networks)
            {
                yield return ("networks", network.Name.Value, network.Name.Span);
            }
        }

        foreach (var secret in service.Secrets)
        {
            yield return ("secrets", secret.Name.Value, secret.Name.Span);
        }

        foreach (var config in service.Configs)
        {
            yield return ("configs", config.Name.Value, config.Name.Span);
        }
    }
}
