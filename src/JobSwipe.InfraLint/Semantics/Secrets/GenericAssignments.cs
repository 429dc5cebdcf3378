using System.Text.Json;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Semantics.Common;

namespace JobSwipe.InfraLint.Semantics.Secrets;

/// <summary>
/// The generic detector: a literal assigned to a secret-like name (<see cref="SecretHeuristics.IsSecretLikeName"/>) in
/// any syntax: <c>NAME=value</c> (env, INI, properties, shell), <c>name: value</c> (YAML), <c>"name": "value"</c>
/// (JSON), <c>name = "value"</c> (TOML, code), <c>&lt;name&gt;value&lt;/name&gt;</c> and <c>name="value"</c> (XML).
/// A value counts only when it could be a secret: long enough, random enough for its alphabet (Shannon entropy per
/// character class), and none of what is not one: a placeholder of the shared vocabulary, a reference to a variable or
/// a secret store, a path, a URL without credentials, a UUID, a hash of a well-known test vector, a word or identifier.
/// </summary>
internal static partial class GenericAssignments
{
    /// <summary>The prefilter's keywords: every secret-like name contains one of them.</summary>
    public static readonly string[] Keywords = ["key", "secret", "token", "passw", "pwd", "pass", "credential"];

    private const string Description = "a hard-coded secret";

    // Names of user-interface text and translation keys (labelKey, password_hint_text, token_error_message).
    private static readonly string[] UiWords = ["label", "title", "description", "message", "hint", "placeholder", "i18n", "translation", "error", "tooltip", "caption"];

    // Names of a password's digest or of how it is hashed (ClickHouse's password_sha256_hex, Graylog's
    // root_password_sha2, Mailu's PASSWORD_SCHEME): not the secret itself.
    private static readonly string[] DigestWords = ["sha1", "sha2", "sha256", "sha512", "md5", "bcrypt", "digest", "_hex", "_scheme", "_algorithm", "_algo"];

    // Tokens and keys that mark a position, a version or a record, not an identity: Square's version_token, paging
    // cursors (page_token, continuation_token), idempotency keys, and keys of caches, tables and message routes.
    private static readonly string[] MarkerWords =
    [
        "version_token", "page_token", "continuation_token", "sync_token", "next_token", "resume_token", "sequence_token", "change_token", "cursor",
        "idempotency", "dedup", "cache_key", "partition_key", "sort_key", "primary_key", "foreign_key", "routing_key", "object_key", "lookup_key",
    ];

    // Names that say the value is a sample (test_spreadsheet_key, fake_token), and names of an action on a password
    // (Django allauth's rate limits "reset_password", "change_password"), not the password.
    private static readonly string[] NonSecretNamePrefixes = ["test_", "sample_", "example_", "fake_", "mock_", "dummy_", "demo_", "reset_", "change_", "forgot_"];

    private static readonly HashSet<string> BareNames = new(StringComparer.OrdinalIgnoreCase) { "token", "key", "secret", "password", "passwd", "pwd", "pass" };

    // Longer lines are minified code or embedded data, where name = value pairs are not configuration.
    private const int MaxLineLength = 1000;

    // Public values published by their vendors for local development (Azurite's storage account key).
    private static readonly string[] PublicDevelopmentValues = ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"];

    // Keys that providers publish to browsers on purpose: Stripe publishable keys, PostHog project keys, Mapbox public tokens.
    private static readonly string[] PublicKeyPrefixes = ["pk_live_", "pk_test_", "phc_", "pk.eyJ", "sb_publishable_", "NRJS-"];

    // SHA-1, SHA-256 and MD5 of the empty string and of "test": digests in documentation and tests, not keys.
    private static readonly HashSet<string> KnownDigests = new(StringComparer.OrdinalIgnoreCase)
    {
        "da39a3ee5e6b4b0d3255bfef95601890afd80709", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "d41d8cd98f00b204e9800998ecf8427e",
        "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "098f6bcd4621d373cade4e832627b4f6",
    };

