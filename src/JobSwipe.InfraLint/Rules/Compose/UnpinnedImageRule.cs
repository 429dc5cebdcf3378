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
    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.UnpinnedImage];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction<ComposeFile>(FileKind.Compose, Analyze);

    private static void Analyze(FileAnalysisContext<ComposeFile> context)
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
                context.Report(Descriptors.UnpinnedImage, image.ReportSpan, value, service.Name, "has no tag (Compose pulls `latest`)");
            }
            else if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                int colon = value.LastIndexOf(':');
                var span = image.IsAlias ? image.ReportSpan : image.MapValueSpanToSource(colon + 1, value.Length - colon - 1);
                context.Report(Descriptors.UnpinnedImage, span, value, service.Name, "uses the `latest` tag");
            }
        }
    }
}
