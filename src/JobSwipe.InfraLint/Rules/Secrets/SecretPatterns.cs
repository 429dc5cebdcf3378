using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobSwipe.InfraLint.Rules.Common;

namespace JobSwipe.InfraLint.Rules.Secrets;

/// <summary>A provider credential found in a text: which detector matched and where the secret itself is (never its value).</summary>
/// <param name="DetectorId">The detector's stable id (for example <c>github-token</c>).</param>
/// <param name="Provider">A plain description for messages ("a GitHub token").</param>
/// <param name="Start">Offset of the secret in the scanned text.</param>
/// <param name="Length">Length of the secret.</param>
public sealed record SecretMatch(string DetectorId, string Provider, int Start, int Length);

/// <summary>
/// One provider's credential format, shaped like a gitleaks rule: lower-case keywords that must appear in the text
/// before the regex runs, a regex whose <c>secret</c> group (or whole match) is the credential, an entropy floor for
/// formats that are not fully fixed, and a validation that drops documented examples and look-alikes.
/// </summary>
public sealed class SecretDetector
{
    internal SecretDetector(string id, string provider, string[] keywords, Regex regex, double minEntropy = 0, Func<string, bool>? isAllowed = null)
    {
        Id = id;
        Provider = provider;
        Keywords = keywords;
        Regex = regex;
        MinEntropy = minEntropy;
        IsAllowedValue = isAllowed ?? (_ => false);
    }

    public string Id { get; }

    public string Provider { get; }

    /// <summary>Lower-case literals; the regex only runs when one of them occurs in the lower-cased text.</summary>
    public IReadOnlyList<string> Keywords { get; }

    internal Regex Regex { get; }

    /// <summary>The secret's Shannon entropy (bits per character) must be above this.</summary>
    public double MinEntropy { get; }

    /// <summary>True for a documented example or a value that only looks like the format.</summary>
    internal Func<string, bool> IsAllowedValue { get; }
}

