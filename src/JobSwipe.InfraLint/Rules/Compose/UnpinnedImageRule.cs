using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Compose;
using JobSwipe.InfraLint.Syntax.Containers;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Rules.Compose;

/// <summary>
/// JSI2008: a service image without a tag or with <c>:latest</c>. Quiet for digests, interpolated names
/// (<c>${REGISTRY}/app:${TAG}</c>) and services with <c>build:</c> (there <c>image</c> names the built result).
/// Points at the tag (or the image when there is none).
/// </summary>
public sealed class UnpinnedImageRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI2008", "Image without a pinned tag",
        "image '{0}' of service '{1}' {2}; pin a version tag (or a digest) so that every pull gets the same image", DiagnosticCategories.Compose, DiagnosticSeverity.Info,
        "An image without a tag, or with `latest`, changes under you: a pull or a new host silently runs another version.",
        productionSeverity: DiagnosticSeverity.Warning);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeDocument>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeDocument> context)
    {
        foreach (var service in context.Model.Services)
        {
            if (service.Image is not { IsNull: false } image || service.Build is not null)
            {
                continue;
            }

            string value = image.Value;
            if (value.Contains('$', StringComparison.Ordinal) || ImageReference.Parse(value) is not { HasDigest: false } reference)
            {
                continue;
            }

            if (reference.Tag is not { } tag)
            {
                context.Report(Descriptor, image.ReportSpan, value, service.Name, "has no tag (Compose pulls `latest`)");
            }
            else if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                int colon = value.LastIndexOf(':');
                var span = image.IsAlias ? image.ReportSpan : image.MapValueSpanToSource(colon + 1, value.Length - colon - 1);
                context.Report(Descriptor, span, value, service.Name, "uses the `latest` tag");
            }
        }
    }
}
