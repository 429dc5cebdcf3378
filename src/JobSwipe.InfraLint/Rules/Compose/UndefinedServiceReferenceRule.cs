using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Text;
using JobSwipe.InfraLint.Workspace;
using JobSwipe.InfraLint.Semantics.Compose;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2005: <c>depends_on</c>, <c>links</c>, <c>extends</c> (without <c>file:</c>), <c>network_mode: service:x</c> or
/// <c>volumes_from</c> naming a service that is defined nowhere in the merged project: not in the file, the files it
/// includes, nor the files it is used together with (<see cref="ComposeProjects"/>). Points at the name.
/// </summary>
public sealed class UndefinedServiceReferenceRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2005", "Reference to an undefined service",
        "service '{0}' refers to '{1}' in {2}, but no service of that name is defined{3}; define it or fix the name", DiagnosticCategories.Compose, DiagnosticSeverity.Error,
        "depends_on, links, extends, network_mode: service:… and volumes_from name a service that neither the file nor the files it is merged with define. Compose refuses to start the project.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        if (ComposeFacts.HasUnresolvedInclude(context.Repository, context.File, context.Model))
        {
            return;
        }

        HashSet<string>? defined = null;
        (CandidateProject? Project, HashSet<string>? Defined)? candidate = null;
        var reported = new HashSet<TextSpan>();
        foreach (var service in context.Model.Services)
        {
            foreach (var (name, span, where) in References(service))
            {
                if (name.Length == 0 || name.Contains('$', StringComparison.Ordinal))
                {
                    continue;
                }

                defined ??= [.. ComposeFacts.Scope(context.Repository, context.File, context.Model).SelectMany(f => f.Services).Select(s => s.Name)];
                if (!defined.Contains(name) && reported.Add(span))
                {
                    // A fragment whose project the repository does not show: a service only that project defines is a warning.
                    candidate ??= ComposeFacts.FindCandidateProject(context.Repository, context.File, context.Model) is { } project
                        ? (project, [.. project.Scope.SelectMany(f => f.Services).Select(s => s.Name)])
                        : (null, null);
                    if (candidate is ({ } fragmentOf, { } candidateDefined) && candidateDefined.Contains(name))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptor, context.GetLocation(span), service.Name, name, where, ComposeFacts.CandidateClause(fragmentOf))
                            .Lowered(DiagnosticSeverity.Warning));
                        continue;
                    }

                    // A service does not depend on itself: its own name is never the one meant (laradock's haproxy linking 'proxy').
                    string? suggestion = NameSuggestions.Closest(name, defined.Where(d => d != service.Name));
                    string clause = ComposeFacts.CombinedFilesClause(context.Repository, context.File) + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)");
                    context.Report(Descriptor, span, service.Name, name, where, clause);
                }
            }
        }
    }

    private static IEnumerable<(string Name, TextSpan Span, string Where)> References(ComposeService service)
    {
        foreach (var dependency in service.DependsOn)
        {
            yield return (dependency.Service.Value, dependency.Service.Span, "depends_on");
        }

        foreach (var link in service.Links)
        {
            int colon = link.Value.IndexOf(':', StringComparison.Ordinal);
            string name = colon < 0 ? link.Value : link.Value[..colon];
            yield return (name, link.Span, "links");
        }

        if (service.Extends is { File: null, Service: { } extended })
        {
            yield return (extended.Value, extended.Span, "extends");
        }

        if (service.NetworkMode is { } mode && mode.Value.StartsWith("service:", StringComparison.Ordinal))
        {
            yield return (mode.Value["service:".Length..], mode.ReportSpan, "network_mode");
        }

        foreach (var from in service.VolumesFrom)
        {
            if (from.Value.StartsWith("container:", StringComparison.Ordinal))
            {
                continue;
            }

            string value = from.Value.StartsWith("service:", StringComparison.Ordinal) ? from.Value["service:".Length..] : from.Value;
            int colon = value.IndexOf(':', StringComparison.Ordinal);
            yield return (colon < 0 ? value : value[..colon], from.Span, "volumes_from");
        }
    }
}
