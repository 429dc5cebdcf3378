using System.Text.RegularExpressions;

namespace JobSwipe.InfraLint.Semantics.Common;

/// <summary>
/// Shared judgements for every secret-bearing rule (JSI1008, JSI2003, JSI3009, JSI4008, JSI5002…): which variable
/// names denote secrets, which values are references rather than literals, which literals are well-known defaults,
/// and where a URL carries an inline password. Never returns or formats a secret value itself.
/// </summary>
public static partial class SecretHeuristics
{
    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "CREDENTIAL", "PRIVATE_KEY", "PRIVATEKEY", "API_KEY", "APIKEY", "ACCESS_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "AUTH_KEY", "MASTER_KEY", "CLIENT_SECRET"];

    // Suffixes naming something about a secret that is not the secret itself (a file holding it, its length, where to get one).
    private static readonly string[] NonSecretSuffixes = ["_FILE", "_PATH", "_DIR", "_URL", "_URI", "_ENDPOINT", "_HOST", "_PORT", "_NAME", "_ID", "_TTL", "_EXPIRY", "_EXPIRES", "_EXPIRE_SECONDS", "_EXPIRE_MINUTES", "_LENGTH", "_LEN", "_MIN_LENGTH", "_ALGORITHM", "_TYPE", "_HEADER", "_FIELD", "_ENABLED", "_REQUIRED", "_LIFETIME", "_VERSION", "_MOUNT", "_ROTATION_DAYS", "_REGION", "_PREFIX", "_TIMEOUT", "GPG_KEY", "PGP_KEY", "_FINGERPRINT", "_KEYRING", "_KEYSERVER", "_SHA256", "_SHA512", "_CHECKSUM", "_REALM"];

