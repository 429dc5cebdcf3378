using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Semantics.Common;
using JobSwipe.InfraLint.Text;

namespace JobSwipe.InfraLint.Semantics.Secrets;

/// <summary>A credential found in a text: which detector matched and where the secret itself is (never its value).</summary>
/// <param name="DetectorId">The detector's stable id (for example <c>github-token</c>, or <c>generic-assignment</c>).</param>
/// <param name="Provider">A plain description for messages ("a GitHub personal access token").</param>
/// <param name="Start">Offset of the secret in the scanned text.</param>
/// <param name="Length">Length of the secret.</param>
public sealed record SecretMatch(string DetectorId, string Provider, int Start, int Length);

/// <summary>How a text is scanned: which detectors run, and whether unquoted values count as literals.</summary>
public sealed record SecretScanOptions
{
    /// <summary>Provider detectors only (no generic assignment detector): what other rules use to name a value's provider.</summary>
    public static readonly SecretScanOptions ProvidersOnly = new() { GenericAssignments = false };

    /// <summary>
    /// Run the generic <c>key/secret/token/password = value</c> detector and the formats that are a password by their
    /// position (a URL's or a connection string's password, a curl credential). Off in tests, documentation, examples
    /// and translations, where such values are samples; provider formats run everywhere.
    /// </summary>
    public bool GenericAssignments { get; init; } = true;

    /// <summary>
    /// Whether an unquoted value after <c>=</c> or <c>:</c> is a literal (configuration files: env, YAML, TOML, INI,
    /// properties) or an expression (source code, where only string literals count).
    /// </summary>
    public bool UnquotedValuesAreLiterals { get; init; } = true;
}

/// <summary>
/// One provider's credential format, in the spirit of a gitleaks rule but written here from the providers' documented
/// formats: literals (case-insensitive) of which one must occur on the line before the regex runs there, a regex whose
/// <c>secret</c> group is the credential, an entropy floor for formats that are not fully fixed, and a validation that
/// drops documented examples and look-alikes.
/// </summary>
public sealed class SecretDetector
{
    private readonly Lazy<Regex> _regex;

    internal SecretDetector(string id, string provider, string[] keywords, string pattern, double minEntropy = 0, Func<string, bool>? isAllowed = null, bool multiline = false)
    {
        Id = id;
        Provider = provider;
        Keywords = keywords;
        Pattern = pattern;
        MinEntropy = minEntropy;
        IsAllowedValue = isAllowed ?? (_ => false);
        Multiline = multiline;
        _regex = new Lazy<Regex>(() => new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexLimits.MatchTimeout));
    }

    public string Id { get; }

    /// <summary>True for formats that are a password by position, not by shape (see <see cref="SecretScanOptions.GenericAssignments"/>).</summary>
    public bool IsPasswordFormat { get; init; }

    /// <summary>
    /// True for formats without a prefix of their own, recognised only next to the provider's name (a Vercel token is 24
    /// letters and digits): like the generic detector, they do not run in lock files and samples, and a value shaped like
    /// a word or an identifier (<c>buildVercelDeploymentUrl</c>) is not taken for one.
    /// </summary>
    public bool IsNameAnchored { get; init; }

    /// <summary>The plain description used in messages ("an AWS access key ID").</summary>
    public string Provider { get; }

    /// <summary>
    /// Literals; the regex only runs on lines where one of them occurs. A keyword written with an upper-case letter
    /// (<c>AKIA</c>, <c>SK</c>, <c>eyJ</c>) must occur exactly so; an all-lower-case one (<c>datadog</c>, <c>ghp_</c>) in any case.
    /// </summary>
    public IReadOnlyList<string> Keywords { get; }

    /// <summary>The format, as a .NET regular expression with a <c>secret</c> group.</summary>
    public string Pattern { get; }

    /// <summary>The secret's Shannon entropy (bits per character) must be above this.</summary>
    public double MinEntropy { get; }

    /// <summary>True when the format spans lines (a PEM block): the regex then runs from the keyword to the end of the text.</summary>
    public bool Multiline { get; }

    internal Regex Regex => _regex.Value;

    /// <summary>True for a documented example or a value that only looks like the format.</summary>
    internal Func<string, bool> IsAllowedValue { get; }
}

