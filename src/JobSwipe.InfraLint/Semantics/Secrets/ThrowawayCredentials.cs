using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Semantics.Secrets;

/// <summary>
/// Where a credential only ever reaches a throwaway service: a CI workflow that starts its own services and deploys
/// nothing (the database password of a service container, the app's session key under <c>NODE_ENV: test</c>), a
/// package.json script (developers' tooling: <c>docker run --rm -e MYSQL_ROOT_PASSWORD=… mariadb</c>), a database seed
/// script, and the private key of a certificate for localhost or reserved test names. Values found there by their name or position are
/// test and development values; a documented provider format is judged as anywhere else.
/// </summary>
public static partial class ThrowawayCredentials
{
    private static readonly string[] SeedFolders = ["seed", "seeds", "seeders", "seed-data", "seed_data", "seeding"];

    // Keys for the developer's own machine, and keys published as insecure on purpose (Vagrant's insecure_private_key,
    // a dev container's insecure_id_rsa): the same for every install, so never a secret.
    private static readonly string[] LocalKeyWords = ["localhost", "snakeoil", "selfsigned", "self-signed", "self_signed", "devcert", "dev-cert", "dev_cert", "insecure"];

    /// <summary>
    /// True for a CI workflow that deploys nothing and runs against services it starts itself: job service containers,
    /// <c>docker run</c> / <c>docker compose up</c>, services on localhost, or a test environment
    /// (<c>NODE_ENV: test</c>, <c>RAILS_ENV=test</c>, …).
    /// </summary>
    public static bool IsSelfContainedTestWorkflow(WorkspaceFile file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        if (!RepositoryEvidence.IsCiFile(file))
        {
            return false;
        }

        string lower = text.ToLowerInvariant();
        return !DeploymentContext.RunsDeploy(lower) && OwnServices().IsMatch(lower);
    }