    /// <summary>True for names like <c>POSTGRES_PASSWORD</c>, <c>SECRET_KEY</c>, <c>VAULT_TOKEN</c>, <c>STRIPE_API_KEY</c>; false for <c>POSTGRES_PASSWORD_FILE</c>, <c>TOKEN_URL</c>, <c>AWS_ACCESS_KEY_ID</c>.</summary>
    public static bool IsSecretLikeName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        string upper = Normalize(name);
        foreach (string suffix in NonSecretSuffixes)
        {
            if (upper.EndsWith(suffix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (string word in SecretWords)
        {
            if (upper.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return upper.EndsWith("_KEY", StringComparison.Ordinal) && !upper.EndsWith("PUBLIC_KEY", StringComparison.Ordinal)
            || upper is "KEY" or "PWD" or "PASS" || upper.EndsWith("_PWD", StringComparison.Ordinal) || upper.EndsWith("_PASS", StringComparison.Ordinal);
    }

    /// <summary>True when the value is (or is entirely made of) an interpolation: <c>${VAR}</c>, <c>${VAR:-x}</c>, <c>$VAR</c>, <c>{{ secrets.X }}</c>.</summary>
    public static bool IsReference(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        return ReferencePattern().IsMatch(value.Trim());
    }

    /// <summary>True when the value contains an interpolation anywhere (so it is not a plain literal).</summary>
    public static bool ContainsReference(string? value) => value is not null && (value.Contains("${", StringComparison.Ordinal) || DollarVariable().IsMatch(value) || value.Contains("{{", StringComparison.Ordinal));

    private static readonly string[] HexSpeak = ["CAFE", "BABE", "DEAD", "BEEF", "FACE", "FEED", "C0DE", "D00D", "BAAD", "F00D"];

    /// <summary>
    /// True for a value that only stands in for a secret so that a build or a test passes a configuration check: a
    /// placeholder of the vocabulary (<see cref="IsPlaceholder"/>, <c>build-time-placeholder</c>), <c>test</c>, a URL to a service on localhost
    /// (<c>postgres://user:password@localhost/db</c>), short hex-speak (<c>CAFEBABE</c>) or the counting sequence
    /// <c>0123456789abcdef…</c>.
    /// </summary>
    public static bool IsBuildPlaceholder(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string v = value.Trim().Trim('"', '\'');
        string lower = v.ToLowerInvariant();
        return IsPlaceholder(v)
            || lower is "test" or "testing" or "tests"
            || hasScheme(v) && LocalhostAddress().IsMatch(v)
            || v.Length <= 16 && v.All(char.IsAsciiHexDigitUpper) && HexSpeak.Any(w => v.Contains(w, StringComparison.Ordinal))
            || lower.Length >= 16 && "0123456789abcdef".StartsWith(lower[..16], StringComparison.Ordinal) && lower.All(char.IsAsciiHexDigit);

        static bool hasScheme(string text) => text.Contains("://", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for a value that is the path of a file, not its contents: <c>GOOGLE_APPLICATION_CREDENTIALS=/run/app/key.json</c>,
    /// <c>SSL_PRIVATE_KEY=./certs/server.key</c>. An absolute, <c>./</c>, <c>../</c> or <c>~/</c> path of at least two
    /// segments, each of path characters, whose last segment has a file extension or whose segments are all lower case (a
    /// random base64 value with slashes mixes cases and has no extension).
    /// </summary>
    public static bool IsFilePath(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string v = value.Trim().Trim('"', '\'');
        if (!(v.StartsWith('/') || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)))
        {
            return false;
        }

        string[] segments = v.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments.All(s => s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '~' or '@'))
            && (FileExtension().IsMatch(segments[^1]) || segments.All(s => !s.Any(char.IsAsciiLetterUpper)));
    }

    /// <summary>
    /// When the literal is a well-known default or development credential, a short plain description of it (never the
    /// value itself): "the image's default", "a development placeholder", …; otherwise null.
    /// </summary>
    public static string? DescribeKnownDefault(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string v = value.Trim().Trim('"', '\'').ToLowerInvariant();
        return v switch
        {
            "postgres" or "mysql" or "root" or "minioadmin" or "guest" or "admin" or "elastic" or "neo4j" or "rabbitmq" or "redis" or "sa"
                => "a well-known default credential",
            "password" or "passw0rd" or "password1" or "password123" or "secret" or "changeme" or "change-me" or "change_me" or "changeit" or "test" or "example" or "default" or "letmein" or "123456" or "12345678" or "qwerty"
                => "a well-known weak or default value",
            _ when v.StartsWith("dev-", StringComparison.Ordinal) || v.StartsWith("dev_", StringComparison.Ordinal) || v.Contains("change-in-production", StringComparison.Ordinal) || v.Contains("change_in_production", StringComparison.Ordinal) || v.Contains("changeme", StringComparison.Ordinal) || v.StartsWith("insecure", StringComparison.Ordinal) || v.StartsWith("django-insecure", StringComparison.Ordinal)
                => "a development placeholder",
            _ => null,
        };
    }

    /// <summary>
    /// Finds an inline password in a URL (<c>postgresql://user:pass@host/db</c>). Returns the offset and length of the
    /// password within <paramref name="value"/>, or null when there is none or it is an interpolation.
    /// </summary>
    public static (int Start, int Length)? FindUrlPassword(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = UrlPassword().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var group = match.Groups["password"];
        if (group.Length == 0 || ContainsReference(group.Value) || IsPlaceholder(group.Value) || group.Value is "*" or "***" or "****")
        {
            return null;
        }

        return (group.Index, group.Length);
    }

    /// <summary>
    /// For JSI5002: when <paramref name="value"/> assigned to <paramref name="name"/> is a development value that must
    /// not reach production, a plain description of it (never the value); otherwise null. Development placeholders
    /// (<c>dev-…</c>, <c>changeme</c>, <c>…change-in-production</c>, <c>minioadmin</c>) count under any name; well-known
    /// default credentials (<c>postgres</c>, <c>admin</c>, <c>password</c>) only under a secret-like name; a URL pointing at
    /// <c>localhost</c>/<c>127.0.0.1</c> under a service-address name, or a bare <c>host:port</c> there under a URL-like name.
    /// </summary>
    public static string? DescribeDevelopmentValue(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || ContainsReference(value))
        {
            return null;
        }

        string v = value.Trim();
        string? known = DescribeKnownDefault(v);
        string lower = v.ToLowerInvariant();
        string upper = Normalize(name);
        bool credentialName = IsSecretLikeName(name) || upper.EndsWith("ACCESS_KEY", StringComparison.Ordinal) || upper.EndsWith("ACCESS_KEY_ID", StringComparison.Ordinal)
            || upper.EndsWith("_USER", StringComparison.Ordinal) && lower == "minioadmin";
        bool devPrefixOnly = lower.StartsWith("dev-", StringComparison.Ordinal) || lower.StartsWith("dev_", StringComparison.Ordinal);
        bool unmistakable = lower.Contains("changeme", StringComparison.Ordinal) || lower.Contains("change-in-production", StringComparison.Ordinal) || lower.Contains("change_in_production", StringComparison.Ordinal)
            || lower.StartsWith("insecure", StringComparison.Ordinal) || lower.StartsWith("django-insecure", StringComparison.Ordinal) || lower is "minioadmin" or "change-me" or "change_me" or "changeit";
        if (unmistakable || known == "a development placeholder" && devPrefixOnly && credentialName)
        {
            return "a development placeholder";
        }

        // Other placeholders (<your-key>, replace-me-with-…, xxxx) are JSI4012's business when loaded into secrets.
        if (IsPlaceholder(v))
        {
            return null;
        }

        if (known is not null && known != "a development placeholder" && credentialName)
        {
            return known;
        }

        // With a scheme the value is a service URL; without one only URL-like names count (FOO_HOST=127.0.0.1 and
        // LISTEN_ADDR=127.0.0.1:8080 are usually bind addresses, and services on the same VM are legitimate there).
        bool hasScheme = v.Contains("://", StringComparison.Ordinal);
        if (LocalhostAddress().IsMatch(v) && (hasScheme ? IsServiceAddressName(upper) : IsUrlName(upper)))
        {
            return "a localhost service address";
        }

        return null;
    }

    private static bool IsUrlName(string upper) =>
        upper.EndsWith("_URL", StringComparison.Ordinal) || upper.EndsWith("_URI", StringComparison.Ordinal) || upper.EndsWith("_ENDPOINT", StringComparison.Ordinal)
        || upper.EndsWith("_DSN", StringComparison.Ordinal) || upper is "URL" or "DSN";

    private static bool IsServiceAddressName(string upper) =>
        upper.EndsWith("_URL", StringComparison.Ordinal) || upper.EndsWith("_URI", StringComparison.Ordinal) || upper.EndsWith("_ADDR", StringComparison.Ordinal)
        || upper.EndsWith("_ADDRESS", StringComparison.Ordinal) || upper.EndsWith("_HOST", StringComparison.Ordinal) || upper.EndsWith("_ENDPOINT", StringComparison.Ordinal)
        || upper.EndsWith("_DSN", StringComparison.Ordinal) || upper.EndsWith("_SERVER", StringComparison.Ordinal) || upper is "URL" or "HOST" or "DSN";

    private static string Normalize(string name) => name.Trim().ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    [GeneratedRegex(@"^[^.]+\.[a-z][a-z0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|\$\(\s*cat\s[^)]*\))$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.\-]*://(?:[^@/\s]*@)?)?(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:[/?#].*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LocalhostAddress();

    [GeneratedRegex(@"\$[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex DollarVariable();

    // The scheme starts at the first letter of its run (the look-behind): started at every letter of a long run without
    // "://" (a base64 value), the scheme re-read the rest of the run from each. The same matches, at the same places.
    [GeneratedRegex(@"(?<=(?:^|[^A-Za-z0-9+.\-])[0-9+.\-]*)[A-Za-z][A-Za-z0-9+.\-]*://(?<user>[^:/@\s]*):(?<password>[^@/\s]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