/// <summary>
/// The credential formats every secret-bearing rule recognises. <see cref="Scan(string, SecretScanOptions?)"/> makes one
/// pass over the text with every detector's keywords at once, runs a detector's regex only on the lines where one of its
/// keywords occurs (so the cost stays linear in the text's length), then the generic assignment detector at each
/// secret-like name. It never returns or formats a value, only where it is.
/// </summary>
public static partial class SecretPatterns
{
    // Lazy: the detector table is initialised in another part of this class, in an order C# leaves open.
    private static readonly Lazy<KeywordIndex> LazyIndex = new(() => new KeywordIndex(Detectors!));

    private static KeywordIndex Index => LazyIndex.Value;

    /// <summary>Every credential in <paramref name="text"/>, in order, overlaps removed (provider formats before the generic detector; then the first, longest match).</summary>
    public static IReadOnlyList<SecretMatch> Scan(string text, SecretScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new SecretScanOptions();
        if (text.Length == 0)
        {
            return [];
        }

        var found = new List<SecretMatch>();

        // The keywords come in text order, so a line's hits are consecutive: the detectors already run on the current line
        // are all there is to remember (no set of (detector, line) pairs, which ReadyToRun would leave to the JIT).
        var scannedOnLine = new List<int>();
        int currentLine = -1;
        HashSet<int>? scannedWhole = null;
        var genericAt = new List<int>();
        foreach (var (offset, keyword) in Index.FindAll(text))
        {
            if (keyword.Generic)
            {
                genericAt.Add(offset);
            }

            foreach (int d in keyword.Detectors)
            {
                var detector = Detectors[d];
                if ((detector.IsPasswordFormat || detector.IsNameAnchored) && !options.GenericAssignments)
                {
                    continue;
                }

                if (detector.Multiline)
                {
                    if ((scannedWhole ??= []).Add(d))
                    {
                        Run(detector, text, LineStart(text, offset), text.Length - LineStart(text, offset), found);
                    }

                    continue;
                }

                int start = LineStart(text, offset);
                if (start != currentLine)
                {
                    currentLine = start;
                    scannedOnLine.Clear();
                }

                if (!scannedOnLine.Contains(d))
                {
                    scannedOnLine.Add(d);
                    Run(detector, text, start, LineEnd(text, offset) - start, found);
                }
            }
        }

        // Same place: the longer match, then a format with a prefix of its own before one recognised by the name next to it.
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length != b.Length ? b.Length.CompareTo(a.Length) : Rank(a).CompareTo(Rank(b)));
        var result = new List<SecretMatch>();
        int end = -1;
        foreach (var match in found)
        {
            if (match.Start >= end)
            {
                result.Add(match);
                end = match.Start + match.Length;
            }
        }

        if (options.GenericAssignments && genericAt.Count > 0)
        {
            var generic = GenericAssignments.Find(text, genericAt, options.UnquotedValuesAreLiterals);
            foreach (var match in generic)
            {
                if (!result.Any(m => m.Start < match.Start + match.Length && match.Start < m.Start + m.Length))
                {
                    result.Add(match);
                }
            }

            result.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }

        if (result.Count > 0 && text.Contains("\"service_account\"", StringComparison.Ordinal))
        {
            // A private key inside a Google Cloud service-account key file is that account's key.
            for (int i = 0; i < result.Count; i++)
            {
                if (result[i].DetectorId == "private-key")
                {
                    result[i] = result[i] with { DetectorId = "gcp-service-account-key", Provider = "a Google Cloud service account key" };
                }
            }
        }