/// <summary>
/// The credential formats every secret-bearing rule recognises (gitleaks / detect-secrets shapes, research note §4):
/// one entry per provider. <see cref="Scan"/> never returns or formats a value, only where it is.
/// </summary>
public static partial class SecretPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Every detector, one per provider format.</summary>
    public static IReadOnlyList<SecretDetector> Detectors { get; } =
    [
        new("aws-access-key-id", "an AWS access key ID", ["akia", "asia", "abia", "acca"],
            Rx(@"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])"), 3.0,
            v => v.EndsWith("EXAMPLE", StringComparison.Ordinal)),
        new("aws-secret-access-key", "an AWS secret access key", ["aws"],
            Rx(@"(?i:aws)[A-Za-z0-9_.\-]{0,30}(?i:secret|private)[A-Za-z0-9_.\-]{0,20}[""']?\s*(?::=|=>|=|:)\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"), 4.0,
            v => v.Contains("EXAMPLE", StringComparison.Ordinal)),
        new("github-token", "a GitHub token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"), 3.0),
        new("github-fine-grained-pat", "a GitHub fine-grained personal access token", ["github_pat_"],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])"), 3.0),
        new("gitlab-token", "a GitLab token", ["glpat-", "gldt-", "glrt-"],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>gl(?:pat|dt|rt)-[A-Za-z0-9_\-]{20,})(?![A-Za-z0-9_\-])"), 3.0),
        new("openai-api-key", "an OpenAI API key", ["t3blbkfj"],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{58,74}T3BlbkFJ[A-Za-z0-9_\-]{58,74}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_\-])"), 3.0),
        new("anthropic-api-key", "an Anthropic API key", ["sk-ant-"],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>sk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA)(?![A-Za-z0-9_\-])"), 3.0),
        new("stripe-live-key", "a Stripe live secret key", ["sk_live_", "rk_live_"],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>[sr]k_live_[A-Za-z0-9]{10,99})(?![A-Za-z0-9_])"), 2.5),
        new("slack-token", "a Slack token", ["xox", "xapp-"],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>xox[bpaors]-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9]{10,13})?-[A-Za-z0-9]{24,34}|xapp-[0-9]-[A-Z0-9]{9,11}-[0-9]{10,13}-[a-f0-9]{64})(?![A-Za-z0-9_\-])"), 3.0),
        new("slack-webhook", "a Slack webhook URL", ["hooks.slack.com"],
            Rx(@"(?<secret>(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])"), 3.0,
            v => v.Contains("XXXX", StringComparison.Ordinal) || v.Contains("xxxx", StringComparison.Ordinal)),
        new("google-api-key", "a Google API key", ["aiza"],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>AIza[A-Za-z0-9_\-]{35})(?![A-Za-z0-9_\-])"), 4.0),
        new("twilio-api-key", "a Twilio API key", ["sk"],
            Rx(@"(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])"), 3.0),
        new("sendgrid-api-key", "a SendGrid API key", ["sg."],
            Rx(@"(?<![A-Za-z0-9_\-])(?<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])"), 3.0),
        new("npm-token", "an npm access token", ["npm_"],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"), 3.0),
        new("flyio-token", "a Fly.io access token", ["fo1_", "fm1", "fm2_"],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>fo1_[A-Za-z0-9_\-]{43}|fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3})(?![A-Za-z0-9_\-+/])"), 4.0),
        new("vault-token", "a HashiCorp Vault service token", ["hvs."],
            Rx(@"(?<![A-Za-z0-9_])(?<secret>hvs\.[A-Za-z0-9_\-]{90,120})(?![A-Za-z0-9_\-])"), 3.5),
        new("private-key", "a private key", ["private key"],
            Rx(@"(?<secret>-----BEGIN[ A-Z0-9_\-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{64,}?-----END[ A-Z0-9_\-]{0,100}PRIVATE KEY(?: BLOCK)?-----)"), 0,
            v => !HasKeyBody(v)),
        new("jwt", "a JSON Web Token", ["eyj"],
            Rx(@"(?<![A-Za-z0-9_\-.])(?<secret>ey[A-Za-z0-9_\-]{10,}\.ey[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})(?![A-Za-z0-9_\-.])"), 3.0,
            v => !IsRealJwt(v)),
        new("url-password", "a password in a connection string", ["://"],
            Rx(@"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^:/@\s""'`]{1,64}:(?<secret>[^@/\s""'`]{1,128})@[A-Za-z0-9_\-\[]"), 2.5,
            v => !IsLikelyRealPassword(v)),
    ];

    /// <summary>Every credential in <paramref name="text"/>, in order, overlaps removed (the first, longest match wins).</summary>
    public static IReadOnlyList<SecretMatch> Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        string lower = text.ToLowerInvariant();
        var found = new List<SecretMatch>();
        foreach (var detector in Detectors)
        {
            if (!detector.Keywords.Any(k => lower.Contains(k, StringComparison.Ordinal)))
            {
                continue;
            }

            try
            {
                foreach (Match match in detector.Regex.Matches(text))
                {
                    var group = match.Groups["secret"];
                    string value = group.Value;
                    if (detector.MinEntropy > 0 && ShannonEntropy(value) <= detector.MinEntropy)
                    {
                        continue;
                    }

                    if (detector.IsAllowedValue(value) || IsAllowlistedLine(text, group.Index))
                    {
                        continue;
                    }

                    found.Add(new SecretMatch(detector.Id, detector.Provider, group.Index, group.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological text: skip this detector rather than fail the run.
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
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

        return result;
    }

    /// <summary>The provider description when <paramref name="value"/> is exactly one known credential format; otherwise null.</summary>
    public static string? DescribeValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var matches = Scan(value);
        return matches.Count > 0 ? matches[0].Provider : null;
    }

    /// <summary>Shannon entropy in bits per character (gitleaks' measure).</summary>
    public static double ShannonEntropy(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (char c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (int count in counts.Values)
        {
            double p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }

    // gitleaks:allow and detect-secrets' pragma keep working for users switching tools.
    private static bool IsAllowlistedLine(string text, int offset)
    {
        int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.IndexOf('\n', offset);
        string line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
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
            else if (c == '.')
            {
                return false; // "..." elisions in documentation
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
                || !payloadJson.RootElement.EnumerateObject().Any())
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

    // A URL password is a secret unless it is an interpolation, a placeholder, a known default or too simple to be real.
    private static bool IsLikelyRealPassword(string password)
    {
        if (SecretHeuristics.ContainsReference(password) || SecretHeuristics.IsPlaceholder(password) || SecretHeuristics.DescribeKnownDefault(password) is not null)
        {
            return false;
        }

        if (password.Length < 8 || password.Contains('<') || password.Contains('{') || password.Contains('%') && password.Contains("%(", StringComparison.Ordinal))
        {
            return false;
        }

        string lower = password.ToLowerInvariant();
        return !(lower.Contains("password", StringComparison.Ordinal) || lower.Contains("example", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal)
            || lower.Contains("changeme", StringComparison.Ordinal) || lower.StartsWith("your", StringComparison.Ordinal) || lower.All(c => char.IsAsciiLetterLower(c) || c == '_'));
    }

    private static Regex Rx(string pattern) => new(pattern, Options, Timeout);
}
