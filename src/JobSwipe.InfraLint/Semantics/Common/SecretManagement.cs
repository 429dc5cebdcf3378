using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Diagnostics;
using JobSwipe.InfraLint.Syntax.Shell;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>Where the repository manages secrets, for JSI5007 and JSI5008: Fly secrets commands and Vault usage.</summary>
public static partial class SecretManagement
{
    /// <summary>The first <c>fly secrets set</c> (preferred) or <c>fly secrets import</c> command in a script, or a CI file that runs one.</summary>
    public static Location? FindFlySecrets(RepositoryEvidence evidence)
    {
        Location? import = null;
        foreach (var (file, script) in evidence.Scripts())
        {
            foreach (var command in script.AllCommands.OfType<SimpleCommand>())
            {
                var args = command.Arguments;
                if (command.NameValue is "fly" or "flyctl" && args.Count >= 2 && args[0].Value == "secrets" && args[1].Value is "set" or "import")
                {
                    var location = Location.Create(file.RelativePath, script.Text, TextSpan.FromBounds(command.Name!.Span.Start, args[1].Span.End));
                    if (args[1].Value == "set")
                    {
                        return location;
                    }

                    import ??= location;
                }
            }
        }

        if (import is not null)
        {
            return import;
        }

        var ci = evidence.CiTexts.FirstOrDefault(t => FlySecretsInText().IsMatch(t.Lower));
        return ci is null ? null : evidence.FileLocation(ci.File);
    }

    /// <summary>Where Vault is used: a compose service running the Vault image, a Vault server configuration, or the first VAULT_ADDR/VAULT_URL. Also a description for messages.</summary>
    public static (Location Location, string Description)? FindVault(RepositoryEvidence evidence)
    {
        // The base compose file (docker-compose.yml) before its environment variants.
        var service = evidence.ComposeImages.Where(i => i.Repository is "vault" or "hashicorp/vault")
            .OrderBy(i => i.File.Name.Length).ThenBy(i => i.File.RelativePath, StringComparer.Ordinal).FirstOrDefault();
        if (service is not null)
        {
            return (Location.Create(service.File.RelativePath, service.Text, service.ServiceSpan), $"service '{service.Service}' of {service.File.RelativePath} runs the Vault image");
        }

        var index = EnvironmentVariableIndex.For(evidence.Repository);
        var first = index.Occurrences.FirstOrDefault(o => o.Name is "VAULT_ADDR" or "VAULT_URL" or "VAULT_API_ADDR");
        if (first is not null)
        {
            return (first.Location, $"{first.Name} in {first.File.RelativePath}");
        }

        var config = evidence.HclTexts.FirstOrDefault(t => t.Lower.Contains("listener \"tcp\"", StringComparison.Ordinal) && t.Lower.Contains("storage", StringComparison.Ordinal));
        return config is null ? null : (evidence.FileLocation(config.File), $"Vault server configuration {config.File.RelativePath}");
    }

    /// <summary>True when a script or CI job enables a Vault audit device, or an HCL/Terraform file declares one.</summary>
    public static bool HasVaultAudit(RepositoryEvidence evidence) =>
        RepositoryEvidence.AnyContains(evidence.ScriptTexts, "vault audit enable", "sys/audit/")
        || RepositoryEvidence.AnyContains(evidence.CiTexts, "vault audit enable", "sys/audit/")
        || RepositoryEvidence.AnyContains(evidence.ComposeTexts, "vault audit enable")
        || evidence.HclTexts.Any(t => AuditStanza().IsMatch(t.Lower));

    /// <summary>True when a rotation procedure exists: a document or script whose path mentions rotation, a document heading about it, or a scheduled CI workflow that rotates.</summary>
    public static bool HasRotationProcedure(RepositoryEvidence evidence)
    {
        foreach (var file in evidence.Repository.Files)
        {
            string lower = file.RelativePath.ToLowerInvariant();
            if (lower.Contains("rotat", StringComparison.Ordinal) && (RepositoryEvidence.IsDocument(file) || RepositoryEvidence.IsCiFile(file) || file.Kind == Workspace.FileKind.ShellScript))
            {
                return true;
            }
        }

        return evidence.DocTexts.Any(t => RotationHeading().IsMatch(t.Lower))
            || evidence.CiTexts.Any(t => t.Lower.Contains("schedule", StringComparison.Ordinal) && t.Lower.Contains("rotat", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\bfly(?:ctl)?\s+secrets\s+(?:set|import)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FlySecretsInText();

    // "audit" is found first and the white space before it read backwards once: "(^|\n)\s*audit" read a run of blank
    // lines again from each of its line breaks (quadratic). The same texts match.
    [GeneratedRegex(@"(?<=(?:^|\n)\s*)audit\s*(""[^""]*""\s*)*\{|resource\s+""vault_audit""", RegexOptions.CultureInvariant)]
    private static partial Regex AuditStanza();

    [GeneratedRegex(@"(^|\n)[ \t]{0,3}#{1,6}[^\n]*rotat|(^|\n)[^\n]*rotat[^\n]*\n(=+|-+)[ \t]*(\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RotationHeading();
}