    // Values that are words of configuration, not secrets, even when long.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "required", "optional", "string", "bearer", "basic", "default", "public", "private",
        "localhost", "secret", "password", "token", "apikey", "api_key", "secretkey", "secret_key", "access_token", "refresh_token", "id_token", "client_secret",
        "authorization", "base64", "hex", "utf8", "utf-8", "sha256", "sha512", "hs256", "rs256", "es256", "aes256", "aes-256-gcm", "aes-256-cbc",
    };

    /// <summary>Every generic secret assignment whose name contains a keyword at one of <paramref name="keywordOffsets"/>.</summary>
    public static IReadOnlyList<SecretMatch> Find(string text, IReadOnlyList<int> keywordOffsets, bool unquotedValuesAreLiterals)
    {
        var result = new List<SecretMatch>();
        var names = new Dictionary<string, bool>(StringComparer.Ordinal);
        int lastNameEnd = -1;
        foreach (int offset in keywordOffsets)
        {
            if (offset < lastNameEnd)
            {
                continue;
            }

            // The name around the keyword.
            int start = offset;
            while (start > 0 && IsNameChar(text[start - 1]))
            {
                start--;
            }

            int end = offset;
            while (end < text.Length && IsNameChar(text[end]))
            {
                end++;
            }

            lastNameEnd = end;
            if (start > 0 && text[start - 1] is ':' or '=' or '/' or '@' or '\\' or '+' or '$' || start > 1 && text[start - 1] == '{' && text[start - 2] == '$')
            {
                continue; // inside a value (arn:aws:secretsmanager:…, a URL path), not a name
            }

            // Cheapest test first: most keyword hits are words in prose or code with no assignment after them.
            if (end - start > 100 || FindValue(text, start, end, unquotedValuesAreLiterals) is not { } value
                || SecretPatterns.LineEnd(text, end) - SecretPatterns.LineStart(text, start) > MaxLineLength)
            {
                continue;
            }

            string name = text[start..end].Trim('.', '-');
            // In source code a bare 'token:' or 'password:' is most often a field of a payload, a fixture or a form (webhook
            // samples, test users); a name that says whose secret it is (apiToken, DB_PASSWORD) still counts.
            if (!unquotedValuesAreLiterals && BareNames.Contains(name))
            {
                continue;
            }

            if (name.Length == 0 || !(names.TryGetValue(name, out bool secret) ? secret : names[name] = IsSecretName(name)))
            {
                continue;
            }

            string candidate = text.Substring(value.Start, value.Length);
            if (Judge(name, candidate) && !SecretPatterns.IsAllowlistedLine(text, value.Start))
            {
                result.Add(new SecretMatch("generic-assignment", $"{Description} assigned to '{name}'", value.Start, value.Length));
            }
        }

        return result;
    }

    /// <summary>True for a reference to a secret store or a secret manager, not the secret itself.</summary>
    public static bool IsSecretStoreReference(string value) =>
        value.StartsWith("op://", StringComparison.Ordinal) || value.StartsWith("vault:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("arn:", StringComparison.Ordinal)
        || value.StartsWith("sm://", StringComparison.Ordinal) || value.StartsWith("gcp-secret", StringComparison.OrdinalIgnoreCase) || value.StartsWith("projects/", StringComparison.Ordinal)
        || value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) || value.StartsWith("ENC[", StringComparison.Ordinal) || value.StartsWith("!vault", StringComparison.Ordinal)
        || value.StartsWith("secretref:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("keyvaultref:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("{{resolve:", StringComparison.Ordinal)
        || value.StartsWith("$ANSIBLE_VAULT", StringComparison.Ordinal) || value.StartsWith("sops:", StringComparison.Ordinal) || value.StartsWith("AgB", StringComparison.Ordinal) && value.Length > 300;

    /// <summary>Whether <paramref name="value"/>, assigned to <paramref name="name"/>, could be a real secret.</summary>
    internal static bool Judge(string name, string value)
    {
        string v = value.Trim();
        if (v.Length < 8 || v.Length > 1000 || v.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~') || Call().IsMatch(v) || v.Contains(".*", StringComparison.Ordinal)
            || PublicDevelopmentValues.Any(p => v.StartsWith(p, StringComparison.Ordinal)) || PublicKeyPrefixes.Any(p => v.StartsWith(p, StringComparison.Ordinal))
            || v.Equals(name, StringComparison.OrdinalIgnoreCase) || ConstantName().IsMatch(v) || DottedKey().IsMatch(v) || v.Contains(',') && !IsPasswordName(name))
        {
            return false;
        }

        if (SecretHeuristics.IsPlaceholder(v) || SecretHeuristics.ContainsReference(v) || SecretHeuristics.DescribeKnownDefault(v) is not null || IsSecretStoreReference(v)
            || StopWords.Contains(v) || SecretPatterns.IsSequentialFiller(v) || MemberAccess().IsMatch(v) || NamespacedName().IsMatch(v) || KnownDigests.Contains(v) || IsReferenceLike(v) || IsPath(v) || v.Contains("://", StringComparison.Ordinal) || Uuid().IsMatch(v)
            || v.StartsWith('-') || v.StartsWith('?') || v.StartsWith('$') || v.StartsWith('%') || v.StartsWith('@') || v.StartsWith('!') || v.StartsWith('&') || v.StartsWith('*') || v.StartsWith('='))
        {
            return false;
        }

        bool password = IsPasswordName(name);
        int lower = 0, upper = 0, digits = 0, symbols = 0;
        foreach (char c in v)
        {
            if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                symbols++;
            }
        }

        if (digits == v.Length || symbols == v.Length)
        {
            return false;
        }

        if (IsEncodedReference(v))
        {
            return false;
        }

        // Settings written as key=value pairs (an ffmpeg filter, a query string): configuration, not a secret. Base64
        // padding is at the end only.
        if (v.TrimEnd('=').Count(c => c == '=') >= 2)
        {
            return false;
        }

        // Words and identifiers: snake_case, kebab-case, CONSTANT_CASE, camelCase, dotted.names, no digit. A random key of
        // 40 characters or fewer almost always holds a digit.
        if (digits == 0 && (Identifier().IsMatch(v) || symbols == 0 && v.Length <= 40))
        {
            return false;
        }

        // Version numbers, dates, IPs, sizes: digits and separators only.
        if (lower + upper <= 1 && VersionLike().IsMatch(v))
        {
            return false;
        }

        // A query-string parameter's name (sortOptions=), words and numbers joined by separators (renewal-early-bird-2024),
        // a host name (example.network): a random key mixes letters and digits inside its runs and has no dot.
        if (!password && (QueryParameterName().IsMatch(v) || WordsAndNumbers().IsMatch(v) || HostName().IsMatch(v)))
        {
            return false;
        }

        int classes = (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (symbols > 0 ? 1 : 0);
        double entropy = SecretPatterns.ShannonEntropy(v);
        double lengthCap = Math.Log2(v.Length) - 0.5;
        bool hex = Hex().IsMatch(v);
        if (password && SecretPatterns.IsWeakPassword(v) || SecretPatterns.IsWeakPassword(v) && entropy < 3.5)
        {
            return false;
        }

        if (password)
        {
            // A password is chosen by a person: 8 or more characters of at least two classes, not one repeated pattern.
            return classes >= 2 && (digits > 0 || symbols > 0 || v.Length >= 16) && entropy >= Math.Min(2.5, lengthCap);
        }

        if (v.Length < 12)
        {
            return false;
        }

        double threshold = hex ? Math.Min(3.0, lengthCap) : Math.Min(3.5, lengthCap);
        return entropy >= threshold && (hex || classes >= 2);
    }

    private static bool IsSecretName(string name)
    {
        // userSecretsId, tokenNamePrefix: camelCase words are words too.
        string snake = CamelBoundary().Replace(name, "$1_$2");
        if (!SecretHeuristics.IsSecretLikeName(snake) || name is "key" or "Key" or "KEY")
        {
            return false;
        }

        // Names that hold something about a secret (its name, where it is, how it is checked; Helm's existingSecret and
        // secretName name a Kubernetes secret), not the secret, and plurals (a list or a count of keys).
        string lower = snake.ToLowerInvariant();
        return !(lower.EndsWith('s') && !lower.EndsWith("pass", StringComparison.Ordinal) && !lower.EndsWith("credentials", StringComparison.Ordinal)
            || lower.Contains("public", StringComparison.Ordinal) || lower.Contains("_strategy", StringComparison.Ordinal) || lower.Contains("_backend", StringComparison.Ordinal)
            || lower.Contains("_class", StringComparison.Ordinal) || lower.Contains("_provider", StringComparison.Ordinal) || lower.Contains("_method", StringComparison.Ordinal)
            || lower.Contains("_description", StringComparison.Ordinal) || lower.Contains("_message", StringComparison.Ordinal) || lower.Contains("_text", StringComparison.Ordinal)
            || lower.Contains("_field", StringComparison.Ordinal) || UiWords.Any(w => lower.Contains(w, StringComparison.Ordinal))
            || lower.Contains("tokenizer", StringComparison.Ordinal) || lower.Contains("keyboard", StringComparison.Ordinal) || lower.Contains("monkey", StringComparison.Ordinal)
            || lower.Contains("keyword", StringComparison.Ordinal) || lower.Contains("passthrough", StringComparison.Ordinal) || lower.Contains("bypass", StringComparison.Ordinal)
            || lower.Contains("compass", StringComparison.Ordinal) || lower.Contains("passenger", StringComparison.Ordinal) || lower.Contains("_pattern", StringComparison.Ordinal)
            || lower.Contains("_regex", StringComparison.Ordinal) || lower.Contains("_hash", StringComparison.Ordinal) || lower.EndsWith("hash", StringComparison.Ordinal)
            || lower.Contains("_label", StringComparison.Ordinal) || lower.Contains("_placeholder", StringComparison.Ordinal) || lower.Contains("_hint", StringComparison.Ordinal)
            || lower.Contains("_policy", StringComparison.Ordinal) || lower.Contains("_reset", StringComparison.Ordinal) || lower.Contains("_mode", StringComparison.Ordinal)
            || lower.Contains("_count", StringComparison.Ordinal) || lower.Contains("_size", StringComparison.Ordinal) || lower.Contains("_limit", StringComparison.Ordinal)
            || lower.Contains("_usage", StringComparison.Ordinal) || lower.Contains("_format", StringComparison.Ordinal) || lower.Contains("_kind", StringComparison.Ordinal)
            || lower.Contains("_ref", StringComparison.Ordinal) || lower.Contains("_arn", StringComparison.Ordinal) || lower.Contains("_secret_name", StringComparison.Ordinal)
            || lower.StartsWith("existing_", StringComparison.Ordinal) || lower.EndsWith("_name", StringComparison.Ordinal) || lower.EndsWith("_identifier", StringComparison.Ordinal)
            || lower.Contains("prefix", StringComparison.Ordinal)
            || DigestWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) || MarkerWords.Any(w => lower.Contains(w, StringComparison.Ordinal))
            || NonSecretNamePrefixes.Any(p => lower.StartsWith(p, StringComparison.Ordinal)) || char.IsAsciiDigit(lower[0]));
    }

    /// <summary>
    /// True for base64 of a JSON object none of whose names is a secret's (Squidex's embed <c>squidex-token</c>,
    /// <c>{"a":"website","s":"blog","i":"…"}</c>: which content to edit, not a credential). A service account's key
    /// file or a signed payload names its secret (<c>private_key</c>, <c>secret</c>, <c>sig</c>) and is still judged.
    /// </summary>
    private static bool IsEncodedReference(string v)
    {
        if (v.Length < 16 || !v.StartsWith("ey", StringComparison.Ordinal) && !v.StartsWith("ew", StringComparison.Ordinal))
        {
            return false; // base64 of '{' starts with "ey" or, after a line break, "ew"
        }

        string padded = v.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(padded));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.EnumerateObject().Any()
                && !json.RootElement.EnumerateObject().Any(p => IsSecretName(p.Name) || p.Name.ToLowerInvariant() is "sig" or "signature" or "key" or "secret" or "token" or "password" or "pwd");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    private static bool IsPasswordName(string name)
    {
        string lower = name.ToLowerInvariant();
        return lower.Contains("passw", StringComparison.Ordinal) || lower.Contains("pwd", StringComparison.Ordinal) || lower.EndsWith("pass", StringComparison.Ordinal)
            || lower.Contains("passphrase", StringComparison.Ordinal);
    }

    // The value after the name: an assignment operator, then a quoted string (any file) or a bare word (configuration files).
    private static (int Start, int Length)? FindValue(string text, int nameStart, int nameEnd, bool unquoted)
    {
        int i = nameEnd;
        bool xmlElement = nameStart > 0 && text[nameStart - 1] == '<';
        if (i < text.Length && text[i] is '"' or '\'' && nameStart > 0 && text[nameStart - 1] == text[i])
        {
            i++; // "name": value
        }
        else if (i < text.Length && text[i] == ']' && nameStart > 1 && text[nameStart - 1] is '"' or '\'')
        {
            return null; // config["password"] = … is code reading a setting
        }

        i = SkipSpaces(text, i);
        if (i >= text.Length)
        {
            return null;
        }

        if (xmlElement)
        {
            if (text[i] != '>')
            {
                return null;
            }

            int close = text.IndexOf('<', i + 1);
            int lineEnd = SecretPatterns.LineEnd(text, i);
            return close < 0 || close > lineEnd || close - i - 1 <= 0 ? null : Trimmed(text, i + 1, close);
        }

        char op = text[i];
        if (op == ':' && i + 1 < text.Length && text[i + 1] == '=')
        {
            i += 2;
        }
        else if (op == '=' && i + 1 < text.Length && text[i + 1] == '>')
        {
            i += 2;
        }
        else if (op is '=' or ':')
        {
            if (i + 1 < text.Length && (text[i + 1] == '=' || op == ':' && text[i + 1] == ':'))
            {
                return null; // == comparison, :: scope
            }

            i++;
        }
        else
        {
            return null;
        }

        i = SkipSpaces(text, i);
        if (i >= text.Length)
        {
            return null;
        }

        char first = text[i];
        if (first is '"' or '\'' or '`')
        {
            int close = i + 1;
            while (close < text.Length && text[close] != first && text[close] != '\n')
            {
                close += text[close] == '\\' ? 2 : 1;
            }

            if (close >= text.Length || text[close] != first || close == i + 1)
            {
                return null;
            }

            return (i + 1, close - i - 1);
        }

        if (!unquoted || first is '|' or '>' or '{' or '[' or '(' or '#' or '/')
        {
            return null;
        }

        int stop = i;
        while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] is not (',' or ';' or '}' or ']' or ')' or '"' or '\'' or '<' or '('))
        {
            stop++;
        }

        // name = call(…) or name = obj.method(…): code, not a literal.
        return stop == i || stop < text.Length && text[stop] == '(' ? null : (i, stop - i);
    }

    private static (int, int)? Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end - start) : null;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    // A variable, attribute or call in a config language: $X, %X%, self.x, env.X, process.env.X, os.getenv(...), secrets.X.
    private static bool IsReferenceLike(string v) =>
        ReferenceLike().IsMatch(v) || v.EndsWith("()", StringComparison.Ordinal) || v.EndsWith(')') && v.Contains('(');

    private static bool IsPath(string v) =>
        v.StartsWith('/') || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)
        || v.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || WindowsPath().IsMatch(v) || RelativePath().IsMatch(v);

    // MAILER_SMTP_OAUTH2_CLIENT_SECRET: an enum or constant name, not a value.
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConstantName();

    // settings.storage.local-title: a dotted translation or configuration key.
    [GeneratedRegex(@"^[a-z][a-z0-9_\-]*(?:\.[a-z0-9_\-]+){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedKey();

    // Rails.application.config.self_hosted?: a member access in code.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*[?!]?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelBoundary();

    // OAuth2\Storage\AccessTokenInterface (PHP), Mail::IMAPClient (Perl, Ruby, C++): a namespaced class or module name.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:(?:\\{1,2}|::)[A-Za-z_][A-Za-z0-9_]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacedName();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    // Letter runs joined by one or two separators (project__name; one way to match each string: no backtracking blow-up).
    [GeneratedRegex(@"^_*[A-Za-z]+(?:[_.\-:/]{1,2}[A-Za-z]+)*[_.\-:/]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[a-z]+(?:[A-Z][a-z]+)+$|^(?:[A-Z][a-z]+){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"^(?:[a-z]+|[a-z]+(?:[A-Z][a-z]+)+)=$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameterName();

    // At least two runs of letters; every run (between - _ . separators) all letters or all digits.
    [GeneratedRegex(@"^(?=.*[A-Za-z][^A-Za-z]+[A-Za-z])(?:[A-Za-z]+|[0-9]+)(?:[\-_.](?:[A-Za-z]+|[0-9]+))+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordsAndNumbers();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[vV]?[0-9]+(?:[.\-:/_][0-9A-Za-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLike();

    [GeneratedRegex(@"^[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();

    [GeneratedRegex(@"^(?:(?:env|secrets|vars|process\.env|os\.environ|settings|config|self|this|ctx|context|params|inputs|steps|needs|matrix|github|var|local|data|module)[.\[][A-Za-z0-9_.\[\]'""\-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceLike();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*\((?:.*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Call();

    [GeneratedRegex(@"^[A-Za-z]:\\", RegexOptions.CultureInvariant)]
    private static partial Regex WindowsPath();

    // secrets/jwt.key, certs/server.pem, config/credentials.json: folders and a file name with an extension.
    [GeneratedRegex(@"^[\w.\-]+(?:/[\w.\-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePath();
}