    /// <summary>
    /// True when <paramref name="offset"/> lies in a value of a package.json <c>scripts</c> entry whose name does not say
    /// prod, deploy, release or publish: npm scripts are developers' tooling.
    /// </summary>
    public static bool IsInDeveloperScript(WorkspaceFile file, string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        if (file.Name != "package.json" || !text.Contains("\"scripts\"", StringComparison.Ordinal))
        {
            return false;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        long at = Encoding.UTF8.GetByteCount(text.AsSpan(0, Math.Clamp(offset, 0, text.Length)));
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            int scriptsDepth = -1;
            string? key = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        key = reader.GetString();
                        break;
                    case JsonTokenType.StartObject when key == "scripts" && reader.CurrentDepth == 1:
                        scriptsDepth = reader.CurrentDepth;
                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == scriptsDepth:
                        scriptsDepth = -1;
                        break;
                    case JsonTokenType.String when scriptsDepth >= 0 && reader.CurrentDepth == scriptsDepth + 1:
                        if (reader.TokenStartIndex <= at && at < reader.TokenStartIndex + reader.ValueSpan.Length + 2)
                        {
                            return key is not null && !ReleaseScriptName().IsMatch(key);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not valid JSON: not judged as a script.
        }

        return false;
    }

    /// <summary>True for a database seed script or seed data (<c>prisma/seed.ts</c>, <c>db/seeds.rb</c>, <c>seeders/…</c>, <c>populate.ts</c>).</summary>
    public static bool IsSeedData(WorkspaceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string lower = file.RelativePath.ToLowerInvariant();
        string name = Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant();
        return name is "seed" or "seeds" or "populate" || name.StartsWith("seed-", StringComparison.Ordinal) || name.StartsWith("seed_", StringComparison.Ordinal)
            || name.StartsWith("populate-", StringComparison.Ordinal) || name.StartsWith("populate_", StringComparison.Ordinal)
            || lower.Split('/')[..^1].Any(s => SeedFolders.Contains(s));
    }

    /// <summary>
    /// True for a key file named for a localhost, self-signed or "snakeoil" certificate (<c>localhost.pem</c>,
    /// <c>certs/localhost-key.pem</c>, <c>ssl-cert-snakeoil.key</c>), a key that can only impersonate the developer's own
    /// machine, or for a key published as insecure (<c>insecure_id_rsa</c>, <c>insecure_private_key</c>).
    /// </summary>
    public static bool IsLocalCertificateKey(WorkspaceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string lower = file.RelativePath.ToLowerInvariant();
        return LocalKeyWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// <see cref="IsLocalCertificateKey(WorkspaceFile)"/>, or a key beside a certificate that only names the developer's
    /// machine or reserved test names: every server certificate (not a CA) in the same text, or when the text has none
    /// in the file of the same name with <c>.crt</c>, <c>.pem</c> or <c>.cert</c> (<c>dev/app-dev.key</c> and
    /// <c>dev/app-dev.crt</c>), names only <c>localhost</c>, loopback addresses or names under the reserved
    /// <c>.test</c>, <c>.example</c>, <c>.invalid</c>, <c>.localhost</c> and <c>example.com/.net/.org</c> (RFC 2606, 6761).
    /// Such a certificate cannot be trusted for any host on the internet, so its key impersonates nothing.
    /// </summary>
    public static bool IsLocalCertificateKey(Repository repository, WorkspaceFile file, string? text)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(file);
        if (IsLocalCertificateKey(file))
        {
            return true;
        }

        if (text is not null && NamesOnlyLocalHosts(text) is { } inText)
        {
            return inText;
        }

        string stem = Path.GetFileNameWithoutExtension(file.Name);
        foreach (string extension in CertificateExtensions)
        {
            string sibling = file.Directory.Length == 0 ? stem + extension : file.Directory + "/" + stem + extension;
            if (sibling != file.RelativePath && repository.GetFile(sibling) is { } certificate && repository.ReadText(certificate) is { } certificateText
                && NamesOnlyLocalHosts(certificateText.Content) is { } beside)
            {
                return beside;
            }
        }

        return false;
    }

    private static readonly string[] CertificateExtensions = [".crt", ".pem", ".cert"];

    private static readonly string[] ReservedSuffixes = [".test", ".example", ".invalid", ".localhost", ".example.com", ".example.net", ".example.org"];

    /// <summary>
    /// Whether the server certificates (not CAs) of a PEM text all name only local or reserved hosts; null when the text
    /// holds no readable server certificate.
    /// </summary>
    private static bool? NamesOnlyLocalHosts(string text)
    {
        bool any = false;
        int at = 0;
        while ((at = text.IndexOf(CertificateBegin, at, StringComparison.Ordinal)) >= 0)
        {
            int body = at + CertificateBegin.Length;
            int end = text.IndexOf(CertificateEnd, body, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            at = end + CertificateEnd.Length;
            if (Load(text.AsSpan(body, end - body)) is not { } certificate)
            {
                continue;
            }

            using (certificate)
            {
                if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
                {
                    continue;
                }

                var names = new List<string>();
                foreach (var alternative in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
                {
                    names.AddRange(alternative.EnumerateDnsNames());
                    names.AddRange(alternative.EnumerateIPAddresses().Select(a => a.ToString()));
                }

                if (names.Count == 0 && certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } commonName)
                {
                    names.Add(commonName);
                }

                if (names.Count == 0 || !names.All(IsLocalName))
                {
                    return false;
                }

                any = true;
            }
        }

        return any ? true : null;
    }

    private const string CertificateBegin = "-----BEGIN CERTIFICATE-----";
    private const string CertificateEnd = "-----END CERTIFICATE-----";

    private static X509Certificate2? Load(ReadOnlySpan<char> base64)
    {
        var compact = new StringBuilder(base64.Length);
        foreach (char c in base64)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                compact.Append(c);
            }
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(compact.ToString()));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static bool IsLocalName(string name)
    {
        string lower = name.Trim().TrimEnd('.').ToLowerInvariant();
        return lower is "localhost" or "example.com" or "example.net" or "example.org"
            || ReservedSuffixes.Any(s => lower.EndsWith(s, StringComparison.Ordinal))
            || IPAddress.TryParse(lower, out var address) && IPAddress.IsLoopback(address);
    }

    // Job service containers, containers and stacks the steps start, services on localhost, a test environment.
    // The indented "services:" is found first and the white space before it read backwards once ("^\s+services:" read a
    // run of blank lines again from each of its lines: quadratic); the same lines match.
    [GeneratedRegex(@"(?<=^\s+)services:\s*$|\bdocker run\b|\bdocker[ -]compose\b[^\n]*\bup\b|://(?:localhost|127\.0\.0\.1)\b|\b(?:node_env|rails_env|app_env|rack_env|mix_env|flask_env|environment)\s*[:=]\s*[""']?(?:test|testing|ci)\b", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex OwnServices();

    [GeneratedRegex(@"prod|deploy|release|publish", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseScriptName();
}