        return result;
    }

    private static int Rank(SecretMatch match) => Index.Rank.GetValueOrDefault(match.DetectorId);

    /// <summary>The provider description when <paramref name="value"/> is exactly one known credential format; otherwise null.</summary>
    public static string? DescribeValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var matches = Scan(value, SecretScanOptions.ProvidersOnly);
        return matches.Count > 0 ? matches[0].Provider : null;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (char c in value)
        {
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }

        double entropy = 0;
        int length = value.Length;
        void Add(int count)
        {
            double p = (double)count / length;
            entropy -= p * Math.Log2(p);
        }

        foreach (int count in ascii)
        {
            if (count > 0)
            {
                Add(count);
            }
        }

        foreach (int count in other?.Values ?? (IEnumerable<int>)[])
        {
            Add(count);
        }

        return entropy;
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double ShannonEntropy(string value) => ShannonEntropy(value.AsSpan());

    /// <summary>
    /// True for 20 or more letters (and <c>_</c>, <c>-</c>, <c>.</c>) with no digit: a word or an identifier. A random
    /// token of 20 or more characters from an alphabet with digits holds one with a probability above 97 %; shorter
    /// formats (a 12-character MaxMind key) are left alone, where a key without a digit is common.
    /// </summary>
    internal static bool IsWordLike(string value) =>
        value.Length >= 20 && !value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiLetter(c) || c is '_' or '-' or '.');

    // A value followed by '(' is a function being called, not a literal.
    private static bool IsCalled(string text, int end) => end < text.Length && text[end] == '(';

    private static void Run(SecretDetector detector, string text, int start, int length, List<SecretMatch> found)
    {
        try
        {
            for (var match = detector.Regex.Match(text, start, length); match.Success; match = match.NextMatch())
            {
                var group = match.Groups["secret"];
                if (!group.Success || group.Length == 0)
                {
                    continue;
                }

                string value = group.Value;
                if (detector.MinEntropy > 0 && ShannonEntropy(value) <= detector.MinEntropy)
                {
                    continue;
                }

                if (detector.IsAllowedValue(value) || IsPlaceholderValue(value) || IsSequentialFiller(value) || IsAllowlistedLine(text, group.Index) || EncodesProse(value)
                    || detector.IsNameAnchored && (IsWordLike(value) || IsCalled(text, group.Index + group.Length)))
                {
                    continue;
                }

                found.Add(new SecretMatch(detector.Id, detector.Provider, group.Index, group.Length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line: skip this detector there rather than fail the run.
        }
    }

    /// <summary>
    /// True when the part after a token's prefix is base64 of an English sentence ("This is an example of a shorter
    /// Base64 string"): documentation writes such values; a key's bytes are random. JSON payloads (JWTs, Grafana and
    /// 1Password tokens) start with '{' and are not prose.
    /// </summary>
    internal static bool EncodesProse(string value)
    {
        int cut = value.LastIndexOfAny(['_', '-', '.', ',']);
        string body = cut >= 0 && cut < value.Length - 16 ? value[(cut + 1)..] : value;
        if (body.Length < 16 || body.Length % 4 == 1)
        {
            return false;
        }

        string padded = body.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out int written) || written < 12)
        {
            return false;
        }

        var decoded = bytes[..written];
        int letters = 0, spaces = 0;
        foreach (byte b in decoded)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }

            letters += char.IsAsciiLetter((char)b) ? 1 : 0;
            spaces += b == ' ' ? 1 : 0;
        }

        return decoded[0] is not ((byte)'{' or (byte)'[') && spaces >= 3 && letters + spaces >= decoded.Length * 0.85;
    }

    /// <summary>True when the value holds a run typed by hand (<c>123456789</c>, <c>abcdefgh</c>): a fake, not a generated key.</summary>
    internal static bool IsSequentialFiller(string value) =>
        value.Contains("123456789", StringComparison.Ordinal) || value.Contains("abcdefgh", StringComparison.OrdinalIgnoreCase) || value.Contains("0123456", StringComparison.Ordinal);

    // The shared vocabulary judges whole values; a PEM block is judged by its body instead.
    private static bool IsPlaceholderValue(string value) =>
        !value.StartsWith("-----BEGIN", StringComparison.Ordinal) && !value.StartsWith("PuTTY", StringComparison.Ordinal) && SecretHeuristics.IsPlaceholder(value);

    internal static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    internal static int LineEnd(string text, int offset)
    {
        int end = text.IndexOf('\n', offset);
        return end < 0 ? text.Length : end;
    }

    private static readonly string[] KeyIdLinkParameters = ["SubscriptionId=", "AWSAccessKeyId=", "X-Amz-Credential="];

    /// <summary>
    /// True for an AWS access key ID that is a parameter of a link: an Amazon affiliate link's <c>SubscriptionId</c>, a
    /// presigned URL's <c>AWSAccessKeyId</c> or <c>X-Amz-Credential</c>. The ID alone grants nothing (the secret access key
    /// is not in a link), and a presigned URL's signature expires.
    /// </summary>
    public static bool IsKeyIdInLink(SecretMatch match, string text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        if (match.DetectorId != "aws-access-key-id")
        {
            return false;
        }

        int lineStart = LineStart(text, match.Start);
        var before = text.AsSpan(lineStart, match.Start - lineStart);
        foreach (string parameter in KeyIdLinkParameters)
        {
            if (before.EndsWith(parameter, StringComparison.OrdinalIgnoreCase))
            {
                return before.Contains("://", StringComparison.Ordinal) || before.Contains(":\\u002F\\u002F", StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the match is the value of a form field's placeholder (<c>placeholder: "gloas-…"</c>, JSX
    /// <c>placeholder="sk-…"</c>, <c>tokenPlaceholder = '…'</c>): an example of the format shown to the user, not a
    /// credential of the application.
    /// </summary>
    public static bool IsPlaceholderAttribute(SecretMatch match, string text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        int from = LeadInStart(text, match);
        return PlaceholderAttribute().IsMatch(text.AsSpan(from, match.Start - from));
    }

    /// <summary>Where the text that introduces a match starts: its line's start, at most 200 characters before it.</summary>
    private static int LeadInStart(string text, SecretMatch match) => Math.Max(LineStart(text, match.Start), match.Start - 200);

    /// <summary>
    /// True when the name the match is assigned to says it is a sample (<c>TEST_FAKE_RSA_KEY_0 = "-----BEGIN…"</c>,
    /// <c>dummyToken: "ghp_…"</c>, <c>EXAMPLE_PRIVATE_KEY</c>): the author declares it a test or example value.
    /// </summary>
    public static bool IsAssignedToSampleName(SecretMatch match, string text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        int from = LeadInStart(text, match);
        var assignment = AssignedName().Match(text, from, match.Start - from);
        if (!assignment.Success)
        {
            return false;
        }

        // The name's words: TEST_FAKE_RSA_KEY, dummyToken, example-private-key. Not "test" alone: STRIPE_TEST_KEY or
        // AWS_SECRET_KEY_TEST is as often the live credential of a test environment as a made-up value.
        string name = CamelBoundary().Replace(assignment.Groups["name"].Value, "_").ToLowerInvariant();
        return name.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Any(w => w is "fake" or "dummy" or "mock" or "example" or "sample" or "insecure");
    }

    /// <summary>
    /// True for a JSON Web Token whose header says it is a licence (<c>"typ": "license+jwt"</c>, Duende IdentityServer's
    /// licence keys): a signed statement that a library checks offline, shipped inside the product it licenses. It
    /// grants access to no service, so there is nothing to revoke.
    /// </summary>
    public static bool IsLicenseJwt(SecretMatch match, string text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        if (match.DetectorId != "jwt")
        {
            return false;
        }

        string token = text.Substring(match.Start, match.Length);
        int dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || Decode(token[..dot]) is not { } header)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(header);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String
                && typ.GetString() is { } type && type.Contains("license", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\b\w*placeholder\s*(?:=|:)\s*\{?\s*[""'`]?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderAttribute();

    // The name before the literal on its line: `const NAME: &str = "`, `NAME = '`, `name: "`, `"name": "`, `NAME=`.
    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_.-]*)[""']?\s*(?::\s*[^=:""'`]*)?(?:=|:)\s*[rbf]?#*[""'`]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AssignedName();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelBoundary();

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Prefixes that say a key is a live or production one (not a test-mode or sandbox key).
    private static readonly string[] LivePrefixes = ["sk_live_", "rk_live_", "shippo_live_", "duffel_live_", "access-production-", "pypi-AgEIcHlwaS5vcmc"];

    /// <summary>
    /// True when a match shows by itself that it is a real, live credential: a GitHub (<c>ghp_</c>, <c>gho_</c>,
    /// <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c>) or npm token whose last six characters are the CRC32 of the 30 before them in
    /// base62 (the checksum both providers put in their tokens), or a key whose prefix says it is live or production
    /// (Stripe, Shippo, Duffel, Plaid, Braintree, Flutterwave, GoCardless, PyPI). Made-up tokens in tests and
    /// documentation fail the checksum; a random string cannot pass it but once in 2^32.
    /// </summary>
    public static bool IsVerifiedLive(SecretMatch match, string text)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(text);
        var value = text.AsSpan(match.Start, match.Length);
        if (match.DetectorId is "github-token" or "github-oauth-token" or "github-app-token" or "github-refresh-token" or "npm-token")
        {
            return value.Length == 40 && HasBase62Checksum(value[4..]);
        }

        string secret = value.ToString();
        return LivePrefixes.Any(p => secret.StartsWith(p, StringComparison.Ordinal)) || match.DetectorId == "gocardless-token"
            || match.DetectorId == "braintree-access-token" && value.Contains("$production$", StringComparison.Ordinal)
            || match.DetectorId == "flutterwave-key" && !value.Contains("_TEST", StringComparison.Ordinal);
    }

    // 30 base62 characters, then the CRC32 of their bytes in base62, left-padded with '0' to six characters.
    internal static bool HasBase62Checksum(ReadOnlySpan<char> token)
    {
        if (token.Length != 36)
        {
            return false;
        }

        uint crc = Crc32(token[..30]);
        Span<char> expected = stackalloc char[6];
        for (int i = 5; i >= 0; i--)
        {
            expected[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return crc == 0 && token[30..].SequenceEqual(expected);
    }

    /// <summary>CRC-32 (IEEE 802.3, as zlib's) of ASCII characters.</summary>
    internal static uint Crc32(ReadOnlySpan<char> ascii)
    {
        uint crc = 0xFFFFFFFF;
        foreach (char c in ascii)
        {
            crc ^= (byte)c;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    // gitleaks:allow and detect-secrets' pragma keep working for users switching tools.
    internal static bool IsAllowlistedLine(string text, int offset)
    {
        var line = text.AsSpan(LineStart(text, offset), LineEnd(text, offset) - LineStart(text, offset));
        return line.Contains("gitleaks:allow", StringComparison.Ordinal) || line.Contains("pragma: allowlist secret", StringComparison.Ordinal);
    }

    private static bool HasKeyBody(string block)
    {
        int headerEnd = block.IndexOf("-----", 10, StringComparison.Ordinal);
        int footer = block.LastIndexOf("-----END", StringComparison.Ordinal);
        if (headerEnd < 0 || footer <= headerEnd)
        {
            return false;
        }

        int base64 = 0;
        foreach (char c in block.AsSpan(headerEnd + 5, footer - headerEnd - 5))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
            {
                base64++;
            }
            else if (c == '.' || c == '<' || c == '…')
            {
                return false; // "..." elisions and <key> fields in documentation
            }
        }

        return base64 >= 64;
    }

    // A JWT is only a secret when its payload is a real JSON object of claims (not the jwt.io example).
    private static bool IsRealJwt(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } payload)
        {
            return false;
        }

        try
        {
            using var headerJson = JsonDocument.Parse(header);
            using var payloadJson = JsonDocument.Parse(payload);
            if (headerJson.RootElement.ValueKind != JsonValueKind.Object || payloadJson.RootElement.ValueKind != JsonValueKind.Object
                || !payloadJson.RootElement.EnumerateObject().Any() || !headerJson.RootElement.TryGetProperty("alg", out var alg)
                || alg.ValueKind != JsonValueKind.String || string.Equals(alg.GetString(), "none", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // The jwt.io documentation example.
            return !(payload.Contains("\"John Doe\"", StringComparison.Ordinal) && payload.Contains("1234567890", StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Decode(string segment)
    {
        string s = segment.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // A password (in a URL or a connection string) is a secret unless it is an interpolation, a placeholder, a known
    // default, a secret-store reference or too simple to be a real one.
    internal static bool IsLikelyRealPassword(string password)
    {
        string v = password.Trim().Trim('"', '\'', '{', '}');
        if (v.Length < 8 || SecretHeuristics.ContainsReference(v) || SecretHeuristics.IsPlaceholder(v) || SecretHeuristics.DescribeKnownDefault(v) is not null
            || GenericAssignments.IsSecretStoreReference(v))
        {
            return false;
        }

        if (v.Contains('<') || v.Contains('{') || v.Contains('%') && v.Contains("%(", StringComparison.Ordinal) || v.StartsWith('$'))
        {
            return false;
        }

        return !IsWeakPassword(v) && !v.ToLowerInvariant().All(c => char.IsAsciiLetterLower(c) || c == '_' || c == '-');
    }

    /// <summary>A password made of the words people use for test and sample passwords, in any spelling (p@ssw0rd, S3cr3t!, Test1234).</summary>
    internal static bool IsWeakPassword(string value)
    {
        string v = Uri.UnescapeDataString(value).ToLowerInvariant();
        var plain = new StringBuilder(v.Length);
        foreach (char c in v)
        {
            plain.Append(c switch { '@' or '4' => 'a', '0' => 'o', '1' or '!' => 'i', '3' => 'e', '5' or '$' => 's', '7' => 't', _ => c });
        }

        string p = plain.ToString();
        return WeakWords.Any(w => p.Contains(w, StringComparison.Ordinal)) || v.StartsWith("your", StringComparison.Ordinal);
    }

    private static readonly string[] WeakWords = ["password", "passwort", "passwd", "secret", "changeme", "letmein", "qwerty", "admin", "test", "demo", "example", "sample", "welcome", "pass", "default"];

    /// <summary>Every keyword of every detector, found in one pass over a text (case-insensitive).</summary>
    private sealed class KeywordIndex
    {
        private readonly SearchValues<string> _values;
        private readonly Dictionary<char, List<Keyword>> _byFirst = [];

        public Dictionary<string, int> Rank { get; } = new(StringComparer.Ordinal);

        public KeywordIndex(IReadOnlyList<SecretDetector> detectors)
        {
            for (int i = 0; i < detectors.Count; i++)
            {
                Rank.TryAdd(detectors[i].Id, detectors[i].Pattern.StartsWith("(?i:", StringComparison.Ordinal) ? 10_000 + i : i);
            }

            // Entries of a class, not a tuple: ReadyToRun leaves a dictionary of tuples to the JIT (29 methods, every run).
            var all = new Dictionary<string, KeywordEntry>(StringComparer.Ordinal);
            for (int i = 0; i < detectors.Count; i++)
            {
                foreach (string k in detectors[i].Keywords)
                {
                    if (!all.TryGetValue(k, out var entry))
                    {
                        all[k] = entry = new KeywordEntry();
                    }

                    entry.Detectors.Add(i);
                }
            }

            foreach (string k in GenericAssignments.Keywords)
            {
                if (!all.TryGetValue(k, out var entry))
                {
                    all[k] = entry = new KeywordEntry();
                }

                entry.Generic = true;
            }

            foreach (var pair in all)
            {
                string k = pair.Key;
                var entry = pair.Value;
                char first = char.ToLowerInvariant(k[0]);
                if (!_byFirst.TryGetValue(first, out var list))
                {
                    _byFirst[first] = list = [];
                }

                list.Add(new Keyword(k, [.. entry.Detectors], entry.Generic, k.Any(char.IsUpper)));
            }

            _values = SearchValues.Create([.. all.Keys.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A keyword's detectors while the index is built, and whether the generic assignment detector uses it.</summary>
        private sealed class KeywordEntry
        {
            public List<int> Detectors { get; } = [];

            public bool Generic { get; set; }
        }

        public IEnumerable<(int Offset, Keyword Keyword)> FindAll(string text)
        {
            int position = 0;
            while (position < text.Length)
            {
                int found = text.AsSpan(position).IndexOfAny(_values);
                if (found < 0)
                {
                    yield break;
                }

                int at = position + found;
                int step = 1;
                if (_byFirst.TryGetValue(char.ToLowerInvariant(text[at]), out var candidates))
                {
                    foreach (var keyword in candidates)
                    {
                        if (text.AsSpan(at).StartsWith(keyword.Text, keyword.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                        {
                            yield return (at, keyword);
                        }
                    }
                }

                position = at + step;
            }
        }
    }

    private sealed record Keyword(string Text, int[] Detectors, bool Generic, bool CaseSensitive);
}
