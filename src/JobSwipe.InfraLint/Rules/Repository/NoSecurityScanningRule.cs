using JobSwipe.InfraLint.Analysis;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Rules.RepositoryRules;

/// <summary>JSI7005: Dockerfiles but no image or dependency scanning in CI or scripts, and no Dependabot (docker) or Renovate.</summary>
public sealed class NoSecurityScanningRule : InfraAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "JSI7005", "No security scanning",
        "container images are built here ({0}) but nothing scans them or their dependencies; add an image scan (Trivy, Grype, Docker Scout, Snyk) to CI or enable Dependabot or Renovate for docker", DiagnosticCategories.Repository, DiagnosticSeverity.Warning,
        "Dockerfiles exist but no CI job or script runs a scanner (Trivy, Grype, Snyk, Docker Scout, CodeQL, Anchore, Clair, OSV-Scanner, pip-audit, npm audit, safety) and no Dependabot configuration covers the docker ecosystem and no Renovate configuration exists.");

    /// <summary>Scanner names and actions, as they appear in CI steps or scripts (lower case).</summary>
    internal static readonly string[] Scanners = ["trivy", "grype", "snyk", "docker scout", "docker/scout-action", "codeql", "anchore", "clair", "osv-scanner", "pip-audit", "npm audit", "yarn audit", "pnpm audit", "safety check", "safety scan", "dependency-check", "xray", "sonarqube-scan", "aquasecurity/", "wiz ", "govulncheck", "gosec", "cargo audit", "cargo deny", "bundle audit", "bundler-audit", "semgrep"];

    internal static readonly string[] ScannerFiles = [".trivyignore", "trivy.yaml", ".snyk", ".grype.yaml", "renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json", ".github/renovate.json5", ".gitlab/renovate.json"];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterRepositoryAction(ctx =>
    {
        var evidence = RepositoryEvidence.For(ctx.Repository);
        if (evidence.Dockerfiles.Count == 0 || HasScanning(evidence))
        {
            return;
        }

        string built = evidence.Dockerfiles.Count == 1 ? "1 Dockerfile" : $"{evidence.Dockerfiles.Count} Dockerfiles";
        ctx.ReportDiagnostic(DeploymentContext.ForRepositoryKind(Diagnostic.Create(Descriptor, Location.Repository, built), ctx.Repository));
    });

    internal static bool HasScanning(RepositoryEvidence evidence)
    {
        if (ScannerFiles.Any(evidence.Repository.FileExists))
        {
            return true;
        }

        if (RepositoryEvidence.AnyContains(evidence.CiTexts, Scanners) || RepositoryEvidence.AnyContains(evidence.ScriptTexts, Scanners))
        {
            return true;
        }

        // Dependabot keeps base images patched only when it covers the docker ecosystem.
        foreach (string path in new[] { ".github/dependabot.yml", ".github/dependabot.yaml" })
        {
            if (evidence.Repository.GetFile(path) is { } file && evidence.Repository.GetText(file) is { } text
                && System.Text.RegularExpressions.Regex.IsMatch(text.Content, @"package-ecosystem:\s*[""']?docker(-compose)?[""']?\s*$", System.Text.RegularExpressions.RegexOptions.Multiline))
            {
                return true;
            }
        }

        return false;
    }
}
